import { and, eq, sql } from 'drizzle-orm';
import type { Config } from '../../config.js';
import { needsMfa } from '../../platform/auth/permissions.js';
import type { Actor } from '../../platform/auth/principal.js';
import type { Clock } from '../../platform/clock.js';
import type { Encryptor } from '../../platform/crypto/encryption.js';
import { hashPassword, verifyPassword } from '../../platform/crypto/passwords.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { maskMobile } from '../../platform/masking.js';
import { recordAudit } from '../audit/index.js';
import { clearFailedAttempts, recordFailedAttempt, userScopePath } from './credentials.js';
import { merchantUsername } from './merchant-users.js';
import { createSession, rolesOf } from './sessions.js';
import { users } from './tables.js';

export type LoginStep = 'done' | 'mfa_verify' | 'mfa_enroll' | 'change_password';

// Verifying against a throwaway hash for unknown names makes them take as long as known ones,
// so response times do not reveal which usernames exist.
const unknownUserHash = hashPassword('sharefin-unknown-user-timing-guard');

type LoginDeps = { db: Db; clock: Clock; config: Config; encryptor: Encryptor };

export async function login(
  deps: LoginDeps,
  input: {
    username: string;
    password: string;
    realm: 'staff' | 'merchant';
    actor: Actor;
    userAgent: string | undefined;
  },
): Promise<{ token: string; csrfToken: string; next: LoginStep }> {
  const { db, clock, config } = deps;
  const byName =
    input.realm === 'merchant'
      ? eq(users.username, merchantUsername(deps.encryptor, input.username))
      : eq(sql`lower(${users.username})`, input.username.toLowerCase());
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.realm, input.realm), byName));
  if (!user) {
    await verifyPassword(await unknownUserHash, input.password);
    await db.transaction((tx) =>
      recordAudit(
        tx,
        clock,
        {
          ...input.actor,
          username: input.realm === 'merchant' ? maskMobile(input.username) : input.username,
        },
        {
          action: 'auth.login_failed',
          targetType: 'user',
          targetId: null,
          scopePath: null,
          after: { reason: 'unknown_user' },
        },
      ),
    );
    throw new AppError('invalid_credentials');
  }
  const actor: Actor = {
    ...input.actor,
    userId: user.id,
    username: user.username,
    orgNodeId: user.orgNodeId,
  };
  if (user.lockedAt) throw new AppError('account_locked');
  // A disabled merchant user answers like a wrong password: the owner turned the account off.
  if (user.disabledAt) throw new AppError('invalid_credentials');
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    throw await recordFailedAttempt(
      db,
      clock,
      user,
      actor,
      config.loginMaxFailedAttempts,
      'password',
    );
  }

  const roles = (await rolesOf(db, [user.id])).get(user.id) ?? [];
  const mfaEnrolled = user.mfaEnabledAt !== null;
  const mustEnroll = !mfaEnrolled && config.mfaEnforced && needsMfa(roles);
  const next: LoginStep = mfaEnrolled
    ? 'mfa_verify'
    : mustEnroll
      ? 'mfa_enroll'
      : user.mustChangePassword
        ? 'change_password'
        : 'done';
  return db.transaction(async (tx) => {
    // Only a password-only login is finished here; an MFA login counts once the code passes.
    if (!mfaEnrolled) await clearFailedAttempts(tx, clock, user.id);
    const session = await createSession(tx, deps, {
      userId: user.id,
      mfaPassed: !mfaEnrolled && !mustEnroll,
      ip: input.actor.ip ?? '',
      userAgent: input.userAgent,
    });
    await recordAudit(
      tx,
      clock,
      { ...actor, roles },
      {
        action: mfaEnrolled ? 'auth.password_verified' : 'auth.login_succeeded',
        targetType: 'user',
        targetId: user.id,
        scopePath: await userScopePath(tx, user),
        after: { next },
      },
    );
    return { ...session, next };
  });
}
