import type { MerchantStatus } from './merchant-types';

export const statusColor: Record<MerchantStatus, string> = {
  draft: 'default',
  submitted: 'blue',
  in_review: 'processing',
  needs_changes: 'orange',
  rejected: 'red',
  active: 'green',
  suspended: 'volcano',
  closed: 'default',
};
