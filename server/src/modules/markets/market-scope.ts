import { and, eq } from 'drizzle-orm';
import type { Principal } from '../../platform/auth/principal.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import {
  type MerchantRow,
  merchantForCaller,
  merchants,
  merchantVisibleTo,
} from '../merchants/index.js';
import { type MarketRow, markets } from './tables.js';

export type MarketWithOperator = { market: MarketRow; operator: MerchantRow };

/**
 * A market as bank staff may see it: through its operator, so a market belongs to the branch
 * subtree of the merchant that runs it. Anything else is a 404 that does not tell a market
 * outside the scope from one that does not exist. `forUpdate` row-locks the market.
 */
export async function marketForStaff(
  db: Db,
  principal: Principal,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<MarketWithOperator> {
  const query = db
    .select({ market: markets, operator: merchants })
    .from(markets)
    .innerJoin(merchants, eq(merchants.id, markets.operatorMerchantId))
    .where(and(eq(markets.id, id), merchantVisibleTo(db, principal)));
  const [row] = options.forUpdate ? await query.for('update', { of: markets }) : await query;
  if (!row) throw new AppError('resource_not_found');
  return row;
}

/**
 * A market the calling merchant user's merchant runs. Another merchant's market is a 404:
 * its members, requests and buyers are the operator's business only.
 */
export async function operatedMarket(
  db: Db,
  principal: Principal,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<MarketRow> {
  const query = db
    .select()
    .from(markets)
    .where(and(eq(markets.id, id), eq(markets.operatorMerchantId, callerMerchantId(principal))));
  const [market] = options.forUpdate ? await query.for('update') : await query;
  if (!market) throw new AppError('resource_not_found');
  return market;
}

/** The merchant a merchant-realm caller acts for; a principal without one matches nothing. */
export function callerMerchantId(principal: Principal): string {
  return principal.realm === 'merchant' && principal.merchantId ? principal.merchantId : 'mch_none';
}

/** The calling merchant user's own merchant row, optionally row-locked. */
export function callerMerchant(
  db: Db,
  principal: Principal,
  options: { forUpdate?: boolean } = {},
): Promise<MerchantRow> {
  return merchantForCaller(db, principal, callerMerchantId(principal), options);
}
