import { useQuery } from '@tanstack/react-query';
import { api } from '../app/api/client';
import type { MerchantNotification, Page, PortalMerchant, Store } from './merchant-types';

export const portalMerchantQueryKey = ['portal', 'merchant'] as const;
export const notificationsQueryKey = ['portal', 'notifications'] as const;

export function usePortalMerchant() {
  return useQuery({
    queryKey: portalMerchantQueryKey,
    queryFn: () => api.get<PortalMerchant>('/portal/merchant'),
  });
}

export interface NotificationPage {
  data: MerchantNotification[];
  hasMore: boolean;
  unreadCount: number;
}

/** The newest notifications; the list is bounded, older ones page in on the notifications page. */
export function useNotifications(limit = 20) {
  return useQuery({
    queryKey: [...notificationsQueryKey, limit],
    queryFn: () => api.get<NotificationPage>('/portal/notifications', { limit }),
  });
}

export const storesQueryKey = ['portal', 'stores'] as const;

/** Stores are few per merchant (a stall, a shop, a handful of branches): one bounded page. */
export function useStores() {
  return useQuery({
    queryKey: storesQueryKey,
    queryFn: () => api.get<Page<Store>>('/portal/stores', { limit: 100 }),
  });
}
