import type { StatementLine, StatementSummary } from '../statement-line.js';
import { lineBatches } from './line-splitter.js';
import { assertAgrees, problems, statementMalformed } from './statement-malformed.js';
import { type StatementRead, startStatementRead } from './statement-reading.js';
import { digitsAt, shanghaiInstant } from './statement-time.js';
import {
  type FixedField,
  type FixedLayout,
  fieldsByName,
  unionpayApproved,
  unionpayCodes,
  unionpayDetailLayout,
  unionpayHeaderLayout,
  unionpayTrailerLayout,
} from './unionpay-statement-layout.js';

const detail = fieldsByName(unionpayDetailLayout);
const header = fieldsByName(unionpayHeaderLayout);
const trailer = fieldsByName(unionpayTrailerLayout);

/** Checks the line's length and separators against the layout, naming the field that breaks. */
function checkShape(text: string, lineNumber: number, of: FixedLayout): void {
  if (text.length < of.length) {
    const cut = of.fields.find((field) => field.start + field.width > text.length) as FixedField;
    throw statementMalformed(lineNumber, cut.name, {
      zh: `不完整：该行长 ${text.length} 字节，应为 ${of.length} 字节`,
      en: `is cut short: the line has ${text.length} bytes, the layout ${of.length}`,
    });
  }
  if (text.length > of.length) {
    const last = of.fields[of.fields.length - 1] as FixedField;
    throw statementMalformed(lineNumber, last.name, {
      zh: `之后多出字符：该行长 ${text.length} 字节，应为 ${of.length} 字节`,
      en: `is followed by extra bytes: the line has ${text.length}, the layout ${of.length}`,
    });
  }
  for (const field of of.fields) {
    if (field.start > 0 && text.charCodeAt(field.start - 1) !== 32) {
      throw statementMalformed(lineNumber, field.name, {
        zh: '前缺少空格分隔，字段错位',
        en: 'is not preceded by its space separator: the fields are shifted',
      });
    }
  }
}

const textOf = (line: string, field: FixedField) =>
  line.slice(field.start, field.start + field.width).trimEnd();

function numberOf(line: string, field: FixedField, lineNumber: number): number {
  const value = digitsAt(line, field.start, field.width);
  if (value < 0) {
    throw statementMalformed(lineNumber, field.name, {
      zh: '应为数字',
      en: 'must be digits',
    });
  }
  return value;
}

/**
 * 交易传输时间 is MMDDhhmmss (Asia/Shanghai) without a year: the year is the one that puts the
 * time nearest the statement date, so a 31 December trade on a 1 January statement is last
 * year's.
 */
function transmissionTime(line: string, lineNumber: number, statementStart: Date): Date {
  const field = detail.交易传输时间 as FixedField;
  const at = field.start;
  const parts = [0, 2, 4, 6, 8].map((offset) => digitsAt(line, at + offset, 2));
  const [month = -1, day = -1, hour = -1, minute = -1, second = -1] = parts;
  const year = new Date(statementStart.getTime() + 8 * 3_600_000).getUTCFullYear();
  let best: Date | null = null;
  for (const candidate of [year - 1, year, year + 1]) {
    const instant = shanghaiInstant(candidate, month, day, hour, minute, second);
    if (!instant) continue;
    const distance = Math.abs(instant.getTime() - statementStart.getTime());
    if (!best || distance < Math.abs(best.getTime() - statementStart.getTime())) best = instant;
  }
  if (!best || parts.some((part) => part < 0))
    throw statementMalformed(lineNumber, field.name, problems.notATime);
  return best;
}

type Totals = {
  count: number;
  payments: number;
  paymentFen: number;
  refunds: number;
  refundFen: number;
  chargedFeeFen: number;
  returnedFeeFen: number;
};

/**
 * Reads a UnionPay fixed-width statement while it streams. The bytes are read as Latin-1, so
 * one character is one byte and the layout's positions hold whatever the bytes are.
 */
export function readUnionpayStatement(source: AsyncIterable<Uint8Array>): StatementRead {
  return startStatementRead(async function* () {
    const totals: Totals = {
      count: 0,
      payments: 0,
      paymentFen: 0,
      refunds: 0,
      refundFen: 0,
      chargedFeeFen: 0,
      returnedFeeFen: 0,
    };
    let statementStart: Date | null = null;
    let summary: StatementSummary | null = null;
    let lineNumber = 0;
    const latin1 = (chunk: Uint8Array) =>
      Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1');
    for await (const batch of lineBatches(source, latin1)) {
      for (const text of batch) {
        lineNumber += 1;
        if (text.trim() === '') continue;
        if (summary) {
          throw statementMalformed(lineNumber, '记录类型', {
            zh: '：文件尾记录之后不应再有内容',
            en: 'nothing may follow the trailer record',
          });
        }
        const code = text.slice(0, 3);
        if (!statementStart) {
          if (code !== unionpayCodes.header) {
            throw statementMalformed(lineNumber, '记录类型', {
              zh: `应为文件头 ${unionpayCodes.header}`,
              en: `must be the ${unionpayCodes.header} header`,
            });
          }
          statementStart = readHeader(text, lineNumber);
        } else if (code === unionpayCodes.trailer) {
          summary = checkTrailer(text, lineNumber, totals);
        } else {
          yield readDetail(text, lineNumber, statementStart, totals);
        }
      }
    }
    if (!summary) {
      throw statementMalformed(lineNumber + 1, '记录类型', {
        zh: `缺失：文件在文件尾 ${unionpayCodes.trailer} 之前结束`,
        en: `is missing: the file ends before its ${unionpayCodes.trailer} trailer`,
      });
    }
    return summary;
  });
}

function readHeader(text: string, lineNumber: number): Date {
  checkShape(text, lineNumber, unionpayHeaderLayout);
  const field = header.清算日期 as FixedField;
  const start = shanghaiInstant(
    digitsAt(text, field.start, 4),
    digitsAt(text, field.start + 4, 2),
    digitsAt(text, field.start + 6, 2),
    0,
    0,
    0,
  );
  if (!start) throw statementMalformed(lineNumber, field.name, problems.notATime);
  return start;
}

function readDetail(
  text: string,
  lineNumber: number,
  statementStart: Date,
  totals: Totals,
): StatementLine {
  checkShape(text, lineNumber, unionpayDetailLayout);
  const code = textOf(text, detail.交易代码 as FixedField);
  if (code !== unionpayCodes.payment && code !== unionpayCodes.refund) {
    throw statementMalformed(lineNumber, '交易代码', {
      zh: `应为 ${unionpayCodes.payment}（消费）或 ${unionpayCodes.refund}（退货），实为“${code}”`,
      en: `must be ${unionpayCodes.payment} (purchase) or ${unionpayCodes.refund} (refund), is ${code}`,
    });
  }
  const amountFen = numberOf(text, detail.交易金额 as FixedField, lineNumber);
  const feeFen = numberOf(text, detail.手续费 as FixedField, lineNumber);
  numberOf(text, detail.清算日期 as FixedField, lineNumber);
  const tradedAt = transmissionTime(text, lineNumber, statementStart);
  const required = (name: string) => {
    const value = textOf(text, detail[name] as FixedField);
    if (value === '') throw statementMalformed(lineNumber, name, problems.empty);
    return value;
  };
  const queryId = required('查询流水号');
  const orderId = required('订单号');
  const approved = textOf(text, detail.应答码 as FixedField) === unionpayApproved;
  totals.count += 1;
  if (code === unionpayCodes.payment) {
    totals.payments += 1;
    totals.paymentFen += amountFen;
    totals.chargedFeeFen += feeFen;
    return {
      channel: 'unionpay',
      lineNumber,
      kind: 'payment',
      channelTransactionId: queryId,
      outTradeNo: orderId,
      channelRefundId: null,
      outRefundNo: null,
      amountFen,
      channelFeeFen: feeFen,
      status: approved ? 'succeeded' : 'failed',
      tradedAt,
    };
  }
  totals.refunds += 1;
  totals.refundFen += amountFen;
  totals.returnedFeeFen += feeFen;
  return {
    channel: 'unionpay',
    lineNumber,
    kind: 'refund',
    channelTransactionId: required('原始交易查询流水号'),
    outTradeNo: required('原始订单号'),
    channelRefundId: queryId,
    outRefundNo: orderId,
    amountFen,
    channelFeeFen: feeFen,
    status: approved ? 'refunded' : 'failed',
    tradedAt,
  };
}

function checkTrailer(text: string, lineNumber: number, totals: Totals): StatementSummary {
  checkShape(text, lineNumber, unionpayTrailerLayout);
  const stated = (name: string) => numberOf(text, trailer[name] as FixedField, lineNumber);
  const figures: [string, number][] = [
    ['总笔数', totals.count],
    ['消费笔数', totals.payments],
    ['消费总金额', totals.paymentFen],
    ['退货笔数', totals.refunds],
    ['退货总金额', totals.refundFen],
    ['应收手续费', totals.chargedFeeFen],
    ['退还手续费', totals.returnedFeeFen],
  ];
  for (const [name, counted] of figures) assertAgrees(lineNumber, name, stated(name), counted);
  return {
    lineCount: stated('总笔数'),
    paymentTotalFen: stated('消费总金额'),
    refundTotalFen: stated('退货总金额'),
    channelFeeTotalFen: stated('应收手续费') - stated('退还手续费'),
  };
}
