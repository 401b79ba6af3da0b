import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../app/api/client';
import type {
  CreateRefundBody,
  Journal,
  Payment,
  PaymentFilters,
  Refund,
  StoreCode,
  TodayTotals,
} from '../app/api/payment-types';
import type { ListReply } from '../app/api/types';
import { useCursorList } from '../console/shared/use-cursor-list';

// The payments API answers staff (their branch subtree) and merchant users (their merchant,
// a cashier their store) on the same routes, so the console and the portal share these hooks.

export const paymentsKey = ['payments'] as const;
const pageSize = 20;

export const paymentPath = (id: string) => `/payments/${encodeURIComponent(id)}`;
export const paymentDetailKey = (id: string) => [...paymentsKey, 'detail', id] as const;

export function usePaymentList(filters: PaymentFilters, limit = pageSize) {
  return useCursorList<Payment>([...paymentsKey, 'list', filters, limit], '/payments', {
    ...filters,
    limit,
  });
}

/**
 * The payments of `filters` changed after `updatedAfter`, oldest change first (the next page
 * starts after the last row's `updatedAt`); without it, the newest payments.
 */
export function fetchPaymentChanges(filters: PaymentFilters, updatedAfter: string | undefined) {
  return api.get<ListReply<Payment>>('/payments', { ...filters, updatedAfter, limit: 100 });
}

export function usePayment(id: string) {
  return useQuery({
    queryKey: paymentDetailKey(id),
    queryFn: () => api.get<Payment>(paymentPath(id)),
  });
}

const refundIsOpen = (refund: Refund) => refund.status === 'pending';

/**
 * A payment's refunds. A refund is accepted as pending and settles when the channel answers,
 * so the list keeps asking while one is open and then refreshes the payment's amounts.
 */
export function usePaymentRefunds(id: string) {
  const queryClient = useQueryClient();
  const queryKey = [...paymentDetailKey(id), 'refunds'];
  return useQuery({
    queryKey,
    queryFn: async () => {
      const before = queryClient.getQueryData<{ data: Refund[] }>(queryKey);
      const reply = await api.get<{ data: Refund[] }>(`${paymentPath(id)}/refunds`);
      const settled = before?.data
        .filter(refundIsOpen)
        .some((open) => reply.data.some((now) => now.id === open.id && !refundIsOpen(now)));
      if (settled) void queryClient.invalidateQueries({ queryKey: paymentsKey });
      return reply;
    },
    select: (reply) => reply.data,
    refetchInterval: (query) => (query.state.data?.data.some(refundIsOpen) ? 2000 : false),
  });
}

/** The payment's journal and its refunds' journals. */
export function usePaymentJournals(id: string) {
  return useQuery({
    queryKey: [...paymentDetailKey(id), 'journals'],
    queryFn: () => api.get<{ data: Journal[] }>(`${paymentPath(id)}/journals`),
    select: (reply) => reply.data,
  });
}

export function useCreateRefund(paymentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreateRefundBody; idempotencyKey: string }) =>
      api.post<Refund>(`${paymentPath(paymentId)}/refunds`, body, {
        'Idempotency-Key': idempotencyKey,
      }),
    // The refundable amount, the lists, today's totals and the journal all move with a refund.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: paymentsKey }),
  });
}

export const todayTotalsKey = [...paymentsKey, 'today'] as const;

/** Today's succeeded payments by channel (and, for staff, by branch). */
export function useTodayTotals(options: { enabled?: boolean; refetchInterval?: number } = {}) {
  return useQuery({
    queryKey: todayTotalsKey,
    queryFn: () => api.get<TodayTotals>('/payments/today'),
    ...options,
  });
}

/** One code per store; a merchant has a handful of stores. */
export function useStoreCodes() {
  return useQuery({
    queryKey: [...paymentsKey, 'store-codes'],
    queryFn: () => api.get<{ data: StoreCode[] }>('/portal/store-codes'),
    select: (reply) => reply.data,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
