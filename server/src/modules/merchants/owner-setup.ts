import type { Actor, Principal } from '../../platform/auth/principal.js';
import { AppError } from '../../platform/errors/app-error.js';
import { recordAudit } from '../audit/index.js';
import { hasChosenPassword, issueSetupCode, setMerchantPassword } from '../identity/index.js';
import { applicationForApplicant } from './applicant-access.js';
import type { MerchantDeps } from './deps.js';
import { merchantForCaller, merchantScopePath } from './merchant-scope.js';

/**
 * The applicant who holds the application's link sets the new owner's first password. The link
 * is the credential that filed the application, so it may do this once, and only once.
 */
export async function setOwnerPasswordAsApplicant(
  deps: MerchantDeps,
  input: { merchantId: string; token: string | undefined; password: string; actor: Actor },
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const merchant = await applicationForApplicant(tx, input.merchantId, input.token, {
      forUpdate: true,
    });
    if (merchant.status !== 'active' || !merchant.ownerUserId) {
      throw new AppError('invalid_state_transition');
    }
    if (await hasChosenPassword(tx, merchant.ownerUserId)) {
      throw new AppError('owner_already_set_up');
    }
    await setMerchantPassword(tx, deps.clock, merchant.ownerUserId, input.password, input.actor);
  });
}

/**
 * Staff hand the owner a one-time setup code (at the counter or by phone) when the applicant
 * has no link: staff-filed applications, or a lost link. Shown once, stored hashed.
 */
export async function issueOwnerSetupCode(
  deps: MerchantDeps,
  caller: { principal: Principal; actor: Actor },
  merchantId: string,
) {
  return deps.db.transaction(async (tx) => {
    const merchant = await merchantForCaller(tx, caller.principal, merchantId, { forUpdate: true });
    if (merchant.status !== 'active' || !merchant.ownerUserId) {
      throw new AppError('merchant_not_active');
    }
    const issued = await issueSetupCode(tx, deps.clock, merchant.ownerUserId);
    await recordAudit(tx, deps.clock, caller.actor, {
      action: 'merchant.owner_setup_code_issued',
      targetType: 'merchant',
      targetId: merchant.id,
      scopePath: await merchantScopePath(tx, merchant),
      after: { ownerUserId: merchant.ownerUserId, expiresAt: issued.expiresAt.toISOString() },
    });
    return issued;
  });
}
