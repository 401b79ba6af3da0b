import { and, count, desc, eq, inArray, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { toPage } from '../../platform/pagination.js';
import { merchants } from '../merchants/index.js';
import type { MarketView, MemberView } from './schemas.js';
import { buyerMembers, type MarketRow, marketMemberships } from './tables.js';

export type MarketCounts = { members: number; pending: number; buyers: number };

const noCounts: MarketCounts = { members: 0, pending: 0, buyers: 0 };

/** Accepted members, open requests and buyers of each market, in two grouped queries. */
export async function marketCounts(
  db: Db,
  marketIds: string[],
): Promise<Map<string, MarketCounts>> {
  const counts = new Map<string, MarketCounts>(marketIds.map((id) => [id, { ...noCounts }]));
  if (marketIds.length === 0) return counts;
  const [memberships, buyers] = await Promise.all([
    db
      .select({
        marketId: marketMemberships.marketId,
        status: marketMemberships.status,
        n: count(),
      })
      .from(marketMemberships)
      .where(
        and(
          inArray(marketMemberships.marketId, marketIds),
          inArray(marketMemberships.status, ['accepted', 'requested']),
        ),
      )
      .groupBy(marketMemberships.marketId, marketMemberships.status),
    db
      .select({ marketId: buyerMembers.marketId, n: count() })
      .from(buyerMembers)
      .where(inArray(buyerMembers.marketId, marketIds))
      .groupBy(buyerMembers.marketId),
  ]);
  for (const row of memberships) {
    const entry = counts.get(row.marketId);
    if (!entry) continue;
    if (row.status === 'accepted') entry.members = Number(row.n);
    else entry.pending = Number(row.n);
  }
  for (const row of buyers) {
    const entry = counts.get(row.marketId);
    if (entry) entry.buyers = Number(row.n);
  }
  return counts;
}

/** The console's shape of markets, with their operators' names and member counts. */
export async function toMarketViews(
  db: Db,
  rows: Array<{ market: MarketRow; operator: { id: string; shortName: string | null } }>,
  knownCounts?: Map<string, MarketCounts>,
): Promise<MarketView[]> {
  const counts =
    knownCounts ??
    (await marketCounts(
      db,
      rows.map((row) => row.market.id),
    ));
  return rows.map(({ market, operator }) => ({
    id: market.id,
    name: market.name,
    kind: market.kind,
    commissionBp: market.commissionBp,
    status: market.status,
    operator: { id: operator.id, shortName: operator.shortName },
    memberCount: counts.get(market.id)?.members ?? 0,
    createdAt: market.createdAt.toISOString(),
    updatedAt: market.updatedAt.toISOString(),
  }));
}

/** Memberships of one market, requests included, newest first. */
export async function listMembers(
  db: Db,
  marketId: string,
  query: { limit: number; startingAfter?: string; status?: MemberView['status'] },
): Promise<{ data: MemberView[]; hasMore: boolean }> {
  const filters: SQL[] = [eq(marketMemberships.marketId, marketId)];
  if (query.status) filters.push(eq(marketMemberships.status, query.status));
  if (query.startingAfter) filters.push(lt(marketMemberships.id, query.startingAfter));
  const rows = await db
    .select({
      membership: marketMemberships,
      merchant: { id: merchants.id, shortName: merchants.shortName, status: merchants.status },
    })
    .from(marketMemberships)
    .innerJoin(merchants, eq(merchants.id, marketMemberships.merchantId))
    .where(and(...filters))
    .orderBy(desc(marketMemberships.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit);
  return {
    data: page.data.map(({ membership, merchant }) => ({
      membershipId: membership.id,
      merchant,
      status: membership.status,
      requestedAt: membership.requestedAt.toISOString(),
      decidedAt: membership.decidedAt?.toISOString() ?? null,
    })),
    hasMore: page.hasMore,
  };
}
