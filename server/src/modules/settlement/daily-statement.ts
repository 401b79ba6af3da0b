import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { type Db, queryRows } from '../../platform/db/database.js';
import { csvRecord, utf8Bom } from '../../platform/files/csv.js';
import { formatYuan } from '../../platform/money.js';
import type { SettlementLineRow } from './tables.js';

type Language = 'zh-CN' | 'en';

/** One posting of the statement: a payment, a refund or a refund the channel turned down. */
type StatementRow = {
  postedAt: Date;
  kind: 'payment' | 'refund' | 'refund_reversed';
  sourceId: string;
  paymentId: string;
  channel: string | null;
  grossFen: number;
  feeFen: number;
  commissionFen: number;
  netFen: number;
};

const kindNames: Record<StatementRow['kind'], Record<Language, string>> = {
  payment: { 'zh-CN': '收款', en: 'Payment' },
  refund: { 'zh-CN': '退款', en: 'Refund' },
  refund_reversed: { 'zh-CN': '退款失败冲回', en: 'Refund reversed' },
};

const headers: Record<Language, string[]> = {
  'zh-CN': [
    '记账时间',
    '类型',
    '单号',
    '原支付单号',
    '渠道',
    '交易金额(元)',
    '手续费(元)',
    '市场佣金(元)',
    '入账金额(元)',
  ],
  en: [
    'Posted at',
    'Type',
    'Reference',
    'Payment',
    'Channel',
    'Amount (CNY)',
    'Fee (CNY)',
    'Commission (CNY)',
    'Credited (CNY)',
  ],
};

/**
 * The postings a settlement line covers, read from the same journals the line was computed
 * from, so the statement's total is the line's to the fen. Signed from the merchant's side: a
 * refund's amount and credit are negative, the fee it returns too.
 */
async function statementRows(db: Db, line: SettlementLineRow): Promise<StatementRow[]> {
  const rows = await queryRows<{
    posted_at: string | Date;
    kind: StatementRow['kind'];
    source_id: string;
    payment_id: string;
    channel: string | null;
    gross: string;
    fee: string;
    commission: string;
    net: string;
  }>(
    db,
    sql`select j.posted_at, j.kind, j.source_id,
               coalesce(r.payment_id, j.source_id) as payment_id,
               coalesce(p.channel, r.channel) as channel,
               coalesce(sum(e.amount_fen) filter (where a.kind = 'channel_receivable'), 0)
                 + coalesce(sum(e.amount_fen) filter (where a.kind = 'refund_clearing'), 0) as gross,
               coalesce(-sum(e.amount_fen) filter (where a.kind = 'fee_revenue'), 0) as fee,
               coalesce(-sum(e.amount_fen) filter (where a.kind = 'market_payable'), 0) as commission,
               coalesce(-sum(e.amount_fen) filter (where a.kind = 'merchant_payable'), 0) as net
        from ledger_journals j
        join ledger_entries e on e.journal_id = j.id
        join ledger_accounts a on a.id = e.account_id
        left join payments p on p.id = j.source_id
        left join refunds r on r.id = j.source_id
        where j.merchant_id = ${line.merchantId}
          and j.kind in ('payment', 'refund', 'refund_reversed')
          and j.posted_at >= ${line.windowStart.toISOString()}::timestamptz
          and j.posted_at < ${line.windowEnd.toISOString()}::timestamptz
        group by j.id, j.posted_at, j.kind, j.source_id, r.payment_id, p.channel, r.channel
        order by j.posted_at, j.id`,
  );
  return rows.map((row) => ({
    postedAt: new Date(row.posted_at),
    kind: row.kind,
    sourceId: row.source_id,
    paymentId: row.payment_id,
    channel: row.channel,
    grossFen: Number(row.gross),
    feeFen: Number(row.fee),
    commissionFen: Number(row.commission),
    netFen: Number(row.net),
  }));
}

function cells(row: StatementRow, language: Language): (string | number)[] {
  return [
    row.postedAt.toISOString(),
    kindNames[row.kind][language],
    row.sourceId,
    row.paymentId,
    row.channel ?? '',
    formatYuan(row.grossFen),
    formatYuan(row.feeFen),
    formatYuan(row.commissionFen),
    formatYuan(row.netFen),
  ];
}

function summary(line: SettlementLineRow, language: Language): [string, string][] {
  const zh = language === 'zh-CN';
  return [
    [zh ? '结算日' : 'Settlement date', line.settlementDate],
    [zh ? '收款' : 'Payments', formatYuan(line.paymentsFen)],
    [zh ? '退款' : 'Refunds', formatYuan(line.refundsFen)],
    [zh ? '手续费' : 'Fees', formatYuan(line.feesFen)],
    [zh ? '市场佣金' : 'Market commission', formatYuan(line.commissionFen)],
    [zh ? '贷款扣款' : 'Loan deductions', formatYuan(line.loanDeductionFen)],
    [zh ? 'D0 垫资费' : 'D0 premium', formatYuan(line.d0PremiumFen)],
    [zh ? '结算金额' : 'Net settled', formatYuan(line.netFen)],
  ];
}

/** The merchant's daily statement of one settlement line, as CSV (UTF-8 with BOM). */
export async function statementCsv(
  db: Db,
  line: SettlementLineRow,
  language: Language,
): Promise<Buffer> {
  const rows = await statementRows(db, line);
  const text = [
    ...summary(line, language).map((pair) => csvRecord(pair)),
    '',
    csvRecord(headers[language]),
    ...rows.map((row) => csvRecord(cells(row, language))),
  ].join('\r\n');
  return Buffer.from(`${utf8Bom}${text}\r\n`, 'utf8');
}

/** The same statement as an Excel workbook: a summary sheet and a detail sheet. */
export async function statementXlsx(
  db: Db,
  line: SettlementLineRow,
  language: Language,
): Promise<Buffer> {
  const rows = await statementRows(db, line);
  const workbook = new ExcelJS.Workbook();
  const zh = language === 'zh-CN';
  const summarySheet = workbook.addWorksheet(zh ? '汇总' : 'Summary');
  summarySheet.columns = [{ width: 18 }, { width: 20 }];
  for (const pair of summary(line, language)) summarySheet.addRow(pair);
  const detail = workbook.addWorksheet(zh ? '明细' : 'Detail');
  detail.columns = headers[language].map((header) => ({ header, width: 22 }));
  detail.getRow(1).font = { bold: true };
  detail.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of rows) detail.addRow(cells(row, language));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
