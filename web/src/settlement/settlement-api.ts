import {
  type InfiniteData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from '../app/api/client';
import type {
  CommissionIncome,
  Payout,
  PayoutFilters,
  SetSettlementTermsBody,
  SettlementLine,
  SettlementRun,
  SettlementRunDetail,
  SettlementTerms,
} from '../app/api/settlement-types';
import { useCursorList } from '../console/shared/use-cursor-list';

// The settlement and payout API answers staff (their branch subtree) and merchant users (their
// merchant) on the payout routes alike, so the console and the portal share these hooks.

export const settlementKey = ['settlement'] as const;
const pageSize = 20;
/** A run's lines page by merchant; a branch settles hundreds of merchants a day. */
const linePageSize = 100;

const runPath = (date: string) => `/settlement/runs/${encodeURIComponent(date)}`;
export const payoutFilePath = (date: string) => `${runPath(date)}/payout-file`;
export const statementPath = (date: string) =>
  `/portal/settlements/${encodeURIComponent(date)}/statement`;
const termsPath = (merchantId: string) =>
  `/merchants/${encodeURIComponent(merchantId)}/settlement-terms`;

export function useSettlementRuns() {
  return useCursorList<SettlementRun>([...settlementKey, 'runs', 'list'], '/settlement/runs', {
    limit: pageSize,
  });
}

/** Starts the settlement of a date, or resumes its run: the server never settles a line twice. */
export function useStartSettlementRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (date: string) => api.post<SettlementRun>('/settlement/runs', { date }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: settlementKey }),
  });
}

/** The run as its first page states it, and its lines as the pages loaded so far. */
export type RunDetailPages = InfiniteData<{ data: SettlementLine[] }> & { run: SettlementRun };

/**
 * A run and its per-merchant lines, a page at a time; the run's totals come with every page,
 * the first one's are shown.
 */
export function useSettlementRun(date: string) {
  return useInfiniteQuery({
    queryKey: [...settlementKey, 'runs', 'detail', date],
    queryFn: ({ pageParam }) =>
      api.get<SettlementRunDetail>(runPath(date), {
        limit: linePageSize,
        startingAfter: pageParam,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => {
      const last = page.lines[page.lines.length - 1];
      return page.linesHasMore && last ? last.merchantId : undefined;
    },
    select: (data): RunDetailPages => {
      const [first] = data.pages;
      const { lines: _lines, linesHasMore: _more, ...run } = first as SettlementRunDetail;
      return {
        ...data,
        pages: data.pages.map((page) => ({ data: page.lines })),
        run,
      };
    },
  });
}

export function usePayoutList(filters: PayoutFilters) {
  return useCursorList<Payout>([...settlementKey, 'payouts', filters], '/payouts', {
    ...filters,
    limit: pageSize,
  });
}

/** Sends a failed payout again; the run's lines and the payout lists show its new status. */
export function useRetryPayout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (payoutId: string) =>
      api.post<Payout>(`/payouts/${encodeURIComponent(payoutId)}/retry`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: settlementKey }),
  });
}

export function useSettlementTerms(merchantId: string) {
  return useQuery({
    queryKey: [...settlementKey, 'terms', merchantId],
    queryFn: () => api.get<SettlementTerms>(termsPath(merchantId)),
  });
}

export function useSetSettlementTerms(merchantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SetSettlementTermsBody) =>
      api.put<SettlementTerms>(termsPath(merchantId), body),
    onSuccess: (terms) => queryClient.setQueryData([...settlementKey, 'terms', merchantId], terms),
  });
}

/** The portal's own settlement lines, newest first. */
export function usePortalSettlements() {
  return useCursorList<SettlementLine>(
    [...settlementKey, 'portal', 'lines'],
    '/portal/settlements',
    { limit: pageSize },
  );
}

export function useCommissionIncome(range: { from: string; to: string }) {
  return useQuery({
    queryKey: [...settlementKey, 'portal', 'commission', range],
    queryFn: () => api.get<CommissionIncome>('/portal/commission-income', range),
  });
}
