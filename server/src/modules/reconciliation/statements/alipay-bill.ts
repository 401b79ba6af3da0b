import { fenToYuanText, parseYuanToFen } from '../../../platform/money.js';
import type { StatementLine, StatementSummary } from '../statement-line.js';
import {
  alipayBusinessTypes,
  alipayDetailColumns,
  alipayDetailEnd,
  alipaySummaryColumn,
  alipaySummaryColumns,
  alipaySummaryTotalLabel,
  alipayTotalPrefixes,
  alipayColumn as col,
} from './alipay-bill-format.js';
import { alipayZipTexts } from './alipay-zip-texts.js';
import { LineSplitter } from './line-splitter.js';
import { assertAgrees, problems, statementMalformed } from './statement-malformed.js';
import { type StatementRead, startStatementRead } from './statement-reading.js';
import { parseShanghaiDateTime } from './statement-time.js';

/** Per 业务类型: rows, 商家实收 and 服务费 as signed sums, as the closing totals state them. */
type KindTotals = { count: number; receivedFen: number; feeFen: number };

type StatedTotals = {
  lineNumber: number;
  count: number;
  receivedFen: number;
  feeFen: number | null;
};

const summaryFileLimitChars = 1_000_000;

/**
 * Reads an Alipay trade bill zip while it streams. Lines carry 订单金额 as their amount (its
 * size: a refund's is negative in the file) and 服务费 as their fee; the checks use 商家实收,
 * which is what the closing "#交易合计" and "#退款合计" lines state. Refund lines name the
 * refund by 退款批次号/请求号, Alipay's only refund id (our out_request_no). Values are trimmed:
 * Alipay follows each with a tab.
 */
export function readAlipayBill(source: AsyncIterable<Uint8Array>): StatementRead {
  return startStatementRead(async function* () {
    const detail = new LineSplitter();
    const summaryParts: string[] = [];
    let summaryChars = 0;
    const totals = {
      payment: { count: 0, receivedFen: 0, feeFen: 0 },
      refund: { count: 0, receivedFen: 0, feeFen: 0 },
    };
    const stated: { payment: StatedTotals | null; refund: StatedTotals | null } = {
      payment: null,
      refund: null,
    };
    let lineNumber = 0;
    let phase: 'comments' | 'rows' | 'footer' = 'comments';

    function* readLines(texts: string[]): Generator<StatementLine> {
      for (const raw of texts) {
        lineNumber += 1;
        const text = raw.trim();
        if (text === '') continue;
        if (phase === 'comments') {
          if (text.startsWith('#')) continue;
          checkHeader(text, lineNumber, alipayDetailColumns);
          phase = 'rows';
        } else if (phase === 'rows') {
          if (text.startsWith('#')) {
            if (text !== alipayDetailEnd) {
              throw statementMalformed(lineNumber, alipayDetailColumns[0], {
                zh: '处出现了注释行，但不是明细结束标记',
                en: 'holds a comment line that is not the end-of-details marker',
              });
            }
            phase = 'footer';
          } else {
            yield readRow(text, lineNumber, totals);
          }
        } else if (text.startsWith(alipayTotalPrefixes.payment)) {
          stated.payment = readStatedTotals(text, lineNumber, alipayTotalPrefixes.payment);
        } else if (text.startsWith(alipayTotalPrefixes.refund)) {
          stated.refund = readStatedTotals(text, lineNumber, alipayTotalPrefixes.refund);
        } else if (!text.startsWith('#')) {
          throw statementMalformed(lineNumber, '业务明细列表结束', {
            zh: '之后只能是注释行',
            en: 'may be followed by comment lines only',
          });
        }
      }
    }

    for await (const piece of alipayZipTexts(source)) {
      if (piece.entry === 'detail') {
        yield* readLines(detail.push(piece.text));
      } else {
        summaryChars += piece.text.length;
        if (summaryChars > summaryFileLimitChars) {
          throw statementMalformed(null, alipaySummaryFile, {
            zh: '过大，不像汇总文件',
            en: 'is too large to be a summary',
          });
        }
        summaryParts.push(piece.text);
      }
    }
    yield* readLines(detail.end());

    const closing = lineNumber + 1;
    if (!stated.payment)
      throw statementMalformed(closing, alipayTotalPrefixes.payment.slice(1, -1), problems.missing);
    if (!stated.refund)
      throw statementMalformed(closing, alipayTotalPrefixes.refund.slice(1, -1), problems.missing);
    checkStated(stated.payment, totals.payment, '交易合计');
    checkStated(stated.refund, totals.refund, '退款合计');
    if (summaryParts.length > 0) checkSummaryFile(summaryParts.join(''), totals);
    return {
      lineCount: stated.payment.count + stated.refund.count,
      paymentTotalFen: stated.payment.receivedFen,
      refundTotalFen: -stated.refund.receivedFen,
      // Alipay writes its fee as a charge (negative) on trades and a give-back on refunds.
      channelFeeTotalFen: -(totals.payment.feeFen + totals.refund.feeFen),
    } satisfies StatementSummary;

    function checkStated(figures: StatedTotals, counted: KindTotals, label: string) {
      const at = figures.lineNumber;
      assertAgrees(at, `${label}笔数`, figures.count, counted.count);
      assertAgrees(at, `${label}商家实收`, figures.receivedFen, counted.receivedFen, fenToYuanText);
      if (figures.feeFen !== null)
        assertAgrees(at, `${label}服务费`, figures.feeFen, counted.feeFen, fenToYuanText);
    }
  });
}

const alipaySummaryFile = '业务明细(汇总).csv';

function cellsOf(text: string, lineNumber: number, columns: readonly string[]): string[] {
  const cells = text.split(',');
  // Some exports end each row with a comma; an empty value past the last column is that.
  if (cells.length === columns.length + 1 && (cells[columns.length] as string).trim() === '')
    cells.pop();
  if (cells.length < columns.length)
    throw statementMalformed(lineNumber, columns[cells.length] ?? '', problems.missing);
  if (cells.length > columns.length)
    throw statementMalformed(lineNumber, columns[columns.length - 1] ?? '', problems.extraFields);
  for (let index = 0; index < cells.length; index += 1)
    cells[index] = (cells[index] as string).trim();
  return cells;
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
}

function readRow(
  text: string,
  lineNumber: number,
  totals: { payment: KindTotals; refund: KindTotals },
): StatementLine {
  const cells = cellsOf(text, lineNumber, alipayDetailColumns);
  const type = cells[col.业务类型];
  const kind =
    type === alipayBusinessTypes.payment
      ? 'payment'
      : type === alipayBusinessTypes.refund
        ? 'refund'
        : null;
  if (!kind) {
    throw statementMalformed(lineNumber, '业务类型', {
      zh: `应为“交易”或“退款”，实为“${type}”`,
      en: `must be 交易 or 退款, is ${type}`,
    });
  }
  const money = (index: number) => {
    const fen = parseYuanToFen(cells[index] as string);
    const field = alipayDetailColumns[index] as string;
    if (fen === null) throw statementMalformed(lineNumber, field, problems.notAnAmount);
    return fen;
  };
  const signed = (index: number) => {
    const fen = money(index);
    if (kind === 'payment' ? fen < 0 : fen > 0) {
      throw statementMalformed(lineNumber, alipayDetailColumns[index] as string, {
        zh: kind === 'payment' ? '交易金额不能为负' : '退款金额应为负数',
        en: kind === 'payment' ? 'must not be negative on a trade' : 'must be negative on a refund',
      });
    }
    return fen;
  };
  const orderFen = signed(col['订单金额（元）']);
  const receivedFen = signed(col['商家实收（元）']);
  const feeFen = money(col['服务费（元）']);
  const tradedAt = parseShanghaiDateTime(cells[col.完成时间] as string);
  if (!tradedAt) throw statementMalformed(lineNumber, '完成时间', problems.notATime);
  const channelTransactionId = cells[col.支付宝交易号] as string;
  if (channelTransactionId === '')
    throw statementMalformed(lineNumber, '支付宝交易号', problems.empty);
  const tally = totals[kind];
  tally.count += 1;
  tally.receivedFen += receivedFen;
  tally.feeFen += feeFen;
  const refundNo = kind === 'refund' ? (cells[col['退款批次号/请求号']] as string) : '';
  if (kind === 'refund' && refundNo === '')
    throw statementMalformed(lineNumber, '退款批次号/请求号', problems.empty);
  return {
    channel: 'alipay',
    lineNumber,
    kind,
    channelTransactionId,
    outTradeNo: cells[col.商户订单号] || null,
    channelRefundId: refundNo || null,
    outRefundNo: refundNo || null,
    amountFen: Math.abs(orderFen),
    channelFeeFen: Math.abs(feeFen),
    status: kind === 'payment' ? 'succeeded' : 'refunded',
    tradedAt,
  };
}

/** "#交易合计：3笔，商家实收共计：0.03元，服务费共计：-0.00元" into its figures. */
function readStatedTotals(text: string, lineNumber: number, prefix: string): StatedTotals {
  const label = prefix.slice(1, -1);
  const [countText = '', ...sums] = text.slice(prefix.length).split('，');
  const count = /^\d{1,9}笔$/.test(countText) ? Number.parseInt(countText, 10) : null;
  if (count === null) throw statementMalformed(lineNumber, `${label}笔数`, problems.notACount);
  const figures = new Map<string, number>();
  for (const sum of sums) {
    const match = /^(.+)共计：(.+)元$/.exec(sum.trim());
    const fen = match ? parseYuanToFen(match[2] as string) : null;
    if (!match || fen === null)
      throw statementMalformed(lineNumber, `${label}${match?.[1] ?? ''}`, problems.notAnAmount);
    figures.set(match[1] as string, fen);
  }
  const receivedFen = figures.get('商家实收');
  if (receivedFen === undefined)
    throw statementMalformed(lineNumber, `${label}商家实收`, problems.missing);
  return { lineNumber, count, receivedFen, feeFen: figures.get('服务费') ?? null };
}

/** The 汇总 file's 合计 row must say what the detail says. */
function checkSummaryFile(text: string, totals: { payment: KindTotals; refund: KindTotals }): void {
  const splitter = new LineSplitter();
  const lines = [...splitter.push(text), ...splitter.end()];
  let sawHeader = false;
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    const lineNumber = index + 1;
    if (line === '' || line.startsWith('#')) continue;
    if (!sawHeader) {
      checkHeader(line, lineNumber, alipaySummaryColumns);
      sawHeader = true;
      continue;
    }
    const cells = cellsOf(line, lineNumber, alipaySummaryColumns);
    if (cells[0] !== alipaySummaryTotalLabel) continue;
    const field = (name: (typeof alipaySummaryColumns)[number]) => `${alipaySummaryFile}/${name}`;
    const number = (
      name: (typeof alipaySummaryColumns)[number],
      read: (t: string) => number | null,
    ) => {
      const value = read(cells[alipaySummaryColumn[name]] as string);
      if (value === null) throw statementMalformed(lineNumber, field(name), problems.notAnAmount);
      return value;
    };
    const count = (t: string) => (/^\d{1,9}$/.test(t) ? Number(t) : null);
    assertAgrees(
      lineNumber,
      field('交易订单总笔数'),
      number('交易订单总笔数', count),
      totals.payment.count,
    );
    assertAgrees(
      lineNumber,
      field('退款订单总笔数'),
      number('退款订单总笔数', count),
      totals.refund.count,
    );
    const received = totals.payment.receivedFen + totals.refund.receivedFen;
    const fee = totals.payment.feeFen + totals.refund.feeFen;
    assertAgrees(
      lineNumber,
      field('商家实收（元）'),
      number('商家实收（元）', parseYuanToFen),
      received,
      fenToYuanText,
    );
    assertAgrees(
      lineNumber,
      field('服务费（元）'),
      number('服务费（元）', parseYuanToFen),
      fee,
      fenToYuanText,
    );
    return;
  }
  throw statementMalformed(
    null,
    `${alipaySummaryFile}/${alipaySummaryTotalLabel}`,
    problems.missing,
  );
}
