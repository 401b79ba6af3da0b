/**
 * What the platform asks of the core-banking payout gateway: move money from the bank's
 * settlement account to a payee's account (a merchant's settlement account, a farmer's card).
 * The gateway answers asynchronously (accepted, then a signed notification or a query gives
 * the outcome) or, for a farmer paid on the spot, synchronously in the same call.
 *
 * Results the gateway could not confirm are `unknown`, never a success: the payout stays
 * submitted and the platform queries it again with the same instruction id, which the gateway
 * treats as idempotent (the same id is never paid twice).
 */
export type PayoutPurpose = 'settlement' | 'farmer_purchase';

export type PayoutInstruction = {
  /** Our payout id; the gateway's idempotency key. */
  instructionId: string;
  purpose: PayoutPurpose;
  amountFen: number;
  /** The payee's account as the merchant or farmer registered it (decrypted for the call only). */
  payeeAccountNumber: string;
  payeeName: string;
  /** The payee bank's code (the bank's own accounts: 313…; others through CNAPS). */
  payeeBankCode: string;
  /** Shown on the payee's bank statement (附言), at most 32 characters. */
  memo: string;
  /** `sync` waits for the core bank's booking (farmer purchases); `async` returns on acceptance. */
  mode: 'sync' | 'async';
  notifyUrl: string;
};

/** Why the core bank refused or returned a payout: the stable codes the platform shows. */
export type PayoutFailureCode =
  | 'account_closed'
  | 'name_mismatch'
  | 'account_not_found'
  | 'account_frozen'
  | 'limit_exceeded'
  | 'rejected';

export type PayoutResult =
  | { status: 'succeeded'; gatewayReference: string; bookedAt: Date }
  | {
      status: 'failed';
      failureCode: PayoutFailureCode;
      failureMessage: string;
      gatewayReference?: string;
    }
  /** Accepted, the outcome follows by notification or query. */
  | { status: 'accepted'; gatewayReference: string }
  /** A timeout or an answer the client cannot read: query later with the same id. */
  | { status: 'unknown'; reason: string };

/**
 * The `unknown` reason of a query for an instruction the gateway never received (the
 * submission was lost on the way): nothing was paid, and submitting the same id again is safe.
 */
export const payoutNotFoundReason = 'instruction_not_found';

/** A notification the client verified (HMAC over the exact body) and read into our terms. */
export type PayoutNotification = {
  instructionId: string;
  gatewayReference: string;
  amountFen: number;
  status: 'succeeded' | 'failed';
  failureCode?: PayoutFailureCode;
  failureMessage?: string;
  bookedAt?: Date;
  /** The same on every retry of this notification. */
  dedupKey: string;
};

export type CoreBankClient = {
  submit(instruction: PayoutInstruction): Promise<PayoutResult>;
  query(instructionId: string): Promise<PayoutResult>;
  /** Throws `NotificationRejected` (adapters/channels/channel-client.ts) when the signature fails. */
  verifyNotification(notification: {
    headers: Record<string, string | string[] | undefined>;
    rawBody: string;
  }): PayoutNotification;
  acknowledge(accepted: boolean): { statusCode: number; contentType: string; body: string };
};
