import { and, eq, isNull } from 'drizzle-orm';
import type { Config } from '../../config.js';
import type { Actor, Principal } from '../../platform/auth/principal.js';
import type { Clock } from '../../platform/clock.js';
import type { Encryptor } from '../../platform/crypto/encryption.js';
import { randomToken, sha256Hex } from '../../platform/crypto/tokens.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { maskMobile } from '../../platform/masking.js';
import { recordAudit } from '../audit/index.js';
import {
  clearFailedAttempts,
  recordFailedAttempt,
  type UserRow,
  userScopePath,
} from './credentials.js';
import { mfaRecoveryCodes, sessions, users } from './tables.js';
import { checkTotp, enrollmentArtifacts, newTotpSecret } from './totp.js';

type MfaDeps = { db: Db; clock: Clock; config: Config; encryptor: Encryptor };
type Caller = { principal: Principal; actor: Actor };

const recoveryCodeCount = 10;

async function loadUser(db: Db, userId: string): Promise<UserRow> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) throw new AppError('authentication_required');
  return user;
}

/**
 * Starts (or restarts) enrollment with a fresh secret kept aside until a code from it is
 * confirmed, so a half-done re-enrollment never breaks the authenticator in use. A session
 * that still owes its MFA code may not enroll: knowing the password must not be enough to
 * replace the second factor.
 */
export async function startMfaEnrollment(deps: MfaDeps, caller: Caller) {
  const user = await loadUser(deps.db, caller.principal.userId);
  if (user.mfaEnabledAt && !caller.principal.mfaPassed) throw new AppError('mfa_required');
  const secret = newTotpSecret();
  await deps.db
    .update(users)
    .set({ mfaPendingSecretEnc: deps.encryptor.encrypt(secret), updatedAt: deps.clock.now() })
    .where(eq(users.id, user.id));
  // A merchant user's username is a blind index; the authenticator shows the masked mobile.
  const label = user.mobileEnc ? maskMobile(deps.encryptor.decrypt(user.mobileEnc)) : user.username;
  return { secret, ...(await enrollmentArtifacts(secret, label)) };
}

/** Confirms enrollment with a code from the new secret; returns recovery codes, shown once. */
export async function confirmMfaEnrollment(
  deps: MfaDeps,
  caller: Caller,
  code: string,
): Promise<{ recoveryCodes: string[] }> {
  const user = await loadUser(deps.db, caller.principal.userId);
  if (!user.mfaPendingSecretEnc) throw new AppError('mfa_enrollment_not_started');
  if (user.mfaEnabledAt && !caller.principal.mfaPassed) throw new AppError('mfa_required');
  const step = await checkTotp(
    deps.encryptor.decrypt(user.mfaPendingSecretEnc),
    code,
    deps.clock,
    null,
  );
  if (step === null) {
    throw await recordFailedAttempt(
      deps.db,
      deps.clock,
      user,
      caller.actor,
      deps.config.loginMaxFailedAttempts,
      'mfa_code',
    );
  }
  const recoveryCodes = Array.from({ length: recoveryCodeCount }, () =>
    formatRecoveryCode(randomToken(8)),
  );
  await deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    await tx
      .update(users)
      .set({
        mfaSecretEnc: user.mfaPendingSecretEnc,
        mfaPendingSecretEnc: null,
        mfaEnabledAt: now,
        mfaLastStep: step,
        failedAttempts: 0,
        updatedAt: now,
      })
      .where(eq(users.id, user.id));
    await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, user.id));
    await tx.insert(mfaRecoveryCodes).values(
      recoveryCodes.map((recovery) => ({
        userId: user.id,
        codeHash: sha256Hex(normalizeRecoveryCode(recovery)),
      })),
    );
    await tx
      .update(sessions)
      .set({ mfaPassed: true })
      .where(eq(sessions.id, caller.principal.sessionId));
    await recordAudit(tx, deps.clock, caller.actor, {
      action: 'auth.mfa_enrolled',
      targetType: 'user',
      targetId: user.id,
      scopePath: await userScopePath(tx, user),
      before: { mfaEnabled: user.mfaEnabledAt !== null },
      after: { mfaEnabled: true },
    });
  });
  return { recoveryCodes };
}

/** The second login step: a current TOTP code or one unused recovery code. */
export async function verifyMfa(
  deps: MfaDeps,
  caller: Caller,
  input: { code?: string; recoveryCode?: string },
): Promise<{ next: 'done' | 'change_password' }> {
  const user = await loadUser(deps.db, caller.principal.userId);
  if (user.lockedAt) throw new AppError('account_locked');
  if (!user.mfaEnabledAt || !user.mfaSecretEnc) throw new AppError('mfa_not_enrolled');
  const now = deps.clock.now();
  let accepted: { step: number } | { recoveryHash: string } | null = null;
  if (input.code) {
    const step = await checkTotp(
      deps.encryptor.decrypt(user.mfaSecretEnc),
      input.code,
      deps.clock,
      user.mfaLastStep,
    );
    if (step !== null) accepted = { step };
  } else if (input.recoveryCode) {
    const recoveryHash = sha256Hex(normalizeRecoveryCode(input.recoveryCode));
    const [unused] = await deps.db
      .select()
      .from(mfaRecoveryCodes)
      .where(
        and(
          eq(mfaRecoveryCodes.userId, user.id),
          eq(mfaRecoveryCodes.codeHash, recoveryHash),
          isNull(mfaRecoveryCodes.usedAt),
        ),
      );
    if (unused) accepted = { recoveryHash };
  }
  if (!accepted) {
    throw await recordFailedAttempt(
      deps.db,
      deps.clock,
      user,
      caller.actor,
      deps.config.loginMaxFailedAttempts,
      'mfa_code',
    );
  }
  await deps.db.transaction(async (tx) => {
    if ('step' in accepted) {
      await tx.update(users).set({ mfaLastStep: accepted.step }).where(eq(users.id, user.id));
    } else {
      await tx
        .update(mfaRecoveryCodes)
        .set({ usedAt: now })
        .where(
          and(
            eq(mfaRecoveryCodes.userId, user.id),
            eq(mfaRecoveryCodes.codeHash, accepted.recoveryHash),
          ),
        );
    }
    await clearFailedAttempts(tx, deps.clock, user.id);
    await tx
      .update(sessions)
      .set({ mfaPassed: true })
      .where(eq(sessions.id, caller.principal.sessionId));
    await recordAudit(tx, deps.clock, caller.actor, {
      action: 'auth.login_succeeded',
      targetType: 'user',
      targetId: user.id,
      scopePath: await userScopePath(tx, user),
      after: { secondFactor: 'step' in accepted ? 'totp' : 'recovery_code' },
    });
  });
  return { next: user.mustChangePassword ? 'change_password' : 'done' };
}

function formatRecoveryCode(raw: string): string {
  const clean = raw
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase()
    .padEnd(10, 'x')
    .slice(0, 10);
  return `${clean.slice(0, 5)}-${clean.slice(5)}`;
}

function normalizeRecoveryCode(code: string): string {
  return code.replace(/[^A-Za-z0-9]/g, '').toLowerCase();
}
