import type { z } from 'zod';
import type { Actor, Principal } from '../../platform/auth/principal.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { newId } from '../../platform/ids.js';
import { recordAudit } from '../audit/index.js';
import { type MerchantDeps, merchantForCaller, merchantScopePath } from '../merchants/index.js';
import { toMarketViews } from './market-views.js';
import type { createMarketSchema, MarketView } from './schemas.js';
import { markets } from './tables.js';

/** The bank caps what a market may take from its members' trades (DOMAIN.md §7). */
export function checkCommission(deps: Pick<MerchantDeps, 'config'>, commissionBp: number): void {
  if (commissionBp > deps.config.marketCommissionCapBp) {
    throw new AppError('commission_above_cap', {
      param: 'commissionBp',
      detail: `The commission may be at most ${deps.config.marketCommissionCapBp} basis points`,
    });
  }
}

/**
 * Bank staff open a market for an active market-operator merchant of their branch subtree.
 * The operator row is locked so a suspension racing the opening cannot slip between the check
 * and the insert.
 */
export async function createMarket(
  tx: Db,
  deps: Pick<MerchantDeps, 'clock' | 'config'>,
  caller: { principal: Principal; actor: Actor },
  input: z.infer<typeof createMarketSchema>,
): Promise<MarketView> {
  const operator = await merchantForCaller(tx, caller.principal, input.operatorMerchantId, {
    forUpdate: true,
  });
  if (operator.kind !== 'market_operator') {
    throw new AppError('not_a_market_operator', { param: 'operatorMerchantId' });
  }
  if (operator.status !== 'active') {
    throw new AppError('merchant_not_active', { param: 'operatorMerchantId' });
  }
  checkCommission(deps, input.commissionBp);
  const now = deps.clock.now();
  const [market] = await tx
    .insert(markets)
    .values({
      id: newId('market', now.getTime()),
      operatorMerchantId: operator.id,
      name: input.name,
      kind: input.kind,
      commissionBp: input.commissionBp,
      status: 'open',
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!market) throw new Error('Market insert returned no row');
  await recordAudit(tx, deps.clock, caller.actor, {
    action: 'market.created',
    targetType: 'market',
    targetId: market.id,
    scopePath: await merchantScopePath(tx, operator),
    after: {
      operatorMerchantId: operator.id,
      name: market.name,
      kind: market.kind,
      commissionBp: market.commissionBp,
      status: market.status,
    },
  });
  const [view] = await toMarketViews(tx, [{ market, operator }]);
  return view as MarketView;
}
