import { eq } from 'drizzle-orm';
import type { Actor, Principal } from '../../platform/auth/principal.js';
import type { Clock } from '../../platform/clock.js';
import { hashPassword, temporaryPassword } from '../../platform/crypto/passwords.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { recordAudit } from '../audit/index.js';
import { resetAccountMfa, unlockAccount } from './account-recovery.js';
import { assertMayManage } from './role-grants.js';
import { revokeSessions } from './sessions.js';
import { type StaffView, staffInScope, toStaffView } from './staff-directory.js';
import { users } from './tables.js';

type Caller = { principal: Principal; actor: Actor };
type Target = Awaited<ReturnType<typeof staffInScope>>;

/**
 * The administrative actions on another staff user's account, open to callers who hold every
 * permission the user holds. Each locks the user's row, ends their sessions where the change
 * must take effect at once, and is audited.
 */
async function onOtherStaff<T>(
  tx: Db,
  clock: Clock,
  caller: Caller,
  id: string,
  action: string,
  change: (
    target: Target,
  ) => Promise<{ before: Record<string, unknown>; after: Record<string, unknown>; result: T }>,
): Promise<T> {
  if (id === caller.principal.userId) throw new AppError('cannot_change_self');
  const target = await staffInScope(tx, caller.principal, id, { forUpdate: true });
  assertMayManage(caller.principal, target.roles);
  const { before, after, result } = await change(target);
  await recordAudit(tx, clock, caller.actor, {
    action,
    targetType: 'user',
    targetId: id,
    scopePath: target.node.path,
    before,
    after,
  });
  return result;
}

function reloaded(tx: Db, target: Target): Promise<StaffView> {
  return tx
    .select()
    .from(users)
    .where(eq(users.id, target.user.id))
    .then(([user]) => toStaffView(user ?? target.user, target.node, target.roles));
}

export function lockStaff(tx: Db, clock: Clock, caller: Caller, id: string): Promise<StaffView> {
  return onOtherStaff(tx, clock, caller, id, 'staff.locked', async (target) => {
    await tx
      .update(users)
      .set({ lockedAt: target.user.lockedAt ?? clock.now(), updatedAt: clock.now() })
      .where(eq(users.id, id));
    await revokeSessions(tx, clock, id);
    return {
      before: { locked: target.user.lockedAt !== null },
      after: { locked: true },
      result: await reloaded(tx, target),
    };
  });
}

export function unlockStaff(tx: Db, clock: Clock, caller: Caller, id: string): Promise<StaffView> {
  return onOtherStaff(tx, clock, caller, id, 'staff.unlocked', async (target) => {
    await unlockAccount(tx, clock, id);
    return {
      before: { locked: target.user.lockedAt !== null, failedAttempts: target.user.failedAttempts },
      after: { locked: false, failedAttempts: 0 },
      result: await reloaded(tx, target),
    };
  });
}

export function resetStaffPassword(
  tx: Db,
  clock: Clock,
  caller: Caller,
  id: string,
): Promise<{ temporaryPassword: string }> {
  return onOtherStaff(tx, clock, caller, id, 'staff.password_reset', async (target) => {
    const password = temporaryPassword();
    await tx
      .update(users)
      .set({
        passwordHash: await hashPassword(password),
        mustChangePassword: true,
        updatedAt: clock.now(),
      })
      .where(eq(users.id, id));
    await revokeSessions(tx, clock, id);
    return {
      before: { mustChangePassword: target.user.mustChangePassword },
      after: { mustChangePassword: true },
      result: { temporaryPassword: password },
    };
  });
}

/** For a user who lost their authenticator: they enroll again at their next login. */
export function resetStaffMfa(
  tx: Db,
  clock: Clock,
  caller: Caller,
  id: string,
): Promise<StaffView> {
  return onOtherStaff(tx, clock, caller, id, 'staff.mfa_reset', async (target) => {
    await resetAccountMfa(tx, clock, id);
    return {
      before: { mfaEnabled: target.user.mfaEnabledAt !== null },
      after: { mfaEnabled: false },
      result: await reloaded(tx, target),
    };
  });
}
