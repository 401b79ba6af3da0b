import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor, Principal } from '../../platform/auth/principal.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { recordAudit } from '../audit/index.js';
import { type MerchantDeps, merchantScopePath } from '../merchants/index.js';
import { checkCommission } from './create-market.js';
import { marketForStaff } from './market-scope.js';
import { toMarketViews } from './market-views.js';
import type { MarketView, updateMarketSchema } from './schemas.js';
import { markets } from './tables.js';

/**
 * Bank staff rename a market, change its commission within the cap, or close and reopen it.
 * A closed market takes no new members or buyers; reopening needs the operator still active.
 */
export async function updateMarket(
  tx: Db,
  deps: Pick<MerchantDeps, 'clock' | 'config'>,
  caller: { principal: Principal; actor: Actor },
  id: string,
  input: z.infer<typeof updateMarketSchema>,
): Promise<MarketView> {
  const { market, operator } = await marketForStaff(tx, caller.principal, id, {
    forUpdate: true,
  });
  if (input.commissionBp !== undefined) checkCommission(deps, input.commissionBp);
  if (input.status === 'open' && market.status === 'closed' && operator.status !== 'active') {
    throw new AppError('merchant_not_active', { param: 'status' });
  }
  const before = { name: market.name, commissionBp: market.commissionBp, status: market.status };
  const after = {
    name: input.name ?? market.name,
    commissionBp: input.commissionBp ?? market.commissionBp,
    status: input.status ?? market.status,
  };
  const [updated] = await tx
    .update(markets)
    .set({ ...after, updatedAt: deps.clock.now() })
    .where(eq(markets.id, market.id))
    .returning();
  if (!updated) throw new Error('Market update returned no row');
  await recordAudit(tx, deps.clock, caller.actor, {
    action: 'market.updated',
    targetType: 'market',
    targetId: market.id,
    scopePath: await merchantScopePath(tx, operator),
    before,
    after,
  });
  const [view] = await toMarketViews(tx, [{ market: updated, operator }]);
  return view as MarketView;
}
