import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api/client';
import type { RoleDefinition } from '../../app/api/types';

export function useRoles() {
  return useQuery({
    queryKey: ['roles'],
    queryFn: () => api.get<{ data: RoleDefinition[] }>('/roles'),
    select: (reply) => reply.data,
    // Roles change with a release, not during a session.
    staleTime: Number.POSITIVE_INFINITY,
  });
}
