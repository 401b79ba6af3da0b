import { sql } from 'drizzle-orm';
import { shanghaiDayStart } from '../../platform/clock.js';
import { type Db, queryRows } from '../../platform/db/database.js';

/**
 * A market operator's commission income by Shanghai day: what its market payable account took
 * in from its members' trades, net of what their refunds took back (the entries themselves).
 */
export async function commissionIncome(
  db: Db,
  operatorMerchantId: string,
  range: { from: string; to: string },
): Promise<{
  totalFen: number;
  days: { day: string; tradeCount: number; commissionFen: number }[];
}> {
  const start = shanghaiDayStart(range.from);
  const end = new Date(shanghaiDayStart(range.to).getTime() + 86_400_000);
  const rows = await queryRows<{ day: string; trades: number; commission: string }>(
    db,
    sql`select to_char(e.posted_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as day,
               count(*) filter (where e.amount_fen < 0)::int as trades,
               -sum(e.amount_fen) as commission
        from ledger_entries e
        join ledger_accounts a on a.id = e.account_id
        where a.code = ${`market_payable:${operatorMerchantId}`}
          and e.posted_at >= ${start.toISOString()}::timestamptz
          and e.posted_at < ${end.toISOString()}::timestamptz
        group by 1 order by 1`,
  );
  const days = rows.map((row) => ({
    day: row.day,
    tradeCount: Number(row.trades),
    commissionFen: Number(row.commission),
  }));
  return { totalFen: days.reduce((sum, day) => sum + day.commissionFen, 0), days };
}
