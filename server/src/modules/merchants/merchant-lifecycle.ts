import { eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/principal.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { recordAudit } from '../audit/index.js';
import type { MerchantDeps } from './deps.js';
import { merchantScopePath } from './merchant-scope.js';
import { type NotificationKind, notifyMerchant } from './notify-merchant.js';
import { type MerchantRow, type MerchantStatus, merchants } from './tables.js';

/**
 * Every status change a merchant may make. Anything else is refused with
 * invalid_state_transition, whoever asks.
 */
const transitions: Record<MerchantStatus, readonly MerchantStatus[]> = {
  draft: ['submitted'],
  submitted: ['in_review'],
  in_review: ['in_review', 'active', 'rejected', 'needs_changes'],
  needs_changes: ['submitted'],
  rejected: [],
  active: ['suspended', 'closed'],
  suspended: ['active', 'closed'],
  closed: [],
};

export function mayTransition(from: MerchantStatus, to: MerchantStatus): boolean {
  return transitions[from].includes(to);
}

/**
 * Moves a row-locked merchant to a new status with the columns that go with it, audits the
 * change and, when given, notifies the merchant, all in the caller's transaction.
 */
export async function transitionMerchant(
  tx: Db,
  deps: Pick<MerchantDeps, 'clock' | 'jobs'>,
  input: {
    merchant: MerchantRow;
    to: MerchantStatus;
    set?: Partial<typeof merchants.$inferInsert>;
    action: string;
    actor: Actor;
    audit?: Record<string, unknown>;
    notify?: { kind: NotificationKind; params?: Record<string, string> };
  },
): Promise<MerchantRow> {
  const { merchant } = input;
  if (!mayTransition(merchant.status, input.to)) throw new AppError('invalid_state_transition');
  const [updated] = await tx
    .update(merchants)
    .set({ ...input.set, status: input.to, updatedAt: deps.clock.now() })
    .where(eq(merchants.id, merchant.id))
    .returning();
  if (!updated) throw new Error('update returned nothing');
  await recordAudit(tx, deps.clock, input.actor, {
    action: input.action,
    targetType: 'merchant',
    targetId: merchant.id,
    scopePath: await merchantScopePath(tx, merchant),
    before: { status: merchant.status },
    after: { status: input.to, ...input.audit },
  });
  if (input.notify) {
    await notifyMerchant(tx, deps, { merchantId: merchant.id, ...input.notify });
  }
  return updated;
}
