import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../app/api/client';
import type { AuditEvent, ListReply } from '../../app/api/types';

export interface AuditFilters {
  actor?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  from?: string;
  to?: string;
}

const pageSize = 50;

export function useAuditEvents(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit-events', filters],
    queryFn: ({ pageParam }) =>
      api.get<ListReply<AuditEvent>>('/audit-events', {
        ...filters,
        limit: pageSize,
        startingAfter: pageParam,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) =>
      lastPage.hasMore ? lastPage.data[lastPage.data.length - 1]?.id : undefined,
  });
}
