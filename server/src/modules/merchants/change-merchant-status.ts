import { and, eq } from 'drizzle-orm';
import type { Actor, Principal } from '../../platform/auth/principal.js';
import { disableMerchantUsers } from '../identity/index.js';
import type { MerchantDeps } from './deps.js';
import { transitionMerchant } from './merchant-lifecycle.js';
import { merchantForCaller } from './merchant-scope.js';
import { type MerchantRow, settlementAccountChanges } from './tables.js';

const actions = {
  suspend: { to: 'suspended', action: 'merchant.suspended', notify: 'merchant_suspended' },
  reinstate: { to: 'active', action: 'merchant.reinstated', notify: 'merchant_reinstated' },
  close: { to: 'closed', action: 'merchant.closed', notify: 'merchant_closed' },
} as const;

export type StatusAction = keyof typeof actions;

/**
 * A risk hold (suspend), its release (reinstate) or the end of the relationship (close), each
 * with the reason the merchant and the audit log see.
 */
export async function changeMerchantStatus(
  deps: MerchantDeps,
  caller: { principal: Principal; actor: Actor },
  input: { merchantId: string; action: StatusAction; reason: string },
): Promise<MerchantRow> {
  const spec = actions[input.action];
  return deps.db.transaction(async (tx) => {
    const merchant = await merchantForCaller(tx, caller.principal, input.merchantId, {
      forUpdate: true,
    });
    const changed = await transitionMerchant(tx, deps, {
      merchant,
      to: spec.to,
      set: { statusReason: input.reason },
      action: spec.action,
      actor: caller.actor,
      audit: { reason: input.reason },
      notify: { kind: spec.notify, params: { reason: input.reason } },
    });
    if (input.action === 'close') {
      // A closed merchant has no one to log in and no account to change to.
      await disableMerchantUsers(tx, deps.clock, merchant.id);
      await tx
        .update(settlementAccountChanges)
        .set({ status: 'cancelled', closedAt: deps.clock.now() })
        .where(
          and(
            eq(settlementAccountChanges.merchantId, merchant.id),
            eq(settlementAccountChanges.status, 'pending'),
          ),
        );
    }
    return changed;
  });
}
