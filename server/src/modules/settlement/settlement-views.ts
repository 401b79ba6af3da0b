import { and, asc, desc, eq, gt, inArray, lt } from 'drizzle-orm';
import type { Principal } from '../../platform/auth/principal.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { PageQuery } from '../../platform/pagination.js';
import { toPage } from '../../platform/pagination.js';
import { merchants, merchantVisibleTo } from '../merchants/index.js';
import { payouts } from '../payouts/index.js';
import type { SettlementLineView, SettlementRunView } from './schemas.js';
import {
  type SettlementLineRow,
  type SettlementRunRow,
  settlementLines,
  settlementRuns,
} from './tables.js';

export function toRunView(row: SettlementRunRow): SettlementRunView {
  return {
    id: row.id,
    settlementDate: row.settlementDate,
    status: row.status,
    merchantCount: row.merchantCount,
    paymentsFen: row.paymentsFen,
    refundsFen: row.refundsFen,
    feesFen: row.feesFen,
    netFen: row.netFen,
    payoutCount: row.payoutCount,
    payoutFileSha256: row.payoutFileSha256,
    lastError: row.lastError,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

export async function listRuns(db: Db, query: PageQuery) {
  const rows = await db
    .select()
    .from(settlementRuns)
    .where(query.startingAfter ? lt(settlementRuns.id, query.startingAfter) : undefined)
    .orderBy(desc(settlementRuns.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit);
  return { data: page.data.map(toRunView), hasMore: page.hasMore };
}

export async function runOfDate(db: Db, date: string): Promise<SettlementRunRow> {
  const [run] = await db
    .select()
    .from(settlementRuns)
    .where(eq(settlementRuns.settlementDate, date));
  if (!run) throw new AppError('resource_not_found');
  return run;
}

/**
 * Settlement lines of the merchants the caller may see (staff: their branch subtree, a
 * merchant its own), by merchant for one date or newest first for one merchant.
 */
export async function linesFor(
  db: Db,
  principal: Principal,
  filter: { date?: string },
  query: PageQuery,
): Promise<{ data: SettlementLineView[]; hasMore: boolean }> {
  const visible = inArray(
    settlementLines.merchantId,
    db.select({ id: merchants.id }).from(merchants).where(merchantVisibleTo(db, principal)),
  );
  const byDate = filter.date !== undefined;
  const rows = await db
    .select()
    .from(settlementLines)
    .where(
      and(
        visible,
        byDate ? eq(settlementLines.settlementDate, filter.date as string) : undefined,
        query.startingAfter
          ? byDate
            ? gt(settlementLines.merchantId, query.startingAfter)
            : lt(settlementLines.id, query.startingAfter)
          : undefined,
      ),
    )
    .orderBy(byDate ? asc(settlementLines.merchantId) : desc(settlementLines.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit);
  return { data: await toLineViews(db, page.data), hasMore: page.hasMore };
}

async function toLineViews(
  db: Db,
  rows: readonly SettlementLineRow[],
): Promise<SettlementLineView[]> {
  const merchantIds = [...new Set(rows.map((row) => row.merchantId))];
  const payoutIds = rows.flatMap((row) => (row.payoutId ? [row.payoutId] : []));
  const [names, payoutRows] = await Promise.all([
    merchantIds.length
      ? db
          .select({ id: merchants.id, name: merchants.shortName })
          .from(merchants)
          .where(inArray(merchants.id, merchantIds))
      : [],
    payoutIds.length
      ? db
          .select({
            id: payouts.id,
            status: payouts.status,
            failureMessage: payouts.failureMessage,
          })
          .from(payouts)
          .where(inArray(payouts.id, payoutIds))
      : [],
  ]);
  const nameOf = new Map(names.map((row) => [row.id, row.name]));
  const payoutOf = new Map(payoutRows.map((row) => [row.id, row]));
  return rows.map((row) => {
    const payout = row.payoutId ? payoutOf.get(row.payoutId) : undefined;
    return {
      id: row.id,
      merchantId: row.merchantId,
      merchantName: nameOf.get(row.merchantId) ?? null,
      settlementDate: row.settlementDate,
      cycle: row.cycle,
      windowStart: row.windowStart.toISOString(),
      windowEnd: row.windowEnd.toISOString(),
      paymentCount: row.paymentCount,
      paymentsFen: row.paymentsFen,
      refundCount: row.refundCount,
      refundsFen: row.refundsFen,
      feesFen: row.feesFen,
      commissionFen: row.commissionFen,
      loanDeductionFen: row.loanDeductionFen,
      d0PremiumFen: row.d0PremiumFen,
      netFen: row.netFen,
      status: row.status,
      payoutId: row.payoutId,
      payoutStatus: payout?.status ?? null,
      payoutFailure: payout?.failureMessage ?? null,
    };
  });
}

/** One line of the caller's merchant on a date (the portal's statement), or a 404. */
export async function ownLine(
  db: Db,
  principal: Principal,
  date: string,
): Promise<SettlementLineRow> {
  const [line] = await db
    .select()
    .from(settlementLines)
    .where(
      and(
        eq(settlementLines.settlementDate, date),
        eq(settlementLines.merchantId, principal.merchantId ?? 'mch_none'),
      ),
    );
  if (!line) throw new AppError('resource_not_found');
  return line;
}
