import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api/client';
import type { AuditEvent, ListReply } from '../../app/api/types';
import { currentLanguage } from '../../app/i18n/i18n';
import type {
  ApplicationOptions,
  BuyerMember,
  Market,
  MarketDetail,
  Merchant,
  MerchantDocument,
  MerchantMarkets,
  MerchantUser,
  Referral,
  Store,
} from './types';

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

const nextCursor = <T extends { id: string }>(page: ListReply<T>) =>
  page.hasMore ? page.data[page.data.length - 1]?.id : undefined;

/** Cursor pagination as on the staff page: each "load more" asks for the page after the last row. */
export function useMerchantList(filters: MerchantFilters, limit = pageSize) {
  return useInfiniteQuery({
    queryKey: [...merchantsKey, 'list', filters, limit],
    queryFn: ({ pageParam }) =>
      api.get<ListReply<Merchant>>('/merchants', {
        ...filters,
        limit,
        startingAfter: pageParam,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursor,
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

export function useApplicationOptions() {
  return useQuery({
    queryKey: ['application-options'],
    queryFn: () => api.get<ApplicationOptions>('/application-options'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** A code list's label in the UI language: `5411 超市/杂货店`. */
export function optionLabel(
  options: readonly { code: string; zh: string; en: string }[] | undefined,
  code: string | null | undefined,
  withCode = false,
): string {
  if (!code) return '—';
  const option = options?.find((candidate) => candidate.code === code);
  if (!option) return code;
  const name = currentLanguage() === 'en' ? option.en : option.zh;
  return withCode ? `${option.code} ${name}` : name;
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
  return useInfiniteQuery({
    queryKey: [...merchantsKey, 'detail', id, 'history'],
    queryFn: ({ pageParam }) =>
      api.get<ListReply<AuditEvent>>(`${merchantPath(id)}/history`, {
        limit: 100,
        startingAfter: pageParam,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursor,
  });
}

export function useMarketList(filters: { status?: string; kind?: string } = {}) {
  return useInfiniteQuery({
    queryKey: [...marketsKey, 'list', filters],
    queryFn: ({ pageParam }) =>
      api.get<ListReply<Market>>('/markets', {
        ...filters,
        limit: pageSize,
        startingAfter: pageParam,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursor,
  });
}

export function useMarket(id: string) {
  return useQuery({
    queryKey: [...marketsKey, 'detail', id],
    queryFn: () => api.get<MarketDetail>(`/markets/${encodeURIComponent(id)}`),
  });
}

export function useMarketBuyers(id: string) {
  return useInfiniteQuery({
    queryKey: [...marketsKey, 'detail', id, 'buyers'],
    queryFn: ({ pageParam }) =>
      api.get<ListReply<BuyerMember>>(`/markets/${encodeURIComponent(id)}/buyers`, {
        limit: 100,
        startingAfter: pageParam,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursor,
  });
}

/** Referrals have no id of their own: the referred merchant's id is the cursor. */
export function useReferrals() {
  return useInfiniteQuery({
    queryKey: ['referrals'],
    queryFn: ({ pageParam }) =>
      api.get<ListReply<Referral>>('/referrals', { limit: 50, startingAfter: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) =>
      page.hasMore ? page.data[page.data.length - 1]?.referred.id : undefined,
  });
}
