import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api/client';
import type {
  BuyerMember,
  Merchant,
  MerchantDocument,
  MerchantUser,
  Store,
} from '../../app/api/merchant-types';
import type { AuditEvent } from '../../app/api/types';
import { useCursorList } from '../shared/use-cursor-list';
import type { Market, MarketDetail, MerchantMarkets, Referral } from './types';

export interface MerchantFilters {
  q?: string;
  /** Comma-separated, as the API takes them: `submitted,in_review`. */
  status?: string;
  kind?: string;
  mcc?: string;
  riskLevel?: string;
  /** A prefix of a region code: 37, 3702 or 370202. */
  regionCode?: string;
  /** The branch whose whole subtree is listed. */
  orgNodeId?: string;
}

export const merchantsKey = ['merchants'] as const;
export const marketsKey = ['markets'] as const;
const pageSize = 20;

export const merchantPath = (id: string) => `/merchants/${encodeURIComponent(id)}`;

/** The export link carries the list's filters; the session cookie authenticates the download. */
export function exportUrl(filters: MerchantFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value) params.set(key, value);
  }
  const search = params.toString();
  return `/api/v1/merchants/export.xlsx${search ? `?${search}` : ''}`;
}

export function useMerchantList(filters: MerchantFilters, limit = pageSize) {
  return useCursorList<Merchant>([...merchantsKey, 'list', filters, limit], '/merchants', {
    ...filters,
    limit,
  });
}

export function useMerchant(id: string) {
  return useQuery({
    queryKey: [...merchantsKey, 'detail', id],
    queryFn: () => api.get<Merchant>(merchantPath(id)),
  });
}

/** Everything cached about one merchant: its detail, tabs and the lists it appears in. */
export function useRefreshMerchant() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: merchantsKey });
}

/** Sub-lists of one merchant; a merchant has a handful of stores and users, one page holds them. */
function useSubList<T>(id: string, part: string) {
  return useQuery({
    queryKey: [...merchantsKey, 'detail', id, part],
    queryFn: () => api.get<{ data: T[] }>(`${merchantPath(id)}/${part}`, { limit: 100 }),
    select: (reply) => reply.data,
  });
}

export const useMerchantDocuments = (id: string) => useSubList<MerchantDocument>(id, 'documents');
export const useMerchantStores = (id: string) => useSubList<Store>(id, 'stores');
export const useMerchantUsers = (id: string) => useSubList<MerchantUser>(id, 'users');

export function useMerchantMarkets(id: string) {
  return useQuery({
    queryKey: [...merchantsKey, 'detail', id, 'markets'],
    queryFn: () => api.get<MerchantMarkets>(`${merchantPath(id)}/markets`),
  });
}

/** The merchant's audit trail, newest first, a page at a time. */
export function useMerchantHistory(id: string) {
  return useCursorList<AuditEvent>(
    [...merchantsKey, 'detail', id, 'history'],
    `${merchantPath(id)}/history`,
    { limit: 100 },
  );
}

export function useMarketList(filters: { status?: string; kind?: string } = {}) {
  return useCursorList<Market>([...marketsKey, 'list', filters], '/markets', {
    ...filters,
    limit: pageSize,
  });
}

export function useMarket(id: string) {
  return useQuery({
    queryKey: [...marketsKey, 'detail', id],
    queryFn: () => api.get<MarketDetail>(`/markets/${encodeURIComponent(id)}`),
  });
}

export function useMarketBuyers(id: string) {
  return useCursorList<BuyerMember>(
    [...marketsKey, 'detail', id, 'buyers'],
    `/markets/${encodeURIComponent(id)}/buyers`,
    { limit: 100 },
  );
}

/** Referrals have no id of their own: the referred merchant's id is the cursor. */
export function useReferrals() {
  return useCursorList<Referral>(
    ['referrals'],
    '/referrals',
    { limit: 50 },
    (row) => row.referred.id,
  );
}
