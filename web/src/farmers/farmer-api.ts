import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../app/api/client';
import { useCursorList } from '../console/shared/use-cursor-list';
import type {
  Farmer,
  FarmerPurchase,
  PurchaserBalance,
  PurchaseSummary,
  PurchaseVolume,
  RecordPurchaseBody,
  RegisterFarmerBody,
} from './farmer-types';

export const farmersKey = ['farmers'] as const;
/** A purchaser buys from a village or two: one page of farmers covers the picker. */
const farmerPageSize = 100;
const purchasePageSize = 50;

export function useFarmers() {
  return useCursorList<Farmer>([...farmersKey, 'list'], '/portal/farmers', {
    limit: farmerPageSize,
  });
}

export function useRegisterFarmer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: RegisterFarmerBody; idempotencyKey: string }) =>
      api.post<Farmer>('/portal/farmers', body, { 'Idempotency-Key': idempotencyKey }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...farmersKey, 'list'] }),
  });
}

/**
 * Records a purchase and pays the farmer at once. `clientPurchaseId` makes a resend (a double
 * click, a retry after a timeout) answer the same purchase instead of paying twice.
 */
export function useRecordPurchase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordPurchaseBody) =>
      api.post<FarmerPurchase>('/portal/farmers/purchases', body),
    // The day's list, its totals and the funds all move with a purchase.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: farmersKey }),
  });
}

export function usePurchases(day: string) {
  return useCursorList<FarmerPurchase>(
    [...farmersKey, 'purchases', day],
    '/portal/farmers/purchases',
    { day, limit: purchasePageSize },
  );
}

export function usePurchaseSummary(range: { from: string; to: string }) {
  return useQuery({
    queryKey: [...farmersKey, 'summary', range],
    queryFn: () => api.get<PurchaseSummary>('/portal/farmers/purchases/summary', range),
  });
}

export function usePurchaserBalance() {
  return useQuery({
    queryKey: [...farmersKey, 'balance'],
    queryFn: () => api.get<PurchaserBalance>('/portal/farmers/balance'),
  });
}

/** The console's purchase volume by the farmers' province, city and county. */
export function usePurchaseVolume(range: { from: string; to: string }) {
  return useQuery({
    queryKey: [...farmersKey, 'volume', range],
    queryFn: () => api.get<PurchaseVolume>('/farmers/purchase-volume', range),
  });
}
