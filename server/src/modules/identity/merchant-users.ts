import { randomInt } from 'node:crypto';
import { and, asc, eq, gt, isNull, lt, or } from 'drizzle-orm';
import type { Config } from '../../config.js';
import { isMerchantRole, type MerchantRole } from '../../platform/auth/permissions.js';
import type { Actor } from '../../platform/auth/principal.js';
import type { Clock } from '../../platform/clock.js';
import type { Encryptor } from '../../platform/crypto/encryption.js';
import { hashPassword, isStrongEnough } from '../../platform/crypto/passwords.js';
import { randomToken, sha256Hex } from '../../platform/crypto/tokens.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { newId } from '../../platform/ids.js';
import { toPage } from '../../platform/pagination.js';
import { normaliseMobile } from '../../platform/validation/mobile.js';
import { recordAudit } from '../audit/index.js';
import { recordFailedAttempt, type UserRow } from './credentials.js';
import { revokeSessions, rolesOf } from './sessions.js';
import { userRoles, users } from './tables.js';
import { checkTotp } from './totp.js';

/** How long a password-setup code handed to a new merchant user stays valid. */
const setupCodeTtlMs = 72 * 3_600_000;

/** A merchant user's login name: the blind index of the mobile, never the number itself. */
export function merchantUsername(encryptor: Encryptor, mobile: string): string {
  return `m:${encryptor.blindIndex(normaliseMobile(mobile))}`;
}

/**
 * Creates a user of the merchant realm, logging in with a mobile number. Without a password
 * the account cannot log in until a setup code is redeemed (the hash is of a random secret
 * nobody holds).
 */
export async function createMerchantUser(
  tx: Db,
  deps: { clock: Clock; encryptor: Encryptor },
  input: {
    merchantId: string;
    storeId: string | null;
    mobile: string;
    displayName: string;
    role: MerchantRole;
    password?: string;
    mustChangePassword?: boolean;
  },
): Promise<{ userId: string }> {
  const { clock, encryptor } = deps;
  const username = merchantUsername(encryptor, input.mobile);
  const [taken] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.realm, 'merchant'), eq(users.username, username)));
  if (taken) throw new AppError('mobile_taken', { param: 'mobile' });
  const now = clock.now();
  const id = newId('user', now.getTime());
  await tx.insert(users).values({
    id,
    realm: 'merchant',
    username,
    displayName: input.displayName,
    merchantId: input.merchantId,
    storeId: input.storeId,
    mobileEnc: encryptor.encrypt(normaliseMobile(input.mobile)),
    passwordHash: await hashPassword(input.password ?? randomToken()),
    mustChangePassword: input.mustChangePassword ?? false,
    createdAt: now,
    updatedAt: now,
  });
  await tx.insert(userRoles).values({ userId: id, role: input.role });
  return { userId: id };
}

/** Issues a fresh one-time setup code for a merchant user; only its hash is kept. */
export async function issueSetupCode(
  tx: Db,
  clock: Clock,
  userId: string,
): Promise<{ setupCode: string; expiresAt: Date }> {
  // Eight digits to read over the counter or the phone; the 72 h expiry and the login lockout
  // after failed tries bound guessing.
  const setupCode = String(randomInt(100_000_000)).padStart(8, '0');
  const expiresAt = new Date(clock.now().getTime() + setupCodeTtlMs);
  await tx
    .update(users)
    .set({ setupCodeHash: sha256Hex(setupCode), setupCodeExpiresAt: expiresAt })
    .where(eq(users.id, userId));
  return { setupCode, expiresAt };
}

/**
 * Sets a merchant user's password, once, by the setup code they were handed. Used codes and
 * expired ones are refused alike.
 */
export async function redeemSetupCode(
  db: Db,
  deps: { clock: Clock; encryptor: Encryptor },
  input: { mobile: string; setupCode: string; password: string; actor: Actor },
): Promise<void> {
  if (!isStrongEnough(input.password)) throw new AppError('password_too_weak');
  const username = merchantUsername(deps.encryptor, input.mobile);
  await db.transaction(async (tx) => {
    const [user] = await tx
      .select()
      .from(users)
      .where(
        and(eq(users.realm, 'merchant'), eq(users.username, username), isNull(users.disabledAt)),
      )
      .for('update');
    const now = deps.clock.now();
    const valid =
      user?.setupCodeHash === sha256Hex(input.setupCode) &&
      user.setupCodeExpiresAt !== null &&
      user.setupCodeExpiresAt.getTime() > now.getTime();
    if (!user || !valid) throw new AppError('setup_code_invalid');
    await setMerchantPassword(tx, deps.clock, user.id, input.password, {
      ...input.actor,
      userId: user.id,
    });
  });
}

/** Sets a merchant user's own password and spends any setup code. */
export async function setMerchantPassword(
  tx: Db,
  clock: Clock,
  userId: string,
  password: string,
  actor: Actor,
): Promise<void> {
  if (!isStrongEnough(password)) throw new AppError('password_too_weak');
  const now = clock.now();
  await tx
    .update(users)
    .set({
      passwordHash: await hashPassword(password),
      mustChangePassword: false,
      setupCodeHash: null,
      setupCodeExpiresAt: null,
      passwordSetAt: now,
      failedAttempts: 0,
      updatedAt: now,
    })
    .where(eq(users.id, userId));
  await recordAudit(tx, clock, actor, {
    action: 'merchant_user.password_set',
    targetType: 'user',
    targetId: userId,
    scopePath: null,
  });
}

/** A merchant user as the merchants module shows it; the mobile stays encrypted here. */
export type MerchantUserRecord = {
  id: string;
  merchantId: string;
  displayName: string;
  mobileEnc: string | null;
  role: MerchantRole | null;
  storeId: string | null;
  disabledAt: Date | null;
  lockedAt: Date | null;
  lastLoginAt: Date | null;
  passwordSetAt: Date | null;
  mustChangePassword: boolean;
  mfaEnabled: boolean;
  createdAt: Date;
};

async function toMerchantUserRecords(db: Db, rows: UserRow[]): Promise<MerchantUserRecord[]> {
  const roles = await rolesOf(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    id: row.id,
    merchantId: row.merchantId ?? '',
    displayName: row.displayName,
    mobileEnc: row.mobileEnc,
    role: roles.get(row.id)?.find(isMerchantRole) ?? null,
    storeId: row.storeId,
    disabledAt: row.disabledAt,
    lockedAt: row.lockedAt,
    lastLoginAt: row.lastLoginAt,
    passwordSetAt: row.passwordSetAt,
    mustChangePassword: row.mustChangePassword,
    mfaEnabled: row.mfaEnabledAt !== null,
    createdAt: row.createdAt,
  }));
}

/** The users of one merchant in the order they were added (the owner first), a page at a time. */
export async function listMerchantUsers(
  db: Db,
  merchantId: string,
  page: { limit: number; startingAfter?: string | undefined },
): Promise<{ data: MerchantUserRecord[]; hasMore: boolean }> {
  const rows = await db
    .select()
    .from(users)
    .where(
      and(
        eq(users.realm, 'merchant'),
        eq(users.merchantId, merchantId),
        page.startingAfter ? gt(users.id, page.startingAfter) : undefined,
      ),
    )
    .orderBy(asc(users.id))
    .limit(page.limit + 1);
  const { data, hasMore } = toPage(rows, page.limit);
  return { data: await toMerchantUserRecords(db, data), hasMore };
}

/** One user of the given merchant, or undefined: a user of another merchant is not found. */
export async function findMerchantUser(
  db: Db,
  merchantId: string,
  userId: string,
  options: { forUpdate?: boolean } = {},
): Promise<MerchantUserRecord | undefined> {
  const query = db
    .select()
    .from(users)
    .where(
      and(eq(users.id, userId), eq(users.realm, 'merchant'), eq(users.merchantId, merchantId)),
    );
  const rows = options.forUpdate ? await query.for('update') : await query;
  const [record] = await toMerchantUserRecords(db, rows);
  return record;
}

/**
 * Changes a merchant user's name, role, store or whether they may log in. Disabling ends
 * every session at once, so a dismissed cashier cannot keep using an open till.
 */
export async function updateMerchantUser(
  tx: Db,
  clock: Clock,
  userId: string,
  changes: {
    displayName?: string;
    role?: MerchantRole;
    storeId?: string | null;
    disabled?: boolean;
  },
): Promise<void> {
  const now = clock.now();
  await tx
    .update(users)
    .set({
      updatedAt: now,
      ...(changes.displayName !== undefined ? { displayName: changes.displayName } : {}),
      ...(changes.storeId !== undefined ? { storeId: changes.storeId } : {}),
      ...(changes.disabled !== undefined ? { disabledAt: changes.disabled ? now : null } : {}),
    })
    .where(and(eq(users.id, userId), eq(users.realm, 'merchant')));
  if (changes.role) {
    await tx.delete(userRoles).where(eq(userRoles.userId, userId));
    await tx.insert(userRoles).values({ userId, role: changes.role });
  }
  if (changes.disabled) await revokeSessions(tx, clock, userId);
}

/**
 * A fresh second-factor step for a sensitive action (a settlement account change): the
 * caller's current TOTP code, never one accepted before. Runs in the action's transaction, so
 * the code is spent only when the action commits; a wrong code throws `mfa_code_invalid`,
 * which the caller counts with `countFailedStepUp` after the transaction rolled back.
 */
export async function verifyStepUpCode(
  tx: Db,
  deps: { clock: Clock; encryptor: Encryptor },
  userId: string,
  code: string,
): Promise<void> {
  const [user] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
  if (!user) throw new AppError('authentication_required');
  if (!user.mfaEnabledAt || !user.mfaSecretEnc) {
    throw new AppError('step_up_required', { param: 'mfaCode' });
  }
  const step = await checkTotp(
    deps.encryptor.decrypt(user.mfaSecretEnc),
    code,
    deps.clock,
    user.mfaLastStep,
  );
  if (step === null) throw new AppError('mfa_code_invalid', { param: 'mfaCode' });
  // The step only moves forward, so the same code presented twice at once passes only once.
  const [spent] = await tx
    .update(users)
    .set({ mfaLastStep: step, failedAttempts: 0 })
    .where(and(eq(users.id, userId), or(isNull(users.mfaLastStep), lt(users.mfaLastStep, step))))
    .returning({ id: users.id });
  if (!spent) throw new AppError('mfa_code_invalid', { param: 'mfaCode' });
}

/**
 * Counts a wrong step-up code like a wrong login code, so guessing locks the account; returns
 * the error to answer with (`mfa_code_invalid`, or `account_locked` at the limit).
 */
export async function countFailedStepUp(
  db: Db,
  deps: { clock: Clock; config: Config },
  actor: Actor,
  userId: string,
): Promise<AppError> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) return new AppError('authentication_required');
  const error = await recordFailedAttempt(
    db,
    deps.clock,
    user,
    actor,
    deps.config.loginMaxFailedAttempts,
    'mfa_code',
  );
  return error.code === 'mfa_code_invalid'
    ? new AppError('mfa_code_invalid', { param: 'mfaCode' })
    : error;
}

/** Whether a user has chosen a password yet (a new merchant owner has not). */
export async function hasChosenPassword(db: Db, userId: string): Promise<boolean> {
  const [user] = await db
    .select({ passwordSetAt: users.passwordSetAt })
    .from(users)
    .where(eq(users.id, userId));
  return Boolean(user?.passwordSetAt);
}

/** The ids of every user a merchant has had, for its history. */
export async function merchantUserIds(db: Db, merchantId: string): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.realm, 'merchant'), eq(users.merchantId, merchantId)));
  return rows.map((row) => row.id);
}

/** Turns off every user of a closed merchant; their sessions end at their next request. */
export async function disableMerchantUsers(
  tx: Db,
  clock: Clock,
  merchantId: string,
): Promise<void> {
  const now = clock.now();
  await tx
    .update(users)
    .set({ disabledAt: now, updatedAt: now })
    .where(
      and(eq(users.realm, 'merchant'), eq(users.merchantId, merchantId), isNull(users.disabledAt)),
    );
}
