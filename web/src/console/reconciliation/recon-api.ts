import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api/client';
import { useCursorList } from '../shared/use-cursor-list';
import type {
  BreakFilters,
  ReconBreak,
  ResolutionAction,
  StatementChannel,
  StatementImport,
  StatementImportDetail,
} from './recon-types';

export const reconKey = ['reconciliation'] as const;
const pageSize = 20;
/** Breaks are worked through in bulk; a clean day has none, a bad one a few hundred. */
const breakPageSize = 50;

const importPath = (id: string) => `/reconciliation/imports/${encodeURIComponent(id)}`;
const breakPath = (id: string) => `/reconciliation/breaks/${encodeURIComponent(id)}`;

export function useStatementImports() {
  return useCursorList<StatementImport>([...reconKey, 'imports'], '/reconciliation/imports', {
    limit: pageSize,
  });
}

export function useStatementImport(id: string) {
  return useQuery({
    queryKey: [...reconKey, 'import', id],
    queryFn: () => api.get<StatementImportDetail>(importPath(id)),
  });
}

export function useBreaks(importId: string, filters: BreakFilters) {
  return useCursorList<ReconBreak>(
    [...reconKey, 'breaks', importId, filters],
    '/reconciliation/breaks',
    {
      importId,
      ...filters,
      limit: breakPageSize,
    },
  );
}

export interface StatementSource {
  channel: StatementChannel;
  date: string;
  /** The raw file to upload; without it the statement is fetched from the channel. */
  file?: Blob;
}

/**
 * Imports a statement: the raw file as the request body, or fetched by the server from the
 * channel. The same file again answers with the first import, so a retry is harmless.
 */
export function useImportStatement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ channel, date, file }: StatementSource) =>
      file
        ? api.uploadFile<StatementImportDetail>('/reconciliation/imports', file, { channel, date })
        : api.post<StatementImportDetail>('/reconciliation/imports/fetch', { channel, date }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reconKey }),
  });
}

type BreakDecision =
  | { kind: 'resolve'; action: ResolutionAction; reason: string }
  | { kind: 'approve' }
  | { kind: 'reject'; reason: string };

/**
 * The maker's decision on a break and the checker's approval or rejection. Each changes the
 * import's counts too, so the whole workbench is refreshed.
 */
export function useDecideBreak(breakId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (decision: BreakDecision) => {
      const path = `${breakPath(breakId)}/${decision.kind}`;
      if (decision.kind === 'resolve') {
        return api.post<ReconBreak>(path, { action: decision.action, reason: decision.reason });
      }
      if (decision.kind === 'reject')
        return api.post<ReconBreak>(path, { reason: decision.reason });
      return api.post<ReconBreak>(path);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reconKey }),
  });
}
