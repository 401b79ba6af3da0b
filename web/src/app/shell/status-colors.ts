import type { MembershipStatus, MerchantStatus } from '../api/merchant-types';
import type { PaymentStatus, RefundStatus } from '../api/payment-types';
import type {
  PayoutStatus,
  SettlementLineStatus,
  SettlementRunStatus,
} from '../api/settlement-types';

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

export const settlementRunStatusColor: Record<SettlementRunStatus, string> = {
  running: 'processing',
  completed: 'green',
  failed: 'red',
};

export const settlementLineStatusColor: Record<SettlementLineStatus, string> = {
  computed: 'default',
  posted: 'blue',
  paid_out: 'green',
  nothing_to_pay: 'default',
};

export const payoutStatusColor: Record<PayoutStatus, string> = {
  created: 'default',
  submitted: 'processing',
  succeeded: 'green',
  failed: 'red',
};
