import type { StatementLine, StatementSummary } from '../statement-line.js';
import { readAlipayBill } from './alipay-bill.js';
import { readUnionpayStatement } from './unionpay-statement.js';
import { readWechatBill } from './wechat-bill.js';

/**
 * Reads one channel's statement file while it streams. `lines` yields each detail line as it
 * is read (payment lines are `succeeded` or `failed`, refund lines `refunded` or `failed`,
 * anything the channel says that we do not know is `other`) and throws
 * AppError('statement_malformed') naming the line and the field. `summary` settles after the
 * last line, with the file's own totals once checked against the lines read: amounts in fen,
 * `refundTotalFen` positive, `channelFeeTotalFen` the net fee (charged on payments less given
 * back on refunds). Its rejection is handled, so reading only the lines is safe; it settles only
 * when the lines are read to their end.
 */
export type StatementReader = (source: AsyncIterable<Uint8Array>) => {
  lines: AsyncIterable<StatementLine>;
  summary: Promise<StatementSummary>;
};

export { readAlipayBill } from './alipay-bill.js';
export { readUnionpayStatement } from './unionpay-statement.js';
export { readWechatBill } from './wechat-bill.js';

export const statementReaders: Record<'wechat' | 'alipay' | 'unionpay', StatementReader> = {
  wechat: readWechatBill,
  alipay: readAlipayBill,
  unionpay: readUnionpayStatement,
};
