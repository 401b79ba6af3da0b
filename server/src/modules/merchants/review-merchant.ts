import type { z } from 'zod';
import type { Actor, Principal } from '../../platform/auth/principal.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { MerchantDeps } from './deps.js';
import { transitionMerchant } from './merchant-lifecycle.js';
import { merchantForCaller } from './merchant-scope.js';
import type { reviewDecisionSchema } from './schemas.js';
import type { MerchantRow } from './tables.js';

type Caller = { principal: Principal; actor: Actor };

/** A reviewer takes a submitted application from the queue; they become its maker. */
export async function startReview(
  deps: MerchantDeps,
  caller: Caller,
  merchantId: string,
): Promise<MerchantRow> {
  return deps.db.transaction(async (tx) => {
    const merchant = await merchantForCaller(tx, caller.principal, merchantId, { forUpdate: true });
    if (merchant.status !== 'submitted') throw new AppError('invalid_state_transition');
    return transitionMerchant(tx, deps, {
      merchant,
      to: 'in_review',
      set: { reviewerUserId: caller.principal.userId, recommendedAt: null },
      action: 'merchant.review_started',
      actor: caller.actor,
    });
  });
}

/**
 * The reviewer's conclusion: recommend approval with a risk level and fee plan (approval
 * itself is someone else's), send the application back with what to change, or reject it.
 */
export async function decideReview(
  deps: MerchantDeps,
  caller: Caller,
  merchantId: string,
  decision: z.infer<typeof reviewDecisionSchema>,
): Promise<MerchantRow> {
  return deps.db.transaction(async (tx) => {
    const merchant = await merchantForCaller(tx, caller.principal, merchantId, { forUpdate: true });
    if (merchant.status !== 'in_review') throw new AppError('invalid_state_transition');
    // Only the one who took the application concludes it, so the maker is one known person.
    if (merchant.reviewerUserId !== caller.principal.userId)
      throw new AppError('permission_denied');
    const base = { merchant, actor: caller.actor };
    if (decision.outcome === 'recommend_approval') {
      return transitionMerchant(tx, deps, {
        ...base,
        to: 'in_review',
        set: {
          riskLevel: decision.riskLevel,
          feePlan: decision.feePlan,
          recommendedAt: deps.clock.now(),
        },
        action: 'merchant.approval_recommended',
        audit: { riskLevel: decision.riskLevel, feePlan: decision.feePlan },
      });
    }
    const rejected = decision.outcome === 'reject';
    return transitionMerchant(tx, deps, {
      ...base,
      to: rejected ? 'rejected' : 'needs_changes',
      set: { statusReason: decision.reason, recommendedAt: null },
      action: rejected ? 'merchant.application_rejected' : 'merchant.changes_requested',
      audit: { reason: decision.reason },
      notify: {
        kind: rejected ? 'application_rejected' : 'application_needs_changes',
        params: { reason: decision.reason },
      },
    });
  });
}
