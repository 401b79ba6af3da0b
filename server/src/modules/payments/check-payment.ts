import { and, eq, sql } from 'drizzle-orm';
import type { ChannelPaymentResult } from '../../adapters/channels/channel-client.js';
import { type Db, queryRows } from '../../platform/db/database.js';
import { backoffMs } from '../../platform/jobs/job-queue.js';
import { applyChannelResult } from './apply-channel-result.js';
import type { PaymentDeps } from './deps.js';
import { endPayment, lockPayment } from './payment-transitions.js';
import { payments } from './tables.js';

export const checkSweeper = 'payments.check-sweep';

/** Payment codes and cards are polled this often while the payer confirms (DOMAIN.md §3). */
const pollEveryMs = 5_000;
/** Wallet orders wait for the notification; when none has come, the platform asks. */
const queryEveryMs = 60_000;

/** A claimed check not finished by then (its worker died) is claimed again. */
const checkLeaseMs = 5 * 60_000;
/** After this many failed follow-ups in a row the payment waits, pending, for an operator. */
export const maxCheckAttempts = 10;

/**
 * Moves a pending payment's next follow-up, in the caller's transaction. A payment's follow-up
 * is the `next_check_at` on its own row, normally set by its insert (openPayment), not a job
 * of its own: a capture the channel answers at once costs no follow-up work at all.
 */
export async function scheduleCheck(db: Db, paymentId: string, runAt: Date): Promise<void> {
  await db
    .update(payments)
    .set({ nextCheckAt: runAt })
    .where(and(eq(payments.id, paymentId), eq(payments.status, 'pending')));
}

/**
 * One round of the follow-up sweeper (registered on the job queue, so it runs with every poll
 * and every `jobs.runDue()`): claims up to `limit` pending payments whose check is due with
 * FOR UPDATE SKIP LOCKED, moving their `next_check_at` a lease ahead so that another process
 * skips them and a crash only delays them, then runs each one's check. A check that throws is
 * retried with the job queue's backoff; after `maxCheckAttempts` in a row it stops.
 */
export async function sweepDueChecks(deps: PaymentDeps, limit: number): Promise<number> {
  const now = deps.clock.now();
  const claimed = await queryRows<{ id: string; check_attempts: number }>(
    deps.db,
    sql`update payments set next_check_at = ${new Date(now.getTime() + checkLeaseMs).toISOString()}::timestamptz
        where id in (
          select id from payments
          where status = 'pending' and next_check_at <= ${now.toISOString()}::timestamptz
          order by next_check_at
          limit ${limit}
          for update skip locked
        )
        returning id, check_attempts`,
  );
  for (const row of claimed) {
    let next: Date | null;
    let attempts = 0;
    try {
      next = await checkPayment(deps, row.id);
    } catch (error) {
      attempts = row.check_attempts + 1;
      const givingUp = attempts >= maxCheckAttempts;
      deps.logger[givingUp ? 'error' : 'warn'](
        { err: error, paymentId: row.id, attempt: attempts, givingUp },
        givingUp
          ? 'payment follow-up failed; left pending for an operator'
          : 'payment follow-up failed',
      );
      next = givingUp ? null : new Date(deps.clock.now().getTime() + backoffMs(attempts));
    }
    await deps.db
      .update(payments)
      .set({ nextCheckAt: next, checkAttempts: attempts })
      .where(and(eq(payments.id, row.id), eq(payments.status, 'pending')));
  }
  return claimed.length;
}

/**
 * The follow-up of a pending payment when no notification settled it: ask the channel, and
 * when the answer is still "not yet", either ask again later (the time returned) or give up
 * the way the channels do: a payment code is reversed after 30 s; a wallet order is closed at
 * its expiry. Returns null when nothing is left to ask. Run by the sweeper, so a crash between
 * the steps only means the next attempt repeats them; each step is idempotent at the channel
 * and forward-only here.
 */
export async function checkPayment(deps: PaymentDeps, paymentId: string): Promise<Date | null> {
  const { db, clock } = deps;
  const payment = await db.transaction((tx) => lockPayment(tx, paymentId));
  if (payment.status !== 'pending') return null;
  const now = clock.now();
  const channelMerchantId = payment.merchantId;

  if (!payment.channel) {
    // An order code nobody has opened a wallet for yet: nothing to ask, only to expire.
    if (payment.expiresAt && now >= payment.expiresAt) {
      await db.transaction(async (tx) =>
        endPayment(tx, clock, await lockPayment(tx, paymentId), 'expired'),
      );
      return null;
    }
    return payment.expiresAt;
  }

  const client = deps.channels[payment.channel];
  const answer = await client.query(payment.id, channelMerchantId);
  const afterQuery = await applyChannelResult(deps, paymentId, answer);
  if (afterQuery.status !== 'pending') return null;

  const collectedAtTill = payment.method === 'payment_code' || payment.method === 'card';
  if (collectedAtTill) {
    if (payment.reverseAt && now >= payment.reverseAt) {
      const reversal = await client.reverse(payment.id, channelMerchantId);
      if (!reversal.reversed) {
        // The job's retries keep trying; a reversal that never succeeds is left for an operator.
        throw new Error(
          `Reversal of ${payment.id} not confirmed: ${reversal.reason ?? 'no reason'}`,
        );
      }
      await applyChannelResult(deps, paymentId, { status: 'closed' }, 'cancelled');
      return null;
    }
    return new Date(now.getTime() + pollEveryMs);
  }

  if (payment.expiresAt && now >= payment.expiresAt) {
    // Whether the close took or the payer paid first, the last word is the channel's query.
    await client.close(payment.id, channelMerchantId);
    const last: ChannelPaymentResult = await client.query(payment.id, channelMerchantId);
    const final =
      last.status === 'succeeded' || last.status === 'failed'
        ? last
        : { status: 'closed' as const };
    await applyChannelResult(deps, paymentId, final, 'expired');
    return null;
  }
  const next = Math.min(
    now.getTime() + queryEveryMs,
    payment.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY,
  );
  return new Date(next);
}
