import type { Staff, StaffStatus } from '../../app/api/types';
import { useCursorList } from '../shared/use-cursor-list';

export interface StaffFilters {
  q?: string;
  role?: string;
  status?: StaffStatus;
}

export const staffKey = ['staff'] as const;
const pageSize = 20;

export function useStaffList(filters: StaffFilters) {
  return useCursorList<Staff>([...staffKey, filters], '/staff', { ...filters, limit: pageSize });
}
