import type { Actor, Principal } from '../../platform/auth/principal.js';
import { AppError } from '../../platform/errors/app-error.js';
import { recordAudit } from '../audit/index.js';
import { findMerchantUser, resetAccountMfa, unlockAccount } from '../identity/index.js';
import type { MerchantDeps } from './deps.js';
import { merchantForCaller, merchantScopePath } from './merchant-scope.js';

const actions = {
  unlock: { run: unlockAccount, audit: 'merchant_user.unlocked' },
  'reset-mfa': { run: resetAccountMfa, audit: 'merchant_user.mfa_reset' },
} as const;

export type RecoveryAction = keyof typeof actions;

/**
 * The branch helps a merchant user who locked themselves out or lost their authenticator, the
 * way it would at the counter: for a merchant it may see, audited under that merchant.
 */
export async function recoverMerchantUser(
  deps: MerchantDeps,
  caller: { principal: Principal; actor: Actor },
  input: { merchantId: string; userId: string; action: RecoveryAction },
): Promise<void> {
  const spec = actions[input.action];
  await deps.db.transaction(async (tx) => {
    const merchant = await merchantForCaller(tx, caller.principal, input.merchantId);
    const user = await findMerchantUser(tx, merchant.id, input.userId, { forUpdate: true });
    if (!user) throw new AppError('resource_not_found');
    await spec.run(tx, deps.clock, user.id);
    await recordAudit(tx, deps.clock, caller.actor, {
      action: spec.audit,
      targetType: 'user',
      targetId: user.id,
      scopePath: await merchantScopePath(tx, merchant),
      before: { locked: user.lockedAt !== null, mfaEnabled: user.mfaEnabled },
    });
  });
}
