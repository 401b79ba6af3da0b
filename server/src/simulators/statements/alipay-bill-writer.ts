import { Zip, ZipDeflate } from 'fflate';
import iconv from 'iconv-lite';
import { shanghaiDateTime } from '../../adapters/channels/shanghai-time.js';
import {
  type AlipayDetailColumn,
  type AlipaySummaryColumn,
  alipayBusinessTypes,
  alipayCommentDate,
  alipayDetailColumns,
  alipayDetailEnd,
  alipayFileSuffixes,
  alipaySummaryColumns,
  alipaySummaryEnd,
  alipaySummaryTotalLabel,
  alipayTotalPrefixes,
  alipayColumn as col,
} from '../../modules/reconciliation/statements/alipay-bill-format.js';
import { shanghaiDay, shanghaiDayStart } from '../../platform/clock.js';
import { fenToYuanText } from '../../platform/money.js';
import { csvId, csvPlainText } from './csv-plain-text.js';
import { refundIds, type StatementRecord, type StatementWriter } from './statement-record.js';
import { TextChunks } from './text-chunks.js';

const lineEnd = '\r\n';
const gbk = (text: string) => iconv.encode(text, 'gbk');

/** Alipay follows every value with a tab, so spreadsheets keep long ids as text. */
const csvLine = (values: readonly string[]) => `${values.map((v) => `${v}\t`).join(',')}${lineEnd}`;

const byName = <C extends string>(columns: readonly C[], values: Partial<Record<C, string>>) =>
  csvLine(columns.map((name) => values[name] ?? ''));

/**
 * One detail row, filled by column name into column order. A refund's amounts are negative and
 * its 服务费 positive (given back); a trade's 服务费 is negative (charged). The record carries no
 * store, operator or payer, so those columns stay empty.
 */
function detailRow(record: StatementRecord): string {
  const sign = record.kind === 'payment' ? 1 : -1;
  const time = shanghaiDateTime(record.tradedAt);
  const cells: string[] = new Array(alipayDetailColumns.length).fill('0.00');
  for (const text of textColumns) cells[col[text]] = '';
  cells[col.支付宝交易号] = csvId(record.channelTransactionId);
  cells[col.商户订单号] = csvId(record.outTradeNo);
  cells[col.业务类型] = alipayBusinessTypes[record.kind];
  cells[col.商品名称] = csvPlainText(record.description);
  cells[col.创建时间] = time;
  cells[col.完成时间] = time;
  cells[col['订单金额（元）']] = fenToYuanText(sign * record.amountFen);
  cells[col['商家实收（元）']] = fenToYuanText(sign * record.amountFen);
  if (record.kind === 'refund')
    cells[col['退款批次号/请求号']] = csvId(refundIds(record).outRefundNo);
  cells[col['服务费（元）']] = fenToYuanText(-sign * record.channelFeeFen);
  return csvLine(cells);
}

/** The columns that are not amounts, empty unless the row fills them. */
const textColumns = [
  '门店编号',
  '门店名称',
  '操作员',
  '终端号',
  '对方账户',
  '券名称',
  '退款批次号/请求号',
  '备注',
] as const satisfies readonly AlipayDetailColumn[];

type Tally = { count: number; receivedFen: number; feeFen: number };

const totalLine = (prefix: string, tally: Tally) =>
  `${prefix}${tally.count}笔，商家实收共计：${fenToYuanText(tally.receivedFen)}元，服务费共计：${fenToYuanText(tally.feeFen)}元${lineEnd}`;

function periodComments(title: string, account: string, day: string): string {
  const nextDay = shanghaiDay(new Date(shanghaiDayStart(day).getTime() + 86_400_000));
  return [
    `#${title}${lineEnd}`,
    `#账号：[${account}]${lineEnd}`,
    `#起始日期：[${alipayCommentDate(day)}]   终止日期：[${alipayCommentDate(nextDay)}]${lineEnd}`,
  ].join('');
}

/**
 * Writes an Alipay trade bill zip while the records stream: the detail CSV first, deflated
 * and GBK-encoded chunk by chunk, then the small 汇总 CSV from the totals. Alipay lists
 * completed business only, so failed records are left out.
 */
export const writeAlipayBill: StatementWriter = async function* (records, meta) {
  const ready: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, data) => {
    if (error) failure = error;
    else ready.push(data);
  });
  const baseName = `${meta.channelMerchantId}_${meta.day.replaceAll('-', '')}`;
  // The file is cut when the day closes, which also keeps a day's zip the same on every download.
  const mtime = new Date(shanghaiDayStart(meta.day).getTime() + 86_400_000);
  const detail = new ZipDeflate(baseName + alipayFileSuffixes.detail, { level: 6 });
  detail.mtime = mtime;
  zip.add(detail);
  const chunks = new TextChunks(gbk);
  const push = function* (chunk: Uint8Array | null, final = false) {
    if (chunk || final) detail.push(chunk ?? new Uint8Array(0), final);
    if (failure) throw failure;
    yield* ready.splice(0);
  };

  chunks.add(periodComments('支付宝业务明细查询', meta.channelMerchantId, meta.day));
  chunks.add(csvLine(alipayDetailColumns));
  const totals = {
    payment: { count: 0, receivedFen: 0, feeFen: 0 },
    refund: { count: 0, receivedFen: 0, feeFen: 0 },
  };
  for await (const record of records) {
    if (record.status === 'failed') continue;
    const tally = totals[record.kind];
    const sign = record.kind === 'payment' ? 1 : -1;
    tally.count += 1;
    tally.receivedFen += sign * record.amountFen;
    tally.feeFen -= sign * record.channelFeeFen;
    yield* push(chunks.add(detailRow(record)));
  }
  chunks.add(alipayDetailEnd + lineEnd);
  chunks.add(totalLine(alipayTotalPrefixes.payment, totals.payment));
  chunks.add(totalLine(alipayTotalPrefixes.refund, totals.refund));
  chunks.add(`#导出时间：[${alipayCommentDate(shanghaiDateTime(mtime).slice(0, 10))}]${lineEnd}`);
  yield* push(chunks.flush(), true);

  const summary = new ZipDeflate(baseName + alipayFileSuffixes.summary, { level: 6 });
  summary.mtime = mtime;
  zip.add(summary);
  const received = totals.payment.receivedFen + totals.refund.receivedFen;
  const fee = totals.payment.feeFen + totals.refund.feeFen;
  const summaryRow: Partial<Record<AlipaySummaryColumn, string>> = {
    门店编号: alipaySummaryTotalLabel,
    交易订单总笔数: String(totals.payment.count),
    退款订单总笔数: String(totals.refund.count),
    '订单金额（元）': fenToYuanText(received),
    '商家实收（元）': fenToYuanText(received),
    '支付宝优惠（元）': '0.00',
    '商家优惠（元）': '0.00',
    '卡消费金额（元）': '0.00',
    '服务费（元）': fenToYuanText(fee),
    '分润（元）': '0.00',
    '实收净额（元）': fenToYuanText(received + fee),
  };
  summary.push(
    gbk(
      periodComments('支付宝业务汇总查询', meta.channelMerchantId, meta.day) +
        csvLine(alipaySummaryColumns) +
        byName(alipaySummaryColumns, summaryRow) +
        alipaySummaryEnd +
        lineEnd,
    ),
    true,
  );
  zip.end();
  if (failure) throw failure;
  yield* ready.splice(0);
};
