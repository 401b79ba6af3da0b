import { randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Actor, Principal } from '../../platform/auth/principal.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { createMerchantUser } from '../identity/index.js';
import type { MerchantDeps } from './deps.js';
import { transitionMerchant } from './merchant-lifecycle.js';
import { merchantForCaller } from './merchant-scope.js';
import { applicationContent } from './save-application.js';
import { type MerchantRow, merchants } from './tables.js';

// No 0/O or 1/I/L: a referral code is read aloud and typed from paper.
const referralAlphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

async function newReferralCode(tx: Db): Promise<string> {
  for (;;) {
    const code = Array.from(
      { length: 8 },
      () => referralAlphabet[randomInt(referralAlphabet.length)],
    ).join('');
    const [taken] = await tx
      .select({ id: merchants.id })
      .from(merchants)
      .where(eq(merchants.referralCode, code));
    if (!taken) return code;
  }
}

/**
 * The checker's approval: someone other than the reviewer approves a recommended application.
 * The merchant becomes active, gets its referral code and its owner user (login: the mobile on
 * the application; the password is set by the applicant's link or a setup code), and is told.
 */
export async function approveMerchant(
  deps: MerchantDeps,
  caller: { principal: Principal; actor: Actor },
  merchantId: string,
): Promise<MerchantRow> {
  return deps.db.transaction(async (tx) => {
    const merchant = await merchantForCaller(tx, caller.principal, merchantId, { forUpdate: true });
    if (merchant.status !== 'in_review' || !merchant.recommendedAt) {
      throw new AppError('invalid_state_transition');
    }
    if (merchant.reviewerUserId === caller.principal.userId) {
      throw new AppError('maker_checker_required');
    }
    const content = applicationContent(deps.encryptor, merchant);
    if (!content.mobile) throw new AppError('invalid_state_transition');
    const owner = await createMerchantUser(tx, deps, {
      merchantId: merchant.id,
      storeId: null,
      mobile: content.mobile,
      displayName: content.legalRepName ?? content.shortName ?? content.mobile,
      role: 'merchant_owner',
    });
    const now = deps.clock.now();
    return transitionMerchant(tx, deps, {
      merchant,
      to: 'active',
      set: {
        approverUserId: caller.principal.userId,
        activatedAt: now,
        ownerUserId: owner.userId,
        referralCode: await newReferralCode(tx),
        statusReason: null,
      },
      action: 'merchant.approved',
      actor: caller.actor,
      audit: {
        ownerUserId: owner.userId,
        riskLevel: merchant.riskLevel,
        feePlan: merchant.feePlan,
      },
      notify: { kind: 'merchant_approved', params: { shortName: merchant.shortName ?? '' } },
    });
  });
}
