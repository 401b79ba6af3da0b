import { eq, sql } from 'drizzle-orm';
import {
  type ChannelAck,
  type ChannelNotification,
  NotificationRejected,
  type RawNotification,
} from '../../adapters/channels/channel-client.js';
import type { Actor } from '../../platform/auth/principal.js';
import { type Db, queryRows } from '../../platform/db/database.js';
import { newId } from '../../platform/ids.js';
import { recordAudit } from '../audit/index.js';
import type { PaymentDeps } from './deps.js';
import { endPayment, lockPayment, succeedPayment } from './payment-transitions.js';
import { failRefund, settleRefund } from './refund-outcome.js';
import { type Channel, channelNotifications, payments, refunds } from './tables.js';

type Outcome = 'applied' | 'duplicate' | 'stale' | 'rejected';

/**
 * A channel's asynchronous notification. It is verified by the channel's client (signature,
 * decryption), then against our own record (order, merchant, amount); only then may it move
 * the payment or refund, and only forward. Each notification key is applied once: a replay is
 * acknowledged as a duplicate so the channel stops retrying. A forged or tampered one changes
 * nothing, is answered as a failure and is recorded as a security event in the audit trail.
 */
export async function receiveNotification(
  deps: PaymentDeps,
  channel: Channel,
  raw: RawNotification,
  actor: Actor,
): Promise<{ ack: ChannelAck; outcome: Outcome }> {
  const client = deps.channels[channel];
  let notification: ChannelNotification;
  try {
    notification = client.verifyNotification(raw);
  } catch (error) {
    const reason =
      error instanceof NotificationRejected ? error.message : 'unreadable notification';
    await rejectAsSecurityEvent(deps, channel, actor, reason, null);
    return { ack: client.acknowledge(false), outcome: 'rejected' };
  }

  const result = await deps.db.transaction(async (tx) => {
    const mismatch = await mismatchWithOurRecord(tx, channel, notification);
    if (mismatch) return { outcome: 'rejected' as const, reason: mismatch };
    const recorded = await queryRows<{ id: string }>(
      tx,
      sql`insert into channel_notifications (id, channel, dedup_key, payment_id, refund_id, outcome, received_at)
          values (${newId('channelNotification')}, ${channel}, ${notification.dedupKey}, ${notification.outTradeNo},
                  ${notification.kind === 'refund' ? notification.outRefundNo : null}, 'applied', ${deps.clock.now().toISOString()})
          on conflict (channel, dedup_key) where outcome = 'applied' do nothing returning id`,
    );
    if (recorded.length === 0) return { outcome: 'duplicate' as const, reason: null };
    const moved = await applyNotification(tx, deps, notification);
    return { outcome: moved ? ('applied' as const) : ('stale' as const), reason: null };
  });

  if (result.outcome === 'rejected') {
    await rejectAsSecurityEvent(
      deps,
      channel,
      actor,
      result.reason ?? 'mismatch',
      notification.outTradeNo,
    );
    return { ack: client.acknowledge(false), outcome: 'rejected' };
  }
  if (result.outcome !== 'applied') {
    await deps.db.insert(channelNotifications).values({
      id: newId('channelNotification'),
      channel,
      dedupKey: null,
      paymentId: notification.outTradeNo,
      refundId: notification.kind === 'refund' ? notification.outRefundNo : null,
      outcome: result.outcome,
      reason: notification.dedupKey,
      receivedAt: deps.clock.now(),
    });
  }
  return { ack: client.acknowledge(true), outcome: result.outcome };
}

/** What in a verified notification disagrees with our record, in words; null when it all agrees. */
async function mismatchWithOurRecord(
  tx: Db,
  channel: Channel,
  notification: ChannelNotification,
): Promise<string | null> {
  const [payment] = await tx
    .select()
    .from(payments)
    .where(eq(payments.id, notification.outTradeNo));
  if (!payment) return 'unknown order';
  if (payment.channel !== channel) return 'order belongs to another channel';
  if (notification.kind === 'payment') {
    if (payment.merchantId !== notification.channelMerchantId) return 'merchant differs';
    if (payment.amountFen !== notification.amountFen) return 'amount differs';
    return null;
  }
  const [refund] = await tx.select().from(refunds).where(eq(refunds.id, notification.outRefundNo));
  if (!refund || refund.paymentId !== payment.id) return 'unknown refund';
  if (refund.amountFen !== notification.refundFen) return 'refund amount differs';
  return null;
}

async function applyNotification(
  tx: Db,
  deps: PaymentDeps,
  notification: ChannelNotification,
): Promise<boolean> {
  if (notification.kind === 'refund') {
    return notification.status === 'succeeded'
      ? settleRefund(tx, deps.clock, notification.outRefundNo, notification.channelRefundId)
      : failRefund(tx, deps.clock, notification.outRefundNo, {
          code: 'channel_refused',
          message: '渠道退款失败',
        });
  }
  const payment = await lockPayment(tx, notification.outTradeNo);
  if (notification.status === 'succeeded') {
    const moved = await succeedPayment(tx, deps.clock, payment, notification);
    if (!moved && payment.status !== 'succeeded') {
      // Paid at the channel after we ended it (expired or reversed): money the payer lost
      // until reconciliation refunds it. Loud in the log; the statement import will show it.
      deps.logger.error(
        { paymentId: payment.id, status: payment.status },
        'channel reports a late payment',
      );
    }
    return moved;
  }
  return endPayment(
    tx,
    deps.clock,
    payment,
    notification.status === 'failed' ? 'failed' : 'cancelled',
    notification.status === 'failed'
      ? { code: 'channel_refused', message: '支付渠道拒绝了这笔付款' }
      : null,
  );
}

async function rejectAsSecurityEvent(
  deps: PaymentDeps,
  channel: Channel,
  actor: Actor,
  reason: string,
  paymentId: string | null,
): Promise<void> {
  deps.logger.warn(
    { channel, reason, paymentId, ip: actor.ip },
    'security: channel notification rejected',
  );
  await deps.db.transaction(async (tx) => {
    await tx.insert(channelNotifications).values({
      id: newId('channelNotification'),
      channel,
      dedupKey: null,
      paymentId,
      outcome: 'rejected',
      reason,
      receivedAt: deps.clock.now(),
    });
    await recordAudit(tx, deps.clock, actor, {
      action: 'security.notification_rejected',
      targetType: 'payment',
      targetId: paymentId,
      scopePath: null,
      after: { channel, reason },
    });
  });
}
