import { type QueryKey, useInfiniteQuery } from '@tanstack/react-query';
import { api, type Query } from '../../app/api/client';
import type { ListReply } from '../../app/api/types';

const idOf = (row: unknown) => (row as { id?: string }).id;

/**
 * A list read with cursor pagination: each "load more" asks for the page after the last row
 * loaded. The cursor is the row's id unless `cursorOf` names another.
 */
export function useCursorList<T>(
  queryKey: QueryKey,
  path: string,
  query: Query,
  cursorOf: (row: T) => string | undefined = idOf,
) {
  return useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => api.get<ListReply<T>>(path, { ...query, startingAfter: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => {
      const last = page.data[page.data.length - 1];
      return page.hasMore && last ? cursorOf(last) : undefined;
    },
  });
}
