import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../app/api/client';
import type { ListReply, Staff, StaffStatus } from '../../app/api/types';

export interface StaffFilters {
  q?: string;
  role?: string;
  status?: StaffStatus;
}

export const staffKey = ['staff'] as const;
const pageSize = 20;

/** Cursor pagination: each "load more" asks for the page after the last row shown. */
export function useStaffList(filters: StaffFilters) {
  return useInfiniteQuery({
    queryKey: [...staffKey, filters],
    queryFn: ({ pageParam }) =>
      api.get<ListReply<Staff>>('/staff', {
        ...filters,
        limit: pageSize,
        startingAfter: pageParam,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) =>
      lastPage.hasMore ? lastPage.data[lastPage.data.length - 1]?.id : undefined,
  });
}
