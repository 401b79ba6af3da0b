/**
 * One trade as a channel books it, the input of the statement writers. A payment is
 * `succeeded` or `failed`; a refund is a record of its own, `refunded` once complete or
 * `failed`. Amounts are fen and positive; `channelFeeFen` is the channel's fee on a payment, or
 * the part of it given back on a refund.
 */
export type StatementRecord = {
  kind: 'payment' | 'refund';
  /** The payment's transaction id at the channel; on a refund, the refunded payment's. */
  channelTransactionId: string;
  outTradeNo: string;
  channelRefundId?: string;
  outRefundNo?: string;
  amountFen: number;
  channelFeeFen: number;
  status: 'succeeded' | 'refunded' | 'failed';
  /** When the channel booked it: a payment's success, a refund's completion. */
  tradedAt: Date;
  /** The merchant as the channel knows it (特约商户号, smid, merId). */
  channelMerchantId: string;
  description: string;
};

/** What every writer is told besides the records: the statement's day and whose it is. */
export type StatementMeta = {
  /** The Asia/Shanghai date, YYYY-MM-DD. */
  day: string;
  /** The account the file is for (WeChat 商户号, Alipay 账号, UnionPay 商户代码). */
  channelMerchantId: string;
};

export type StatementWriter = (
  records: Iterable<StatementRecord> | AsyncIterable<StatementRecord>,
  meta: StatementMeta,
) => AsyncIterable<Uint8Array>;

/** A refund's own ids, which a refund record must carry. */
export function refundIds(record: StatementRecord): {
  channelRefundId: string;
  outRefundNo: string;
} {
  if (!record.channelRefundId || !record.outRefundNo) {
    throw new RangeError(`Refund of ${record.outTradeNo} lacks its refund ids`);
  }
  return { channelRefundId: record.channelRefundId, outRefundNo: record.outRefundNo };
}
