import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/principal.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { recordAudit } from '../audit/index.js';
import { findNode } from '../orgs/index.js';
import { users } from './tables.js';

export type UserRow = typeof users.$inferSelect;

/** Path of the user's org node, which scopes the audit records about them. */
export async function userScopePath(
  db: Db,
  user: Pick<UserRow, 'orgNodeId'>,
): Promise<string | null> {
  return user.orgNodeId ? ((await findNode(db, user.orgNodeId))?.path ?? null) : null;
}

/**
 * Counts a failed password or code. The increment is one atomic statement, so parallel
 * guesses cannot slip past the limit; reaching it locks the account until an admin unlocks it.
 * Returns the error to answer with.
 */
export async function recordFailedAttempt(
  db: Db,
  clock: Clock,
  user: UserRow,
  actor: Actor,
  maxAttempts: number,
  reason: 'password' | 'mfa_code',
): Promise<AppError> {
  const now = clock.now();
  const [updated] = await db
    .update(users)
    .set({
      failedAttempts: sql`${users.failedAttempts} + 1`,
      lockedAt: sql`case when ${users.failedAttempts} + 1 >= ${maxAttempts} then coalesce(${users.lockedAt}, ${now.toISOString()}::timestamptz) else ${users.lockedAt} end`,
      updatedAt: now,
    })
    .where(eq(users.id, user.id))
    .returning({ failedAttempts: users.failedAttempts, lockedAt: users.lockedAt });
  const justLocked = Boolean(updated?.lockedAt) && !user.lockedAt;
  await db.transaction(async (tx) => {
    const scopePath = await userScopePath(tx, user);
    await recordAudit(tx, clock, actor, {
      action: 'auth.login_failed',
      targetType: 'user',
      targetId: user.id,
      scopePath,
      before: { failedAttempts: user.failedAttempts },
      after: { failedAttempts: updated?.failedAttempts ?? null, reason },
    });
    if (justLocked) {
      await recordAudit(tx, clock, actor, {
        action: 'auth.account_locked',
        targetType: 'user',
        targetId: user.id,
        scopePath,
        before: { locked: false },
        after: { locked: true },
      });
    }
  });
  if (updated?.lockedAt) return new AppError('account_locked');
  return new AppError(reason === 'password' ? 'invalid_credentials' : 'mfa_code_invalid');
}

export async function clearFailedAttempts(db: Db, clock: Clock, userId: string): Promise<void> {
  await db
    .update(users)
    .set({ failedAttempts: 0, lastLoginAt: clock.now() })
    .where(eq(users.id, userId));
}
