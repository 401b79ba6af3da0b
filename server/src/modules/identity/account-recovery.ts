import { eq } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { revokeSessions } from './sessions.js';
import { mfaRecoveryCodes, users } from './tables.js';

/**
 * What an administrator does for a user who locked themselves out or lost their authenticator,
 * whatever the realm. Callers check who may do it, lock the row and audit.
 */
export async function unlockAccount(tx: Db, clock: Clock, userId: string): Promise<void> {
  await tx
    .update(users)
    .set({ lockedAt: null, failedAttempts: 0, updatedAt: clock.now() })
    .where(eq(users.id, userId));
}

/** The user enrolls a new authenticator at the next login; their sessions end now. */
export async function resetAccountMfa(tx: Db, clock: Clock, userId: string): Promise<void> {
  await tx
    .update(users)
    .set({
      mfaSecretEnc: null,
      mfaPendingSecretEnc: null,
      mfaEnabledAt: null,
      mfaLastStep: null,
      updatedAt: clock.now(),
    })
    .where(eq(users.id, userId));
  await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId));
  await revokeSessions(tx, clock, userId);
}
