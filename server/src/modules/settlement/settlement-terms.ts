import { eq } from 'drizzle-orm';
import type { Config } from '../../config.js';
import type { Actor, Principal } from '../../platform/auth/principal.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { recordAudit } from '../audit/index.js';
import { merchantForCaller, merchantScopePath } from '../merchants/index.js';
import type { SettlementCycle } from './settlement-date.js';
import { settlementTerms } from './tables.js';

export type SettlementTermsView = {
  merchantId: string;
  cycle: SettlementCycle;
  d0PremiumBp: number;
  updatedAt: string | null;
};

/** A merchant's terms; one that never had any settles T+1, without premium. */
export async function termsOf(db: Db, merchantId: string): Promise<SettlementTermsView> {
  const [row] = await db
    .select()
    .from(settlementTerms)
    .where(eq(settlementTerms.merchantId, merchantId));
  return {
    merchantId,
    cycle: row?.cycle ?? 't1',
    d0PremiumBp: row?.d0PremiumBp ?? 0,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

/**
 * Staff move a merchant of their scope to another cycle. D0 carries a premium (the default
 * from SETTLEMENT_D0_PREMIUM_BP unless given); the other cycles none. The change applies from
 * the merchant's next settlement on, which covers everything since its last one, so no
 * payment is left out or settled twice. Audited.
 */
export async function setSettlementTerms(
  tx: Db,
  deps: { clock: Clock; config: Config },
  caller: { principal: Principal; actor: Actor },
  merchantId: string,
  input: { cycle: SettlementCycle; d0PremiumBp?: number },
): Promise<SettlementTermsView> {
  const merchant = await merchantForCaller(tx, caller.principal, merchantId, { forUpdate: true });
  const before = await termsOf(tx, merchantId);
  const premium = input.cycle === 'd0' ? (input.d0PremiumBp ?? deps.config.d0PremiumBp) : 0;
  const now = deps.clock.now();
  const values = {
    cycle: input.cycle,
    d0PremiumBp: premium,
    updatedByUserId: caller.actor.userId,
    updatedAt: now,
  };
  await tx
    .insert(settlementTerms)
    .values({ merchantId, ...values })
    .onConflictDoUpdate({ target: settlementTerms.merchantId, set: values });
  await recordAudit(tx, deps.clock, caller.actor, {
    action: 'merchant.settlement_terms_changed',
    targetType: 'merchant',
    targetId: merchantId,
    scopePath: await merchantScopePath(tx, merchant),
    before: { cycle: before.cycle, d0PremiumBp: before.d0PremiumBp },
    after: { cycle: input.cycle, d0PremiumBp: premium },
  });
  return termsOf(tx, merchantId);
}
