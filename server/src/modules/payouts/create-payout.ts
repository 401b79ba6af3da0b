import { and, eq } from 'drizzle-orm';
import type { PayoutPurpose } from '../../adapters/corebank/corebank-client.js';
import type { Db } from '../../platform/db/database.js';
import { newId } from '../../platform/ids.js';
import { maskField } from '../../platform/masking.js';
import type { PayoutDeps } from './deps.js';
import { postPayout } from './payout-postings.js';
import { type PayoutRow, type PayoutSource, payouts } from './tables.js';

export type PayoutRequest = {
  purpose: PayoutPurpose;
  /** The business event paid: a settlement line, a field purchase. One payout per event. */
  sourceId: string;
  merchantId: string;
  amountFen: number;
  from: PayoutSource;
  payee: { accountNumber: string; name: string; bankCode: string };
  memo: string;
  mode: 'sync' | 'async';
  settlementDate?: string;
};

/**
 * Creates the payout of one business event in the caller's transaction and takes its amount
 * out of the source account at once (`insufficient_balance` when it cannot cover it, and then
 * nothing is written). A second call for the same event returns the first payout unchanged,
 * so a settlement run started twice or a purchase synced again pays once. The core bank is
 * called only after the commit (submitPayout), never inside a transaction.
 */
export async function createPayout(
  tx: Db,
  deps: Pick<PayoutDeps, 'clock' | 'encryptor'>,
  request: PayoutRequest,
): Promise<PayoutRow> {
  const now = deps.clock.now();
  const [inserted] = await tx
    .insert(payouts)
    .values({
      id: newId('payout', now.getTime()),
      purpose: request.purpose,
      sourceId: request.sourceId,
      merchantId: request.merchantId,
      sourceAccount: request.from,
      amountFen: request.amountFen,
      payeeNameEnc: deps.encryptor.encrypt(request.payee.name),
      payeeAccountNumberEnc: deps.encryptor.encrypt(request.payee.accountNumber),
      payeeAccountMasked: maskField('accountNumber', request.payee.accountNumber) as string,
      payeeBankCode: request.payee.bankCode,
      memo: request.memo.slice(0, 32),
      mode: request.mode,
      status: 'created',
      settlementDate: request.settlementDate ?? null,
      // Picked up by the sweeper should the process die before it submits the payout.
      nextCheckAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing({ target: [payouts.purpose, payouts.sourceId] })
    .returning();
  if (inserted) {
    await postPayout(tx, deps.clock, inserted, 'sent');
    return inserted;
  }
  const [existing] = await tx
    .select()
    .from(payouts)
    .where(and(eq(payouts.purpose, request.purpose), eq(payouts.sourceId, request.sourceId)));
  if (!existing) throw new Error(`Payout of ${request.purpose}:${request.sourceId} vanished`);
  return existing;
}
