import type { Channel } from '../payments/tables.js';

/**
 * One line of a channel's daily statement (对账单), read into our terms whatever the channel's
 * format (WeChat backtick CSV, Alipay zip of GBK CSVs, UnionPay fixed width). Amounts are fen.
 */
export type StatementLine = {
  channel: Channel;
  /** 1-based line number in the file (in the zip's detail CSV for Alipay), for break reports. */
  lineNumber: number;
  kind: 'payment' | 'refund';
  /** The channel's transaction id (微信订单号 / 支付宝交易号 / 查询流水号): the matching key. */
  channelTransactionId: string;
  /** Our payment id as the channel echoes it (商户订单号 / out_trade_no), when the format has it. */
  outTradeNo: string | null;
  /** Refund lines: the channel's refund id and ours (商户退款单号), when the format has them. */
  channelRefundId: string | null;
  outRefundNo: string | null;
  /** The payment's amount, or the refund's amount on a refund line; always positive. */
  amountFen: number;
  /** The channel's own service fee on this line, when the format has it (else 0). */
  channelFeeFen: number;
  /** What the channel says happened: SUCCESS for a paid payment or a completed refund. */
  status: 'succeeded' | 'refunded' | 'failed' | 'other';
  /** When the channel booked it. */
  tradedAt: Date;
};

/** The statement's own totals (its summary section), checked against the lines read. */
export type StatementSummary = {
  lineCount: number;
  paymentTotalFen: number;
  refundTotalFen: number;
  channelFeeTotalFen: number;
};
