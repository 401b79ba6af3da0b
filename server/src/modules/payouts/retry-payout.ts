import { eq } from 'drizzle-orm';
import type { Actor, Principal } from '../../platform/auth/principal.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { maskField } from '../../platform/masking.js';
import { recordAudit } from '../audit/index.js';
import { merchantForCaller, merchantScopePath } from '../merchants/index.js';
import type { PayoutDeps } from './deps.js';
import { postPayout } from './payout-postings.js';
import { settlementPayee } from './settlement-payee.js';
import { type PayoutRow, payouts } from './tables.js';

/**
 * An operator sends a failed payout again, once the merchant has fixed what the bank refused
 * (a settlement payout goes to the merchant's settlement account as it is now). The held
 * money leaves the merchant's balance again under the next attempt, in this transaction; the
 * caller submits it after the commit. Only a failed payout can be retried.
 */
export async function retryPayout(
  tx: Db,
  deps: Pick<PayoutDeps, 'clock' | 'encryptor'>,
  caller: { principal: Principal; actor: Actor },
  payoutId: string,
): Promise<PayoutRow> {
  const [payout] = await tx.select().from(payouts).where(eq(payouts.id, payoutId)).for('update');
  if (!payout) throw new AppError('resource_not_found');
  const merchant = await merchantForCaller(tx, caller.principal, payout.merchantId);
  if (payout.status !== 'failed') throw new AppError('payout_not_retryable');
  const payee = payout.purpose === 'settlement' ? settlementPayee(deps.encryptor, merchant) : null;
  const now = deps.clock.now();
  const [retried] = await tx
    .update(payouts)
    .set({
      status: 'created',
      attempt: payout.attempt + 1,
      failureCode: null,
      failureMessage: null,
      gatewayReference: null,
      completedAt: null,
      submittedAt: null,
      checkAttempts: 0,
      nextCheckAt: now,
      retriedByUserId: caller.actor.userId,
      updatedAt: now,
      ...(payee
        ? {
            payeeNameEnc: deps.encryptor.encrypt(payee.name),
            payeeAccountNumberEnc: deps.encryptor.encrypt(payee.accountNumber),
            payeeAccountMasked: maskField('accountNumber', payee.accountNumber) as string,
            payeeBankCode: payee.bankCode,
          }
        : {}),
    })
    .where(eq(payouts.id, payoutId))
    .returning();
  const result = retried as PayoutRow;
  await postPayout(tx, deps.clock, result, 'sent');
  await recordAudit(tx, deps.clock, caller.actor, {
    action: 'payout.retried',
    targetType: 'payout',
    targetId: payout.id,
    scopePath: await merchantScopePath(tx, merchant),
    before: { attempt: payout.attempt, failureCode: payout.failureCode },
    after: { attempt: result.attempt, accountNumber: payee?.accountNumber ?? null },
  });
  return result;
}
