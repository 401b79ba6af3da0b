import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, setCsrfToken } from '../api/client';
import type { Me } from '../api/types';

async function fetchMe(): Promise<Me> {
  const me = await api.get<Me>('/me');
  // The token can rotate (login, node switch); whoever reads /me keeps the client current.
  setCsrfToken(me.session.csrfToken);
  return me;
}

export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: fetchMe,
  staleTime: 60_000,
});

export function useMe() {
  return useQuery(meQuery);
}
