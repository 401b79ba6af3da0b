import type { PayoutDeps } from '../payouts/index.js';

/**
 * A crash simulated at a named point of a settlement run (tests only): throwing there leaves
 * the database exactly as a process killed at that point would.
 */
export type SettlementFaultPoint =
  | 'line_computed'
  | 'journal_posted'
  | 'payout_created'
  | 'payout_submitted'
  | 'lines_done'
  | 'file_written';

export type SettlementDeps = PayoutDeps & {
  faultAt?: (point: SettlementFaultPoint, merchantId: string | null) => void;
};
