import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api/client';
import type { ListReply, OrgNode } from '../../app/api/types';

export const orgNodesKey = ['org-nodes'] as const;

/** `scope`: the subtree the console shows now; `home`: every node the user may switch to. */
export function useOrgNodes(enabled = true, within: 'scope' | 'home' = 'scope') {
  return useQuery({
    queryKey: [...orgNodesKey, within],
    // The list is the caller's whole scope, unpaginated (docs/api.md): a bank has hundreds
    // of units, not millions.
    queryFn: () => api.get<Pick<ListReply<OrgNode>, 'data'>>(`/org-nodes?within=${within}`),
    select: (reply) => reply.data,
    enabled,
  });
}
