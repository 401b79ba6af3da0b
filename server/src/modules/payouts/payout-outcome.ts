import { eq } from 'drizzle-orm';
import type { PayoutFailureCode } from '../../adapters/corebank/corebank-client.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { postPayout } from './payout-postings.js';
import { type PayoutRow, payouts } from './tables.js';

export type PayoutOutcome =
  | { status: 'succeeded'; gatewayReference: string }
  | {
      status: 'failed';
      failureCode: PayoutFailureCode;
      failureMessage: string;
      gatewayReference?: string;
    };

/**
 * Applies the core bank's final answer to one attempt of a payout, under the payout's row lock:
 * a confirmation posts Dr payout_in_transit / Cr bank_settlement; a refusal returns the money
 * to the source account, where it stays held (settlement runs leave payout journals out of
 * their windows) until an operator retries. Answers for an earlier attempt, and repeated
 * answers, change nothing: the outcome of an attempt is final. Returns the payout as it is now
 * and whether this call changed it.
 */
export async function applyPayoutOutcome(
  tx: Db,
  clock: Clock,
  payoutId: string,
  attempt: number,
  outcome: PayoutOutcome,
): Promise<{ payout: PayoutRow; applied: boolean }> {
  const [payout] = await tx.select().from(payouts).where(eq(payouts.id, payoutId)).for('update');
  if (!payout) throw new Error(`Payout ${payoutId} not found`);
  const open = payout.status === 'created' || payout.status === 'submitted';
  if (!open || payout.attempt !== attempt) return { payout, applied: false };
  const now = clock.now();
  const [updated] = await tx
    .update(payouts)
    .set(
      outcome.status === 'succeeded'
        ? {
            status: 'succeeded',
            gatewayReference: outcome.gatewayReference,
            completedAt: now,
            nextCheckAt: null,
            updatedAt: now,
          }
        : {
            status: 'failed',
            failureCode: outcome.failureCode,
            failureMessage: outcome.failureMessage,
            gatewayReference: outcome.gatewayReference ?? payout.gatewayReference,
            completedAt: now,
            nextCheckAt: null,
            updatedAt: now,
          },
    )
    .where(eq(payouts.id, payoutId))
    .returning();
  const result = updated as PayoutRow;
  await postPayout(tx, clock, result, outcome.status === 'succeeded' ? 'confirmed' : 'returned');
  return { payout: result, applied: true };
}
