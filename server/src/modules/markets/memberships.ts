import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor, Principal } from '../../platform/auth/principal.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { newId } from '../../platform/ids.js';
import { recordAudit } from '../audit/index.js';
import {
  type MerchantDeps,
  type MerchantRow,
  merchantScopePath,
  merchants,
  notifyMerchant,
} from '../merchants/index.js';
import { callerMerchant, operatedMarket } from './market-scope.js';
import type { portalMembershipSchema } from './schemas.js';
import { type MarketRow, marketMemberships, markets } from './tables.js';

type Caller = { principal: Principal; actor: Actor };
type MembershipRow = typeof marketMemberships.$inferSelect;
type PortalMembershipView = z.infer<typeof portalMembershipSchema>;
type Deps = Pick<MerchantDeps, 'clock' | 'jobs'>;

function toPortalMembershipView(
  membership: MembershipRow,
  market: MarketRow,
  operator: Pick<MerchantRow, 'shortName'>,
): PortalMembershipView {
  return {
    membershipId: membership.id,
    market: {
      id: market.id,
      name: market.name,
      kind: market.kind,
      commissionBp: market.commissionBp,
      status: market.status,
      operatorShortName: operator.shortName,
    },
    status: membership.status,
    requestedAt: membership.requestedAt.toISOString(),
    decidedAt: membership.decidedAt?.toISOString() ?? null,
  };
}

async function operatorOf(tx: Db, market: MarketRow): Promise<MerchantRow> {
  const [operator] = await tx
    .select()
    .from(merchants)
    .where(eq(merchants.id, market.operatorMerchantId));
  if (!operator) throw new Error(`Market ${market.id} has no operator row`);
  return operator;
}

/**
 * The calling merchant asks to join a market, or asks again after a decline or after leaving
 * (one row per market and merchant keeps its history in the audit log). The market row is
 * locked so two requests of the same merchant cannot both pass the "already asked?" check.
 */
export async function joinMarket(
  tx: Db,
  deps: Deps,
  caller: Caller,
  marketId: string,
): Promise<PortalMembershipView> {
  const merchant = await callerMerchant(tx, caller.principal);
  if (merchant.status !== 'active') throw new AppError('merchant_not_active');
  const [market] = await tx.select().from(markets).where(eq(markets.id, marketId)).for('update');
  if (!market) throw new AppError('resource_not_found');
  if (market.operatorMerchantId === merchant.id) throw new AppError('market_own_operator');
  const [existing] = await tx
    .select()
    .from(marketMemberships)
    .where(
      and(eq(marketMemberships.marketId, market.id), eq(marketMemberships.merchantId, merchant.id)),
    );
  if (existing && (existing.status === 'requested' || existing.status === 'accepted')) {
    throw new AppError('membership_exists');
  }
  if (market.status !== 'open') {
    // A closed market is not offered to outsiders at all; only a former member learns why.
    throw new AppError(existing ? 'market_closed' : 'resource_not_found');
  }
  const now = deps.clock.now();
  const requested = {
    status: 'requested' as const,
    requestedAt: now,
    decidedAt: null,
    decidedByUserId: null,
  };
  const [membership] = existing
    ? await tx
        .update(marketMemberships)
        .set(requested)
        .where(eq(marketMemberships.id, existing.id))
        .returning()
    : await tx
        .insert(marketMemberships)
        .values({
          id: newId('membership', now.getTime()),
          marketId: market.id,
          merchantId: merchant.id,
          ...requested,
        })
        .returning();
  if (!membership) throw new Error('Membership write returned no row');
  await recordAudit(tx, deps.clock, caller.actor, {
    action: 'market.membership_requested',
    targetType: 'market_membership',
    targetId: membership.id,
    scopePath: await merchantScopePath(tx, merchant),
    before: existing ? { status: existing.status } : null,
    after: { marketId: market.id, merchantId: merchant.id, status: membership.status },
  });
  await notifyMerchant(tx, deps, {
    merchantId: market.operatorMerchantId,
    kind: 'market_join_requested',
    params: { marketName: market.name, merchantShortName: merchant.shortName ?? '' },
  });
  return toPortalMembershipView(membership, market, await operatorOf(tx, market));
}

/**
 * The operator accepts or declines a request to join its market. Only a pending request can
 * be decided, so a second accept is a conflict rather than a silent repeat; accepting needs
 * the market open and the operator itself active.
 */
export async function decideMembership(
  tx: Db,
  deps: Deps,
  caller: Caller,
  ids: { marketId: string; membershipId: string },
  decision: 'accepted' | 'declined',
): Promise<PortalMembershipView> {
  const market = await operatedMarket(tx, caller.principal, ids.marketId, { forUpdate: true });
  const [row] = await tx
    .select({ membership: marketMemberships, member: merchants })
    .from(marketMemberships)
    .innerJoin(merchants, eq(merchants.id, marketMemberships.merchantId))
    .where(
      and(eq(marketMemberships.id, ids.membershipId), eq(marketMemberships.marketId, market.id)),
    )
    .for('update', { of: marketMemberships });
  if (!row) throw new AppError('resource_not_found');
  const { membership, member } = row;
  if (membership.status !== 'requested') throw new AppError('invalid_state_transition');
  const operator = await operatorOf(tx, market);
  if (decision === 'accepted') {
    if (market.status !== 'open') throw new AppError('market_closed');
    if (operator.status !== 'active') throw new AppError('merchant_not_active');
  }
  const [decided] = await tx
    .update(marketMemberships)
    .set({
      status: decision,
      decidedAt: deps.clock.now(),
      decidedByUserId: caller.principal.userId,
    })
    .where(eq(marketMemberships.id, membership.id))
    .returning();
  if (!decided) throw new Error('Membership update returned no row');
  await recordAudit(tx, deps.clock, caller.actor, {
    action: decision === 'accepted' ? 'market.membership_accepted' : 'market.membership_declined',
    targetType: 'market_membership',
    targetId: membership.id,
    scopePath: await merchantScopePath(tx, member),
    before: { status: membership.status },
    after: { status: decided.status },
  });
  await notifyMerchant(tx, deps, {
    merchantId: member.id,
    kind: decision === 'accepted' ? 'market_join_accepted' : 'market_join_declined',
    params: { marketName: market.name, operatorShortName: operator.shortName ?? '' },
  });
  return toPortalMembershipView(decided, market, operator);
}

/** A member merchant leaves a market it belongs to; it may ask to join again later. */
export async function leaveMarket(
  tx: Db,
  deps: Deps,
  caller: Caller,
  marketId: string,
): Promise<PortalMembershipView> {
  const merchant = await callerMerchant(tx, caller.principal);
  const [row] = await tx
    .select({ membership: marketMemberships, market: markets })
    .from(marketMemberships)
    .innerJoin(markets, eq(markets.id, marketMemberships.marketId))
    .where(
      and(eq(marketMemberships.marketId, marketId), eq(marketMemberships.merchantId, merchant.id)),
    )
    .for('update', { of: marketMemberships });
  if (!row) throw new AppError('resource_not_found');
  const { membership, market } = row;
  if (membership.status !== 'accepted') throw new AppError('invalid_state_transition');
  const [left] = await tx
    .update(marketMemberships)
    .set({ status: 'left', decidedAt: deps.clock.now(), decidedByUserId: caller.principal.userId })
    .where(eq(marketMemberships.id, membership.id))
    .returning();
  if (!left) throw new Error('Membership update returned no row');
  await recordAudit(tx, deps.clock, caller.actor, {
    action: 'market.membership_left',
    targetType: 'market_membership',
    targetId: membership.id,
    scopePath: await merchantScopePath(tx, merchant),
    before: { status: membership.status },
    after: { status: left.status },
  });
  return toPortalMembershipView(left, market, await operatorOf(tx, market));
}
