import { shanghaiDateTime } from '../../adapters/channels/shanghai-time.js';
import {
  wechatColumn as col,
  wechatBacktick,
  wechatDetailColumns,
  wechatRefundState,
  wechatSummaryColumns,
} from '../../modules/reconciliation/statements/wechat-bill-format.js';
import { fenToYuanText } from '../../platform/money.js';
import { csvId, csvPlainText } from './csv-plain-text.js';
import { refundIds, type StatementRecord, type StatementWriter } from './statement-record.js';
import { TextChunks } from './text-chunks.js';

const lineEnd = '\r\n';

/** The fee as a rate for the 费率 column ("0.60%"), rounded half up to a hundredth of a percent. */
function feeRate(record: StatementRecord): string {
  if (record.amountFen === 0) return '0.00%';
  const basisPoints = Math.floor(
    (record.channelFeeFen * 20_000 + record.amountFen) / (2 * record.amountFen),
  );
  return `${Math.floor(basisPoints / 100)}.${String(basisPoints % 100).padStart(2, '0')}%`;
}

const paymentStates = { succeeded: 'SUCCESS', failed: 'PAYERROR' } as const;
const refundStates = { refunded: 'SUCCESS', failed: 'FAIL' } as const;

const withBackticks = (values: readonly string[]) =>
  values.map((value) => wechatBacktick + value).join(',') + lineEnd;

/**
 * One row's values in column order, filled by column name. The record carries no app id,
 * device, payer, trade type or bank, so those columns stay empty; a payment row's refund ids
 * are "0", as in WeChat's bills, and a refund row's 手续费 is negative: the fee WeChat gives
 * back. An array indexed by position keeps a million rows cheap.
 */
function rowLine(record: StatementRecord, accountId: string): string {
  const yuan = fenToYuanText;
  const cells: string[] = new Array(wechatDetailColumns.length).fill('');
  cells[col.交易时间] = shanghaiDateTime(record.tradedAt);
  cells[col.商户号] = accountId;
  cells[col.特约商户号] = csvId(record.channelMerchantId);
  cells[col.微信订单号] = csvId(record.channelTransactionId);
  cells[col.商户订单号] = csvId(record.outTradeNo);
  cells[col.货币种类] = 'CNY';
  cells[col.代金券金额] = '0.00';
  cells[col.充值券退款金额] = '0.00';
  cells[col.商品名称] = csvPlainText(record.description);
  cells[col.费率] = feeRate(record);
  if (record.kind === 'payment') {
    if (record.status === 'refunded')
      throw new RangeError('A payment record is succeeded or failed; its refunds are records');
    cells[col.交易状态] = paymentStates[record.status];
    cells[col.应结订单金额] = yuan(record.amountFen);
    cells[col.微信退款单号] = '0';
    cells[col.商户退款单号] = '0';
    cells[col.退款金额] = '0.00';
    cells[col.手续费] = yuan(record.channelFeeFen);
    cells[col.订单金额] = yuan(record.amountFen);
    cells[col.申请退款金额] = '0.00';
  } else {
    if (record.status === 'succeeded')
      throw new RangeError('A refund record is refunded or failed');
    const ids = refundIds(record);
    cells[col.交易状态] = wechatRefundState;
    cells[col.应结订单金额] = '0.00';
    cells[col.微信退款单号] = csvId(ids.channelRefundId);
    cells[col.商户退款单号] = csvId(ids.outRefundNo);
    cells[col.退款金额] = yuan(record.amountFen);
    cells[col.退款类型] = 'ORIGINAL';
    cells[col.退款状态] = refundStates[record.status];
    cells[col.手续费] = yuan(-record.channelFeeFen);
    cells[col.订单金额] = '0.00';
    cells[col.申请退款金额] = yuan(record.amountFen);
  }
  return withBackticks(cells);
}

/**
 * Writes a WeChat Pay trade bill (bill_type ALL) as UTF-8 chunks while the records stream, and
 * its summary from what it wrote.
 */
export const writeWechatBill: StatementWriter = async function* (records, meta) {
  const chunks = new TextChunks((text) => Buffer.from(text, 'utf8'));
  const totals = { count: 0, settlement: 0, refund: 0, fee: 0, order: 0, appliedRefund: 0 };
  chunks.add(wechatDetailColumns.join(',') + lineEnd);
  for await (const record of records) {
    totals.count += 1;
    if (record.kind === 'payment') {
      totals.settlement += record.amountFen;
      totals.order += record.amountFen;
      totals.fee += record.channelFeeFen;
    } else {
      totals.refund += record.amountFen;
      totals.appliedRefund += record.amountFen;
      totals.fee -= record.channelFeeFen;
    }
    const chunk = chunks.add(rowLine(record, meta.channelMerchantId));
    if (chunk) yield chunk;
  }
  chunks.add(wechatSummaryColumns.join(',') + lineEnd);
  chunks.add(
    withBackticks([
      String(totals.count),
      fenToYuanText(totals.settlement),
      fenToYuanText(totals.refund),
      '0.00',
      fenToYuanText(totals.fee),
      fenToYuanText(totals.order),
      fenToYuanText(totals.appliedRefund),
    ]),
  );
  const last = chunks.flush();
  if (last) yield last;
};
