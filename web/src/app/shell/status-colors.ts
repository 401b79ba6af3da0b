import type { MembershipStatus, MerchantStatus } from '../api/merchant-types';

// Tag colours of statuses, the same in the console and the merchant portal.

export const merchantStatusColor: Record<MerchantStatus, string> = {
  draft: 'default',
  submitted: 'blue',
  in_review: 'processing',
  needs_changes: 'orange',
  rejected: 'red',
  active: 'green',
  suspended: 'volcano',
  closed: 'default',
};

export const membershipStatusColor: Record<MembershipStatus, string> = {
  requested: 'blue',
  accepted: 'green',
  declined: 'red',
  left: 'default',
};
