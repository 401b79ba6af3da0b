import type { ChannelPaymentResult } from '../../adapters/channels/channel-client.js';
import type { Db } from '../../platform/db/database.js';
import { applyChannelResult } from './apply-channel-result.js';
import type { PaymentDeps } from './deps.js';
import { endPayment, lockPayment } from './payment-transitions.js';

export const checkPaymentJob = 'payments.check';

/** Payment codes and cards are polled this often while the payer confirms (DOMAIN.md §3). */
const pollEveryMs = 5_000;
/** Wallet orders wait for the notification; when none has come, the platform asks. */
const queryEveryMs = 60_000;

export async function scheduleCheck(
  db: Db,
  deps: Pick<PaymentDeps, 'jobs'>,
  paymentId: string,
  runAt: Date,
) {
  await deps.jobs.enqueue(db, checkPaymentJob, { paymentId }, { runAt });
}

/**
 * The follow-up of a pending payment when no notification settled it: ask the channel, and
 * when the answer is still "not yet", either ask again later or give up the way the channels
 * do: a payment code is reversed after 30 s; a wallet order is closed at its expiry. Runs as a
 * job, so a crash between the steps only means the next attempt repeats them; each step is
 * idempotent at the channel and forward-only here.
 */
export async function checkPayment(deps: PaymentDeps, paymentId: string): Promise<void> {
  const { db, clock } = deps;
  const payment = await db.transaction((tx) => lockPayment(tx, paymentId));
  if (payment.status !== 'pending') return;
  const now = clock.now();
  const channelMerchantId = payment.merchantId;

  if (!payment.channel) {
    // An order code nobody has opened a wallet for yet: nothing to ask, only to expire.
    if (payment.expiresAt && now >= payment.expiresAt) {
      await db.transaction(async (tx) =>
        endPayment(tx, clock, await lockPayment(tx, paymentId), 'expired'),
      );
    } else if (payment.expiresAt) {
      await scheduleCheck(db, deps, paymentId, payment.expiresAt);
    }
    return;
  }

  const client = deps.channels[payment.channel];
  const answer = await client.query(payment.id, channelMerchantId);
  const afterQuery = await applyChannelResult(deps, paymentId, answer);
  if (afterQuery.status !== 'pending') return;

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
      return;
    }
    await scheduleCheck(db, deps, paymentId, new Date(now.getTime() + pollEveryMs));
    return;
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
    return;
  }
  const next = Math.min(
    now.getTime() + queryEveryMs,
    payment.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY,
  );
  await scheduleCheck(db, deps, paymentId, new Date(next));
}
