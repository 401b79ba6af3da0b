import { fenToYuanText, parseYuanToFen } from '../../../platform/money.js';
import type { StatementLine, StatementSummary } from '../statement-line.js';
import { lineBatches } from './line-splitter.js';
import { assertAgrees, problems, statementMalformed } from './statement-malformed.js';
import { type StatementRead, startStatementRead } from './statement-reading.js';
import { parseShanghaiDateTime } from './statement-time.js';
import {
  wechatColumn as col,
  wechatDetailColumns,
  wechatRefundState,
  wechatSummaryColumns,
} from './wechat-bill-format.js';

type Totals = {
  count: number;
  settlementFen: number;
  refundFen: number;
  rechargeRefundFen: number;
  feeFen: number;
  orderFen: number;
  appliedRefundFen: number;
};

/**
 * Reads a WeChat Pay trade bill (bill_type ALL, UTF-8) while it streams. Each row costs one
 * split on commas: the channel writes no quoting, and its free-text fields carry no commas.
 * A refund row's 手续费 is negative (the fee given back), so 手续费总金额 is the net fee; the
 * line carries the fee's size. Rows whose 交易状态 or 退款状态 it does not know are `other`.
 */
export function readWechatBill(source: AsyncIterable<Uint8Array>): StatementRead {
  return startStatementRead(async function* () {
    const decoder = new TextDecoder('utf-8', { fatal: false });
    const totals: Totals = {
      count: 0,
      settlementFen: 0,
      refundFen: 0,
      rechargeRefundFen: 0,
      feeFen: 0,
      orderFen: 0,
      appliedRefundFen: 0,
    };
    let lineNumber = 0;
    let phase: 'header' | 'rows' | 'summary' | 'done' = 'header';
    let summary: StatementSummary | null = null;
    for await (const batch of lineBatches(
      source,
      (chunk) => decoder.decode(chunk, { stream: true }),
      () => decoder.decode(),
    )) {
      for (const text of batch) {
        lineNumber += 1;
        if (text.trim() === '') continue;
        if (phase === 'header') {
          checkHeader(text, lineNumber, wechatDetailColumns);
          phase = 'rows';
        } else if (phase === 'rows') {
          if (text.startsWith(wechatSummaryColumns[0])) {
            checkHeader(text, lineNumber, wechatSummaryColumns);
            phase = 'summary';
          } else {
            yield readRow(text, lineNumber, totals);
          }
        } else if (phase === 'summary') {
          summary = checkSummary(text, lineNumber, totals);
          phase = 'done';
        } else {
          throw statementMalformed(lineNumber, wechatSummaryColumns[0], {
            zh: '汇总行之后不应再有内容',
            en: 'nothing may follow the summary row',
          });
        }
      }
    }
    if (!summary) {
      throw statementMalformed(lineNumber + 1, wechatSummaryColumns[0], {
        zh: '缺失：文件在汇总行之前结束',
        en: 'is missing: the file ends before its summary row',
      });
    }
    return summary;
  });
}

function checkHeader(text: string, lineNumber: number, expected: readonly string[]): void {
  const names = text.split(',').map((name) => name.trim());
  expected.forEach((name, index) => {
    if (names[index] !== name) {
      throw statementMalformed(lineNumber, name, {
        zh: `表头应为“${name}”，实为“${names[index] ?? ''}”`,
        en: `header should read ${name}, reads ${names[index] ?? 'nothing'}`,
      });
    }
  });
  if (names.length > expected.length)
    throw statementMalformed(lineNumber, expected[expected.length - 1] ?? '', problems.extraFields);
}

/** The row's values without their backtick prefix, exactly as many as the columns. */
function values(text: string, lineNumber: number, columns: readonly string[]): string[] {
  const cells = text.split(',');
  if (cells.length < columns.length)
    throw statementMalformed(lineNumber, columns[cells.length] ?? '', problems.missing);
  if (cells.length > columns.length)
    throw statementMalformed(lineNumber, columns[columns.length - 1] ?? '', problems.extraFields);
  for (let index = 0; index < cells.length; index += 1) {
    const cell = cells[index] as string;
    if (cell.charCodeAt(0) !== 96 /* ` */) {
      throw statementMalformed(lineNumber, columns[index] ?? '', {
        zh: '缺少反引号前缀',
        en: 'lacks its backtick prefix',
      });
    }
    cells[index] = cell.slice(1);
  }
  return cells;
}

function amount(
  cells: string[],
  index: number,
  lineNumber: number,
  names: readonly string[],
  signed = false,
): number {
  const fen = parseYuanToFen(cells[index] as string);
  if (fen === null) throw statementMalformed(lineNumber, names[index] ?? '', problems.notAnAmount);
  if (!signed && fen < 0)
    throw statementMalformed(lineNumber, names[index] ?? '', problems.negativeAmount);
  return fen;
}

function required(cells: string[], index: number, lineNumber: number): string {
  const value = cells[index] as string;
  if (value === '')
    throw statementMalformed(lineNumber, wechatDetailColumns[index] ?? '', problems.empty);
  return value;
}

function readRow(text: string, lineNumber: number, totals: Totals): StatementLine {
  const cells = values(text, lineNumber, wechatDetailColumns);
  const money = (index: number, signed = false) =>
    amount(cells, index, lineNumber, wechatDetailColumns, signed);
  const tradedAt = parseShanghaiDateTime(cells[col.交易时间] as string);
  if (!tradedAt) throw statementMalformed(lineNumber, '交易时间', problems.notATime);
  const channelTransactionId = required(cells, col.微信订单号, lineNumber);
  const state = cells[col.交易状态] as string;
  const settlementFen = money(col.应结订单金额);
  const refundFen = money(col.退款金额);
  const rechargeRefundFen = money(col.充值券退款金额);
  const feeFen = money(col.手续费, true);
  const orderFen = money(col.订单金额);
  const appliedRefundFen = money(col.申请退款金额);
  totals.count += 1;
  totals.settlementFen += settlementFen;
  totals.refundFen += refundFen;
  totals.rechargeRefundFen += rechargeRefundFen;
  totals.feeFen += feeFen;
  totals.orderFen += orderFen;
  totals.appliedRefundFen += appliedRefundFen;
  const outTradeNo = cells[col.商户订单号] || null;
  if (state === wechatRefundState) {
    return {
      channel: 'wechat',
      lineNumber,
      kind: 'refund',
      channelTransactionId,
      outTradeNo,
      channelRefundId: required(cells, col.微信退款单号, lineNumber),
      outRefundNo: required(cells, col.商户退款单号, lineNumber),
      amountFen: refundFen,
      channelFeeFen: Math.abs(feeFen),
      status: refundStatus(cells[col.退款状态] as string),
      tradedAt,
    };
  }
  return {
    channel: 'wechat',
    lineNumber,
    kind: 'payment',
    channelTransactionId,
    outTradeNo,
    channelRefundId: null,
    outRefundNo: null,
    amountFen: orderFen,
    channelFeeFen: Math.abs(feeFen),
    status: state === 'SUCCESS' ? 'succeeded' : state === 'PAYERROR' ? 'failed' : 'other',
    tradedAt,
  };
}

function refundStatus(state: string): StatementLine['status'] {
  if (state === 'SUCCESS') return 'refunded';
  if (state === 'FAIL' || state === 'ABNORMAL' || state === 'CLOSED') return 'failed';
  return 'other';
}

function checkSummary(text: string, lineNumber: number, totals: Totals): StatementSummary {
  const cells = values(text, lineNumber, wechatSummaryColumns);
  const count = /^\d{1,9}$/.test(cells[0] as string) ? Number(cells[0]) : null;
  if (count === null) throw statementMalformed(lineNumber, '总交易单数', problems.notACount);
  const stated = (index: number, signed = false) =>
    amount(cells, index, lineNumber, wechatSummaryColumns, signed);
  const orderTotalFen = stated(5);
  const refundTotalFen = stated(2);
  const feeTotalFen = stated(4, true);
  assertAgrees(lineNumber, '总交易单数', count, totals.count);
  const figures: [string, number, number][] = [
    ['应结订单总金额', stated(1), totals.settlementFen],
    ['退款总金额', refundTotalFen, totals.refundFen],
    ['充值券退款总金额', stated(3), totals.rechargeRefundFen],
    ['手续费总金额', feeTotalFen, totals.feeFen],
    ['订单总金额', orderTotalFen, totals.orderFen],
    ['申请退款总金额', stated(6), totals.appliedRefundFen],
  ];
  for (const [field, value, counted] of figures)
    assertAgrees(lineNumber, field, value, counted, fenToYuanText);
  return {
    lineCount: count,
    paymentTotalFen: orderTotalFen,
    refundTotalFen,
    channelFeeTotalFen: feeTotalFen,
  };
}
