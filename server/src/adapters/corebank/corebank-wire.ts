import type { PayoutFailureCode } from './corebank-client.js';

/**
 * The payout gateway's wire format, shared by the client and by the simulator that plays the
 * gateway, so the two cannot drift apart. JSON bodies, amounts in integer fen, times in
 * ISO-8601 UTC, every body signed (corebank-signing.ts).
 *
 * - `POST /payouts` with a `PayoutRequestJson`: the instruction. The gateway answers 200 with a
 *   `PayoutAnswerJson` (ACCEPTED for async, SUCCEEDED/FAILED for sync), the same answer again
 *   for a repeated instruction id, 409 INSTRUCTION_CONFLICT when the id was used for another
 *   payee or amount, 400 INVALID_INSTRUCTION when it refuses the request before booking
 *   anything, 401 on a bad signature, 503 SYSTEM_BUSY when it cannot say.
 * - `GET /payouts/<instructionId>`: 200 with the instruction's current `PayoutAnswerJson`, or
 *   404 INSTRUCTION_NOT_FOUND when it never received it.
 * - Notifications: `POST <notifyUrl>` with a `PayoutNotificationJson` for every final outcome
 *   (a sync one too, so an answer lost on the way still arrives), retried until answered with
 *   HTTP 200; a retry or a duplicate carries the same gateway reference and status.
 */
export const payoutsPath = '/payouts';

/** ACCEPTED: received, not booked yet (async); SUCCEEDED: booked; FAILED: refused, nothing booked. */
export type GatewayPayoutStatus = 'ACCEPTED' | 'SUCCEEDED' | 'FAILED';

export type PayoutRequestJson = {
  instructionId: string;
  purpose: 'settlement' | 'farmer_purchase';
  amountFen: number;
  currency: 'CNY';
  payeeAccountNumber: string;
  payeeName: string;
  payeeBankCode: string;
  memo: string;
  mode: 'sync' | 'async';
  notifyUrl: string;
};

export type PayoutAnswerJson = {
  instructionId: string;
  gatewayReference: string;
  amountFen: number;
  status: GatewayPayoutStatus;
  failureCode?: string;
  failureMessage?: string;
  bookedAt?: string;
};

export type PayoutNotificationJson = {
  type: 'payout.result';
  notificationId: string;
  instructionId: string;
  gatewayReference: string;
  amountFen: number;
  status: 'SUCCEEDED' | 'FAILED';
  failureCode?: string;
  failureMessage?: string;
  bookedAt?: string;
};

/** Every failure code the platform knows; typed as a record so a new code must be listed. */
const knownFailureCodes: Record<PayoutFailureCode, true> = {
  account_closed: true,
  name_mismatch: true,
  account_not_found: true,
  account_frozen: true,
  limit_exceeded: true,
  rejected: true,
};

/**
 * The gateway's failure code in our terms. A code we do not know still means the payout
 * failed (the gateway said so), so it becomes the generic `rejected` and keeps its message.
 */
export function payoutFailureCode(code: string | undefined): PayoutFailureCode {
  return code !== undefined && Object.hasOwn(knownFailureCodes, code)
    ? (code as PayoutFailureCode)
    : 'rejected';
}
