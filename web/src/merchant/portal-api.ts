import { useQuery } from '@tanstack/react-query';
import { api } from '../app/api/client';
import type { MerchantNotification, Store } from '../app/api/merchant-types';
import type { ListReply } from '../app/api/types';
import type { PortalMerchant } from './merchant-types';

export const portalMerchantQueryKey = ['portal', 'merchant'] as const;
export const notificationsQueryKey = ['portal', 'notifications'] as const;

export function usePortalMerchant() {
  return useQuery({
    queryKey: portalMerchantQueryKey,
    queryFn: () => api.get<PortalMerchant>('/portal/merchant'),
  });
}

/** A page of notifications, with the count of unread ones on every page. */
export interface NotificationPage extends ListReply<MerchantNotification> {
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
    queryFn: () => api.get<ListReply<Store>>('/portal/stores', { limit: 100 }),
  });
}
