import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api/client';
import type { ListReply, OrgNode } from '../../app/api/types';

export const orgNodesKey = ['org-nodes'] as const;

export function useOrgNodes(enabled = true) {
  return useQuery({
    queryKey: orgNodesKey,
    // The list is the caller's whole scope, unpaginated (docs/api.md): a bank has hundreds
    // of units, not millions.
    queryFn: () => api.get<Pick<ListReply<OrgNode>, 'data'>>('/org-nodes'),
    select: (reply) => reply.data,
    enabled,
  });
}
