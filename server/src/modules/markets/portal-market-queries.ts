import { and, desc, eq, inArray, lt, ne, notInArray, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Principal } from '../../platform/auth/principal.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { type PageQuery, toPage } from '../../platform/pagination.js';
import { merchants } from '../merchants/index.js';
import { callerMerchantId } from './market-scope.js';
import { marketCounts } from './market-views.js';
import type {
  availableMarketSchema,
  portalMarketDetailSchema,
  portalMarketsSchema,
} from './schemas.js';
import { marketMemberships, markets } from './tables.js';

/** A merchant belongs to or runs a handful of markets; the bound keeps a runaway list out. */
const ownListLimit = 200;

/** The calling merchant's memberships (any state) and the markets it runs, with their counts. */
export async function portalMarkets(
  db: Db,
  principal: Principal,
): Promise<z.infer<typeof portalMarketsSchema>> {
  const merchantId = callerMerchantId(principal);
  const [memberships, operated] = await Promise.all([
    db
      .select({
        membership: marketMemberships,
        market: markets,
        operatorShortName: merchants.shortName,
      })
      .from(marketMemberships)
      .innerJoin(markets, eq(markets.id, marketMemberships.marketId))
      .innerJoin(merchants, eq(merchants.id, markets.operatorMerchantId))
      .where(eq(marketMemberships.merchantId, merchantId))
      .orderBy(desc(marketMemberships.id))
      .limit(ownListLimit),
    db
      .select()
      .from(markets)
      .where(eq(markets.operatorMerchantId, merchantId))
      .orderBy(desc(markets.id))
      .limit(ownListLimit),
  ]);
  const counts = await marketCounts(
    db,
    operated.map((market) => market.id),
  );
  return {
    memberships: memberships.map(({ membership, market, operatorShortName }) => ({
      membershipId: membership.id,
      market: {
        id: market.id,
        name: market.name,
        kind: market.kind,
        commissionBp: market.commissionBp,
        status: market.status,
        operatorShortName,
      },
      status: membership.status,
      requestedAt: membership.requestedAt.toISOString(),
      decidedAt: membership.decidedAt?.toISOString() ?? null,
    })),
    operated: operated.map((market) => {
      const count = counts.get(market.id);
      return {
        id: market.id,
        name: market.name,
        kind: market.kind,
        commissionBp: market.commissionBp,
        status: market.status,
        memberCount: count?.members ?? 0,
        pendingRequests: count?.pending ?? 0,
        buyerCount: count?.buyers ?? 0,
      };
    }),
  };
}

/**
 * Open markets the calling merchant could ask to join: not its own, and not one it has asked
 * to join or belongs to already. Markets that declined it or that it left are offered again.
 */
export async function availableMarkets(
  db: Db,
  principal: Principal,
  query: PageQuery,
): Promise<{ data: Array<z.infer<typeof availableMarketSchema>>; hasMore: boolean }> {
  const merchantId = callerMerchantId(principal);
  const filters: SQL[] = [
    eq(markets.status, 'open'),
    ne(markets.operatorMerchantId, merchantId),
    notInArray(
      markets.id,
      db
        .select({ id: marketMemberships.marketId })
        .from(marketMemberships)
        .where(
          and(
            eq(marketMemberships.merchantId, merchantId),
            inArray(marketMemberships.status, ['requested', 'accepted']),
          ),
        ),
    ),
  ];
  if (query.startingAfter) filters.push(lt(markets.id, query.startingAfter));
  const rows = await db
    .select({ market: markets, operatorShortName: merchants.shortName })
    .from(markets)
    .innerJoin(merchants, eq(merchants.id, markets.operatorMerchantId))
    .where(and(...filters))
    .orderBy(desc(markets.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit);
  const marketIds = page.data.map((row) => row.market.id);
  const [counts, earlier] = await Promise.all([
    marketCounts(db, marketIds),
    marketIds.length
      ? db
          .select({ marketId: marketMemberships.marketId, status: marketMemberships.status })
          .from(marketMemberships)
          .where(
            and(
              eq(marketMemberships.merchantId, merchantId),
              inArray(marketMemberships.marketId, marketIds),
            ),
          )
      : Promise.resolve([]),
  ]);
  const earlierStatus = new Map(earlier.map((row) => [row.marketId, row.status]));
  return {
    data: page.data.map(({ market, operatorShortName }) => {
      const status = earlierStatus.get(market.id);
      return {
        id: market.id,
        name: market.name,
        kind: market.kind,
        commissionBp: market.commissionBp,
        status: market.status,
        operatorShortName,
        memberCount: counts.get(market.id)?.members ?? 0,
        membershipStatus: status === 'declined' || status === 'left' ? status : null,
      };
    }),
    hasMore: page.hasMore,
  };
}

/**
 * One market as the portal shows it, to its operator or to a merchant with a membership
 * record in it (pending, current or past). Any other merchant gets a 404.
 */
export async function portalMarketDetail(
  db: Db,
  principal: Principal,
  marketId: string,
): Promise<z.infer<typeof portalMarketDetailSchema>> {
  const merchantId = callerMerchantId(principal);
  const [row] = await db
    .select({ market: markets, operatorShortName: merchants.shortName })
    .from(markets)
    .innerJoin(merchants, eq(merchants.id, markets.operatorMerchantId))
    .where(eq(markets.id, marketId));
  if (!row) throw new AppError('resource_not_found');
  const { market, operatorShortName } = row;
  const isOperator = market.operatorMerchantId === merchantId;
  const [membership] = isOperator
    ? []
    : await db
        .select({ id: marketMemberships.id, status: marketMemberships.status })
        .from(marketMemberships)
        .where(
          and(
            eq(marketMemberships.marketId, market.id),
            eq(marketMemberships.merchantId, merchantId),
          ),
        );
  if (!isOperator && !membership) throw new AppError('resource_not_found');
  const counts = await marketCounts(db, [market.id]);
  return {
    id: market.id,
    name: market.name,
    kind: market.kind,
    commissionBp: market.commissionBp,
    status: market.status,
    operatorShortName,
    role: isOperator ? 'operator' : 'member',
    memberCount: counts.get(market.id)?.members ?? 0,
    membership: membership ?? null,
  };
}
