import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db/database.js';

/** What one merchant's payable account took in over a window, by what it came from. */
export type WindowTakings = {
  paymentCount: number;
  paymentsFen: number;
  refundCount: number;
  refundsFen: number;
  feesFen: number;
  commissionFen: number;
  creditedFen: number;
};

/**
 * The takings of a merchant over [start, end), read from the journals of its payments and
 * refunds posted then (payout and settlement journals are left out, so money a failed payout
 * returned stays held instead of being settled again). Every figure comes from the entries
 * themselves, so the line always agrees with the ledger:
 * payments = the channel receivable debited, refunds = what went into refund clearing net of
 * reversals, fees and commission = what fee revenue and market payables kept, credited = what
 * the merchant's payable took in (= payments − refunds − fees − commission).
 */
export async function takingsInWindow(
  db: Db,
  merchantId: string,
  start: Date,
  end: Date,
): Promise<WindowTakings> {
  const [row] = await queryRows<Record<keyof WindowTakings, string | number>>(
    db,
    sql`select
          count(distinct j.id) filter (where j.kind = 'payment') as "paymentCount",
          coalesce(sum(e.amount_fen) filter (where j.kind = 'payment' and a.kind = 'channel_receivable'), 0) as "paymentsFen",
          count(distinct j.id) filter (where j.kind = 'refund') - count(distinct j.id) filter (where j.kind = 'refund_reversed') as "refundCount",
          coalesce(-sum(e.amount_fen) filter (where a.kind = 'refund_clearing'), 0) as "refundsFen",
          coalesce(-sum(e.amount_fen) filter (where a.kind = 'fee_revenue'), 0) as "feesFen",
          coalesce(-sum(e.amount_fen) filter (where a.kind = 'market_payable'), 0) as "commissionFen",
          coalesce(-sum(e.amount_fen) filter (where a.kind = 'merchant_payable' and a.owner_id = ${merchantId}), 0) as "creditedFen"
        from ledger_journals j
        join ledger_entries e on e.journal_id = j.id
        join ledger_accounts a on a.id = e.account_id
        where j.merchant_id = ${merchantId}
          and j.kind in ('payment', 'refund', 'refund_reversed')
          and j.posted_at >= ${start.toISOString()}::timestamptz
          and j.posted_at < ${end.toISOString()}::timestamptz`,
  );
  const number = (value: string | number | undefined) => Number(value ?? 0);
  return {
    paymentCount: number(row?.paymentCount),
    paymentsFen: number(row?.paymentsFen),
    refundCount: number(row?.refundCount),
    refundsFen: number(row?.refundsFen),
    feesFen: number(row?.feesFen),
    commissionFen: number(row?.commissionFen),
    creditedFen: number(row?.creditedFen),
  };
}
