import { writeAlipayBill } from './alipay-bill-writer.js';
import type { StatementWriter } from './statement-record.js';
import { writeUnionpayStatement } from './unionpay-statement-writer.js';
import { writeWechatBill } from './wechat-bill-writer.js';

export { writeAlipayBill } from './alipay-bill-writer.js';
export { collectBytes } from './collect-bytes.js';
export type { StatementMeta, StatementRecord, StatementWriter } from './statement-record.js';
export { writeUnionpayStatement } from './unionpay-statement-writer.js';
export { writeWechatBill } from './wechat-bill-writer.js';

/** Each channel's statement file, written as that channel writes it, streamed in chunks. */
export const statementWriters: Record<'wechat' | 'alipay' | 'unionpay', StatementWriter> = {
  wechat: writeWechatBill,
  alipay: writeAlipayBill,
  unionpay: writeUnionpayStatement,
};
