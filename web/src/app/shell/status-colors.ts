import type { MembershipStatus, MerchantStatus } from '../api/merchant-types';
import type { PaymentStatus, RefundStatus } from '../api/payment-types';

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

export const paymentStatusColor: Record<PaymentStatus, string> = {
  pending: 'processing',
  succeeded: 'green',
  failed: 'red',
  expired: 'default',
  cancelled: 'default',
};

export const refundStatusColor: Record<RefundStatus, string> = {
  pending: 'processing',
  succeeded: 'green',
  failed: 'red',
};
