import { eq } from 'drizzle-orm';
import type { Actor, Principal } from '../../platform/auth/principal.js';
import type { Clock } from '../../platform/clock.js';
import { hashPassword, isStrongEnough, verifyPassword } from '../../platform/crypto/passwords.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { recordAudit } from '../audit/index.js';
import { userScopePath } from './credentials.js';
import { revokeSessions } from './sessions.js';
import { users } from './tables.js';

/** The user's own password change; it ends their other sessions. */
export async function changePassword(
  db: Db,
  clock: Clock,
  caller: { principal: Principal; actor: Actor },
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  // The change-password step comes after MFA, never instead of it.
  if (caller.principal.mfaRequired && !caller.principal.mfaPassed)
    throw new AppError('mfa_required');
  const [user] = await db.select().from(users).where(eq(users.id, caller.principal.userId));
  if (!user) throw new AppError('authentication_required');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('current_password_wrong', { param: 'currentPassword' });
  }
  if (!isStrongEnough(input.newPassword))
    throw new AppError('password_too_weak', { param: 'newPassword' });
  if (input.newPassword === input.currentPassword)
    throw new AppError('password_reused', { param: 'newPassword' });
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({
        passwordHash,
        mustChangePassword: false,
        passwordSetAt: clock.now(),
        updatedAt: clock.now(),
      })
      .where(eq(users.id, user.id));
    await revokeSessions(tx, clock, user.id, caller.principal.sessionId);
    await recordAudit(tx, clock, caller.actor, {
      action: 'auth.password_changed',
      targetType: 'user',
      targetId: user.id,
      scopePath: await userScopePath(tx, user),
      before: { mustChangePassword: user.mustChangePassword },
      after: { mustChangePassword: false },
    });
  });
}
