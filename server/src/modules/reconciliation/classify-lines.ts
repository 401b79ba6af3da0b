import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db/database.js';
import type { StatementChannel } from './tables.js';

/** The instants that bound one statement day (Asia/Shanghai), as SQL parameters. */
export type DayBounds = { start: Date; end: Date };

export type MatchTotals = {
  breakCount: number;
  matchedPaymentCount: number;
  matchedPaymentTotalFen: number;
  matchedRefundCount: number;
  matchedRefundTotalFen: number;
  ourPaymentCount: number;
  ourPaymentTotalFen: number;
  ourRefundCount: number;
  ourRefundTotalFen: number;
};

const at = (instant: Date) => sql`${instant.toISOString()}::timestamptz`;

/**
 * Compares the staged lines (stage-lines.ts) with our payments and refunds of the statement
 * day and writes every difference to the transaction's `recon_found` table; answers with the
 * matched totals and ours. Each step is one set-based statement whose joins go through the
 * indexed keys (payments by (channel, channel_transaction_id), then by id), so its cost grows
 * with the file, not with the number of breaks.
 *
 * The rules, line by line (payments by the channel's transaction id, refunds by its refund id;
 * a line whose id we never recorded falls back to our own order or refund number, which is how
 * a payment we still hold pending or failed is found):
 * - a later line with the same id as an earlier one of the same kind is a `duplicate`;
 * - the channel says money moved and we have no such record: `missing_ours`;
 * - one side says it succeeded and the other does not: `status_differs` (both saying it did
 *   not is no break and no match);
 * - we booked it on another Shanghai day than the statement's: `cross_day`. A payment belongs
 *   to the day of its succeeded_at (a refund to its closed_at) and is matched on that day's
 *   statement only, so it is counted in exactly one place, whichever statement is imported
 *   first; a second listing of a payment matched on an earlier statement is cross-day too;
 * - the amounts differ, even by one fen: `amount_differs`;
 * and then ours of that day that no line names: `missing_channel`.
 */
export async function classifyLines(
  tx: Db,
  channel: StatementChannel,
  day: DayBounds,
): Promise<MatchTotals> {
  // The hash joins over a million rows each side fit in memory instead of spilling to disk;
  // `local` keeps the setting to this transaction.
  await tx.execute(sql`set local work_mem = '128MB'`);
  await tx.execute(sql`create temp table recon_found (
      n bigint generated always as identity primary key,
      kind text not null,
      subject text not null,
      payment_id text,
      refund_id text,
      line_number int,
      channel_transaction_id text,
      channel_refund_id text,
      their_amount_fen bigint,
      their_status text,
      our_amount_fen bigint,
      our_status text,
      our_booked_at timestamptz
    ) on commit drop`);
  const [lineTotals] = await queryRows<Record<string, string | null>>(
    tx,
    sql`with dup as (
          select kind, match_key, min(line_number) as first_line
          from recon_lines group by kind, match_key having count(*) > 1
        ), pay as (
          select l.line_number, l.channel_transaction_id, null::text as channel_refund_id,
                 l.amount_fen, l.status,
                 coalesce(d.first_line < l.line_number, false) as repeated,
                 coalesce(p1.id, p2.id) as payment_id, null::text as refund_id,
                 coalesce(p1.status, p2.status) as our_status,
                 coalesce(p1.amount_fen, p2.amount_fen) as our_amount_fen,
                 coalesce(p1.succeeded_at, p2.succeeded_at) as our_booked_at
          from recon_lines l
          left join dup d on d.kind = 'payment' and d.match_key = l.match_key
          left join payments p1
            on p1.channel = ${channel} and p1.channel_transaction_id = l.channel_transaction_id
          -- Only for a line whose transaction we never recorded: the one-time filter on p1
          -- skips the look-up for every line matched above.
          left join lateral (
            select id, status, amount_fen, succeeded_at from payments
            where p1.id is null and id = l.out_trade_no and channel_transaction_id is null
              and (channel = ${channel} or channel is null)
          ) p2 on true
          where l.kind = 'payment'
        ), ref as (
          select l.line_number, l.channel_transaction_id, l.channel_refund_id,
                 l.amount_fen, l.status,
                 coalesce(d.first_line < l.line_number, false) as repeated,
                 coalesce(r1.payment_id, r2.payment_id) as payment_id,
                 coalesce(r1.id, r2.id) as refund_id,
                 coalesce(r1.status, r2.status) as our_status,
                 coalesce(r1.amount_fen, r2.amount_fen) as our_amount_fen,
                 coalesce(r1.closed_at, r2.closed_at) as our_booked_at
          from recon_lines l
          left join dup d on d.kind = 'refund' and d.match_key = l.match_key
          left join refunds r1 on r1.channel = ${channel} and r1.channel_refund_id = l.channel_refund_id
          left join lateral (
            select id, payment_id, status, amount_fen, closed_at from refunds
            where r1.id is null and id = l.out_refund_no and channel = ${channel}
          ) r2 on true
          where l.kind = 'refund'
        ), classified as (
          select c.*,
            case
              when repeated then 'duplicate'
              when c.our_status is null then case when moved then 'missing_ours' end
              when c.our_status <> 'succeeded' then case when moved then 'status_differs' end
              when not moved then 'status_differs'
              when c.our_booked_at < ${at(day.start)} or c.our_booked_at >= ${at(day.end)}
                then 'cross_day'
              when c.our_amount_fen <> c.amount_fen then 'amount_differs'
            end as verdict
          from (
            select 'payment' as subject, pay.*, pay.status in ('succeeded', 'refunded') as moved from pay
            union all
            select 'refund' as subject, ref.*, ref.status in ('succeeded', 'refunded') as moved from ref
          ) c
        ), found as (
          insert into recon_found (kind, subject, payment_id, refund_id, line_number,
            channel_transaction_id, channel_refund_id, their_amount_fen, their_status,
            our_amount_fen, our_status, our_booked_at)
          select verdict, subject, payment_id, refund_id, line_number, channel_transaction_id,
            channel_refund_id, amount_fen, status, our_amount_fen, our_status, our_booked_at
          from classified where verdict is not null
          order by line_number
          returning 1
        )
        select
          (select count(*) from found) as breaks,
          count(*) filter (where subject = 'payment') as matched_payments,
          coalesce(sum(our_amount_fen) filter (where subject = 'payment'), 0) as matched_payment_fen,
          count(*) filter (where subject = 'refund') as matched_refunds,
          coalesce(sum(our_amount_fen) filter (where subject = 'refund'), 0) as matched_refund_fen
        from classified where verdict is null and our_status = 'succeeded'`,
  );
  const [ours] = await queryRows<Record<string, string | null>>(
    tx,
    sql`with ours_paid as (
          select id, channel_transaction_id, amount_fen, status, succeeded_at from payments
          where channel = ${channel}
            and succeeded_at >= ${at(day.start)} and succeeded_at < ${at(day.end)}
        ), ours_refunded as (
          select id, payment_id, channel_refund_id, amount_fen, status, closed_at from refunds
          where channel = ${channel} and status = 'succeeded'
            and closed_at >= ${at(day.start)} and closed_at < ${at(day.end)}
        ), missing as (
          insert into recon_found (kind, subject, payment_id, refund_id, channel_transaction_id,
            channel_refund_id, our_amount_fen, our_status, our_booked_at)
          select 'missing_channel', 'payment', p.id, null, p.channel_transaction_id, null,
            p.amount_fen, p.status, p.succeeded_at
          from ours_paid p
          where not exists (
            select 1 from recon_lines l
            where l.kind = 'payment' and l.channel_transaction_id = p.channel_transaction_id)
          union all
          select 'missing_channel', 'refund', r.payment_id, r.id, null, r.channel_refund_id,
            r.amount_fen, r.status, r.closed_at
          from ours_refunded r
          where not exists (
              select 1 from recon_lines l
              where l.kind = 'refund' and l.channel_refund_id = r.channel_refund_id)
            and not exists (
              select 1 from recon_lines l where l.kind = 'refund' and l.out_refund_no = r.id)
          returning 1
        )
        select (select count(*) from missing) as missing,
          (select count(*) from ours_paid) as payments,
          (select coalesce(sum(amount_fen), 0) from ours_paid) as payment_fen,
          (select count(*) from ours_refunded) as refunds,
          (select coalesce(sum(amount_fen), 0) from ours_refunded) as refund_fen`,
  );
  const count = (value: string | null | undefined) => Number(value ?? 0);
  return {
    breakCount: count(lineTotals?.breaks) + count(ours?.missing),
    matchedPaymentCount: count(lineTotals?.matched_payments),
    matchedPaymentTotalFen: count(lineTotals?.matched_payment_fen),
    matchedRefundCount: count(lineTotals?.matched_refunds),
    matchedRefundTotalFen: count(lineTotals?.matched_refund_fen),
    ourPaymentCount: count(ours?.payments),
    ourPaymentTotalFen: count(ours?.payment_fen),
    ourRefundCount: count(ours?.refunds),
    ourRefundTotalFen: count(ours?.refund_fen),
  };
}
