import type { AuditEvent } from '../../app/api/types';
import { useCursorList } from '../shared/use-cursor-list';

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
  return useCursorList<AuditEvent>(['audit-events', filters], '/audit-events', {
    ...filters,
    limit: pageSize,
  });
}
