import { shanghaiDay } from '../../platform/clock.js';
import { applyBasisPoints } from '../../platform/money.js';
import type { StatementRecord } from '../statements/statement-record.js';
import type { SimOrder, SimulatedChannel } from './simulated-channel.js';

/**
 * What a channel's statement of one Asia/Shanghai day lists: the payments it booked that day
 * (by the time they were paid) and the refunds it completed or failed that day (by the time
 * they settled), in booking order. A refund still processing has not been booked. The fee is
 * the channel's rate on each amount, rounded half up; a refund gives back the rate on its own
 * amount.
 */
export function bookedRecords(
  engine: SimulatedChannel,
  options: {
    day: string;
    merchantId?: string;
    feeRateBp: number;
    /** The id the channel shows for a payment, when it is not the engine's transaction id. */
    transactionIdOf?: (order: SimOrder) => string;
  },
): StatementRecord[] {
  const transactionIdOf = options.transactionIdOf ?? ((order: SimOrder) => order.transactionId);
  const ofMerchant = (merchantId: string) =>
    options.merchantId === undefined || merchantId === options.merchantId;
  const records: StatementRecord[] = [];
  for (const outTradeNo of engine.orders.keys()) {
    const order = engine.order(outTradeNo);
    if (!order?.paidAt || order.status !== 'paid' || !ofMerchant(order.merchantId)) continue;
    if (shanghaiDay(order.paidAt) !== options.day) continue;
    records.push({
      kind: 'payment',
      channelTransactionId: transactionIdOf(order),
      outTradeNo: order.outTradeNo,
      amountFen: order.amountFen,
      channelFeeFen: applyBasisPoints(order.amountFen, options.feeRateBp),
      status: 'succeeded',
      tradedAt: order.paidAt,
      channelMerchantId: order.merchantId,
      description: order.description,
    });
  }
  for (const outRefundNo of engine.refunds.keys()) {
    const refund = engine.refundByNo(outRefundNo);
    const order = refund && engine.orders.get(refund.outTradeNo);
    if (!refund?.settledAt || !order || !ofMerchant(order.merchantId)) continue;
    if (shanghaiDay(refund.settledAt) !== options.day) continue;
    records.push({
      kind: 'refund',
      channelTransactionId: transactionIdOf(order),
      outTradeNo: order.outTradeNo,
      channelRefundId: refund.refundId,
      outRefundNo: refund.outRefundNo,
      amountFen: refund.amountFen,
      channelFeeFen: applyBasisPoints(refund.amountFen, options.feeRateBp),
      status: refund.status === 'succeeded' ? 'refunded' : 'failed',
      tradedAt: refund.settledAt,
      channelMerchantId: order.merchantId,
      description: order.description,
    });
  }
  return records.sort((a, b) => a.tradedAt.getTime() - b.tradedAt.getTime());
}

/** Whether a day's statement can exist yet: only once the day has ended in Asia/Shanghai. */
export function dayHasEnded(engine: SimulatedChannel, day: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && shanghaiDay(engine.clock.now()) > day;
}
