import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { splitLargestRemainder } from '../../platform/money.js';
import { marketMemberships, markets } from '../markets/index.js';

export type MarketShare = { marketId: string; operatorMerchantId: string; commissionFen: number };

/**
 * The market commission on a member merchant's trade (DOMAIN.md §7): the market's rate of the
 * amount, split from it by largest remainder so the commission and the rest sum exactly to the
 * amount, and never more than what is left after the fee. A merchant in several markets pays
 * the market it joined first; an operator takes no commission on its own takings.
 */
export async function marketShareFor(
  db: Db,
  merchantId: string,
  amountFen: number,
  feeFen: number,
): Promise<MarketShare | null> {
  const [market] = await db
    .select({
      id: markets.id,
      operatorMerchantId: markets.operatorMerchantId,
      commissionBp: markets.commissionBp,
    })
    .from(marketMemberships)
    .innerJoin(markets, eq(markets.id, marketMemberships.marketId))
    .where(
      and(
        eq(marketMemberships.merchantId, merchantId),
        eq(marketMemberships.status, 'accepted'),
        eq(markets.status, 'open'),
      ),
    )
    .orderBy(asc(marketMemberships.decidedAt), asc(marketMemberships.id))
    .limit(1);
  return marketShareOf(market ?? null, merchantId, amountFen, feeFen);
}

/** The share of one trade for a market already read (the capture path reads it with the store). */
export function marketShareOf(
  market: { id: string; operatorMerchantId: string; commissionBp: number } | null,
  merchantId: string,
  amountFen: number,
  feeFen: number,
): MarketShare | null {
  if (!market || market.commissionBp === 0 || market.operatorMerchantId === merchantId) return null;
  const [commission = 0] = splitLargestRemainder(amountFen, [
    market.commissionBp,
    10_000 - market.commissionBp,
  ]);
  return {
    marketId: market.id,
    operatorMerchantId: market.operatorMerchantId,
    commissionFen: Math.min(commission, amountFen - feeFen),
  };
}
