import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { applyBasisPoints, assertFen } from '../../platform/money.js';
import { type CardType, type Channel, feePlanRates, feePlanRows } from './tables.js';

export type FeeRate = { rateBp: number; capFen: number | null; refundFee: 'pro_rata' | 'kept' };

/**
 * The rate of a plan for a channel: the card-type rate for cards (debit or credit), else the
 * plan's `any` rate. A merchant without a plan pays the standard plan.
 */
export async function feeRateFor(
  db: Db,
  planCode: string | null,
  channel: Channel,
  cardType: CardType | null,
): Promise<FeeRate> {
  const plan = planCode ?? 'standard';
  const rows = await planRates(db, plan, channel, cardType);
  const exact =
    rows.find((row) => row.cardType === cardType) ?? rows.find((row) => row.cardType === 'any');
  if (!exact) throw new Error(`Fee plan ${plan} has no rate for ${channel}/${cardType ?? 'any'}`);
  return { rateBp: exact.rateBp, capFen: exact.capFen, refundFee: exact.refundFee };
}

type RateRow = {
  cardType: string;
  rateBp: number;
  capFen: number | null;
  refundFee: FeeRate['refundFee'];
};

/**
 * Rates change rarely (head office edits a plan a few times a year) and every capture needs
 * one, so each process keeps what it read for `rateCacheMs`: a change reaches every capture
 * within that time. Applied rates are stored on each payment, so a refund never depends on it.
 */
export const rateCacheMs = 30_000;
const maxCachedRates = 1_000;
const rateCache = new Map<string, { rows: RateRow[]; readAt: number }>();

/**
 * Drops this process's cached rates: a plan change made here applies to the next capture at
 * once (other processes see it within `rateCacheMs`).
 */
export function forgetFeeRates(): void {
  rateCache.clear();
}

async function planRates(
  db: Db,
  plan: string,
  channel: Channel,
  cardType: CardType | null,
): Promise<RateRow[]> {
  const cacheKey = `${plan}|${channel}|${cardType ?? 'any'}`;
  // Wall time, not the injected clock: the cache is about this process, not business time.
  const nowMs = Date.now();
  const hit = rateCache.get(cacheKey);
  if (hit && nowMs - hit.readAt < rateCacheMs) return hit.rows;
  const rows = await db
    .select({
      cardType: feePlanRates.cardType,
      rateBp: feePlanRates.rateBp,
      capFen: feePlanRates.capFen,
      refundFee: feePlanRows.refundFee,
    })
    .from(feePlanRates)
    .innerJoin(feePlanRows, eq(feePlanRows.code, feePlanRates.planCode))
    .where(
      and(
        eq(feePlanRates.planCode, plan),
        eq(feePlanRates.channel, channel),
        inArray(feePlanRates.cardType, cardType ? [cardType, 'any'] : ['any']),
      ),
    );
  if (rateCache.size >= maxCachedRates) rateCache.clear();
  rateCache.set(cacheKey, { rows, readAt: nowMs });
  return rows;
}

/** The fee of one payment: the rate rounded half up to the fen (DOMAIN.md §4), then the cap. */
export function feeOf(amountFen: number, rate: Pick<FeeRate, 'rateBp' | 'capFen'>): number {
  const fee = applyBasisPoints(amountFen, rate.rateBp);
  return rate.capFen === null ? fee : Math.min(fee, rate.capFen);
}

/**
 * The part of a whole (fee or commission) a refund gives back, computed on the cumulative
 * refunded amount: after refunds totalling R of an amount A, W·R/A (half up) has been returned
 * in all, so the last refund returns exactly what is left and many small refunds never give
 * back more, or less, than one refund of the same total would.
 */
export function proRataReturn(input: {
  wholeFen: number;
  amountFen: number;
  refundedBeforeFen: number;
  refundFen: number;
  returnedBeforeFen: number;
}): number {
  for (const value of Object.values(input)) assertFen(value);
  const refundedAfter = BigInt(input.refundedBeforeFen + input.refundFen);
  const amount = BigInt(input.amountFen);
  const returnedAfter = (BigInt(input.wholeFen) * refundedAfter * 2n + amount) / (2n * amount);
  return Number(returnedAfter) - input.returnedBeforeFen;
}
