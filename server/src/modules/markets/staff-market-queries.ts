import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Principal } from '../../platform/auth/principal.js';
import type { Db } from '../../platform/db/database.js';
import { toPage } from '../../platform/pagination.js';
import { merchantForCaller, merchants, merchantVisibleTo } from '../merchants/index.js';
import { marketForStaff } from './market-scope.js';
import { listMembers, marketCounts, toMarketViews } from './market-views.js';
import type {
  MarketView,
  marketDetailSchema,
  marketListQuerySchema,
  merchantMarketsSchema,
} from './schemas.js';
import { marketMemberships, markets } from './tables.js';

/** The most memberships a market detail lists; the counts give the totals beyond it. */
const detailMembersLimit = 500;

/** Markets whose operator the caller may see, newest first. */
export async function listMarkets(
  db: Db,
  principal: Principal,
  query: z.infer<typeof marketListQuerySchema>,
): Promise<{ data: MarketView[]; hasMore: boolean }> {
  const filters: SQL[] = [merchantVisibleTo(db, principal)];
  if (query.status) filters.push(eq(markets.status, query.status));
  if (query.kind) filters.push(eq(markets.kind, query.kind));
  if (query.operatorMerchantId)
    filters.push(eq(markets.operatorMerchantId, query.operatorMerchantId));
  if (query.startingAfter) filters.push(lt(markets.id, query.startingAfter));
  const rows = await db
    .select({ market: markets, operator: { id: merchants.id, shortName: merchants.shortName } })
    .from(markets)
    .innerJoin(merchants, eq(merchants.id, markets.operatorMerchantId))
    .where(and(...filters))
    .orderBy(desc(markets.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit);
  return { data: await toMarketViews(db, page.data), hasMore: page.hasMore };
}

/** One market with its members and buyer count, for the console. */
export async function marketDetail(
  db: Db,
  principal: Principal,
  id: string,
): Promise<z.infer<typeof marketDetailSchema>> {
  const row = await marketForStaff(db, principal, id);
  const [counts, members] = await Promise.all([
    marketCounts(db, [id]),
    listMembers(db, id, { limit: detailMembersLimit }),
  ]);
  const [view] = await toMarketViews(db, [row], counts);
  const count = counts.get(id);
  return {
    ...(view as MarketView),
    pendingRequests: count?.pending ?? 0,
    buyerCount: count?.buyers ?? 0,
    members: members.data,
  };
}

/** The markets one merchant belongs to (or asked to join) and the markets it runs. */
export async function merchantMarkets(
  db: Db,
  principal: Principal,
  merchantId: string,
): Promise<z.infer<typeof merchantMarketsSchema>> {
  const merchant = await merchantForCaller(db, principal, merchantId);
  // A merchant belongs to a handful of markets; the bound only keeps a runaway row count out.
  const [memberships, operated] = await Promise.all([
    db
      .select({
        membership: marketMemberships,
        market: markets,
        operator: { id: merchants.id, shortName: merchants.shortName },
      })
      .from(marketMemberships)
      .innerJoin(markets, eq(markets.id, marketMemberships.marketId))
      .innerJoin(merchants, eq(merchants.id, markets.operatorMerchantId))
      .where(eq(marketMemberships.merchantId, merchant.id))
      .orderBy(desc(marketMemberships.id))
      .limit(200),
    db
      .select()
      .from(markets)
      .where(eq(markets.operatorMerchantId, merchant.id))
      .orderBy(desc(markets.id))
      .limit(200),
  ]);
  return {
    memberships: memberships.map(({ membership, market, operator }) => ({
      membershipId: membership.id,
      market: {
        id: market.id,
        name: market.name,
        kind: market.kind,
        commissionBp: market.commissionBp,
        status: market.status,
        operator,
      },
      status: membership.status,
      requestedAt: membership.requestedAt.toISOString(),
      decidedAt: membership.decidedAt?.toISOString() ?? null,
    })),
    operated: await toMarketViews(
      db,
      operated.map((market) => ({ market, operator: merchant })),
    ),
  };
}
