import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';
import { needsMfa, permissionsOf } from '../../platform/auth/permissions.js';
import type { Principal } from '../../platform/auth/principal.js';
import type { Clock } from '../../platform/clock.js';
import { randomToken, sha256Hex } from '../../platform/crypto/tokens.js';
import type { Db } from '../../platform/db/database.js';
import type { Authenticator } from '../../platform/http/route-access.js';
import { newId } from '../../platform/ids.js';
import { findNode, isWithin } from '../orgs/index.js';
import { sessions, userRoles, users } from './tables.js';

export const sessionCookie = 'sf_session';

// Writing last_seen_at on every request would turn reads into writes; a minute's slack in the
// idle timeout is not worth that.
const touchEveryMs = 60_000;

type SessionDeps = { db: Db; clock: Clock; config: Config };

export async function createSession(
  tx: Db,
  deps: SessionDeps,
  input: { userId: string; mfaPassed: boolean; ip: string; userAgent: string | undefined },
): Promise<{ token: string; csrfToken: string }> {
  const now = deps.clock.now();
  const token = randomToken();
  const csrfToken = randomToken();
  await tx.insert(sessions).values({
    tokenHash: sha256Hex(token),
    id: newId('session', now.getTime()),
    userId: input.userId,
    csrfToken,
    mfaPassed: input.mfaPassed,
    ip: input.ip,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + deps.config.sessionAbsoluteMs),
  });
  return { token, csrfToken };
}

export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  config: Config,
): void {
  reply.setCookie(sessionCookie, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    maxAge: Math.floor(config.sessionAbsoluteMs / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(sessionCookie, { path: '/' });
}

/** Ends every session of a user (after a password reset, a lock or an MFA reset), or all but one. */
export async function revokeSessions(
  tx: Db,
  clock: Clock,
  userId: string,
  exceptSessionId?: string,
): Promise<void> {
  const mine = and(eq(sessions.userId, userId), isNull(sessions.revokedAt));
  await tx
    .update(sessions)
    .set({ revokedAt: clock.now() })
    .where(exceptSessionId ? and(mine, ne(sessions.id, exceptSessionId)) : mine);
}

export async function rolesOf(db: Db, userIds: string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return result;
  const rows = await db.select().from(userRoles).where(inArray(userRoles.userId, userIds));
  for (const row of rows) result.get(row.userId)?.push(row.role);
  for (const roles of result.values()) roles.sort();
  return result;
}

/** Reads the session cookie and builds the request's principal, enforcing both timeouts. */
export function sessionAuthenticator(deps: SessionDeps): Authenticator {
  return async (request) => {
    const token = request.cookies[sessionCookie];
    if (!token) return null;
    const [row] = await deps.db
      .select({ session: sessions, user: users })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(eq(sessions.tokenHash, sha256Hex(token)));
    if (!row) return null;
    const { session, user } = row;
    const now = deps.clock.now().getTime();
    const idle = now - session.lastSeenAt.getTime() > deps.config.sessionIdleMs;
    if (
      session.revokedAt ||
      idle ||
      now >= session.expiresAt.getTime() ||
      user.lockedAt ||
      user.disabledAt
    )
      return { expired: true };
    if (now - session.lastSeenAt.getTime() > touchEveryMs) {
      await deps.db
        .update(sessions)
        .set({ lastSeenAt: new Date(now) })
        .where(eq(sessions.tokenHash, session.tokenHash));
    }
    const roles = (await rolesOf(deps.db, [user.id])).get(user.id) ?? [];
    const home = user.orgNodeId ? await findNode(deps.db, user.orgNodeId) : undefined;
    const switchedTo =
      session.currentOrgNodeId && session.currentOrgNodeId !== home?.id
        ? await findNode(deps.db, session.currentOrgNodeId)
        : undefined;
    // The node chosen in the org switcher counts only while it lies in the home subtree: after
    // it or the user moved elsewhere it would widen the scope, so the session falls back home.
    const scopeNode =
      switchedTo && home && isWithin(switchedTo.path, home.path) ? switchedTo : home;
    const principal: Principal = {
      userId: user.id,
      username: user.username,
      realm: user.realm,
      roles,
      permissions: permissionsOf(roles),
      homeOrgNodeId: user.orgNodeId,
      scopeOrgNodeId: scopeNode?.id ?? null,
      scopePath: scopeNode?.path ?? null,
      merchantId: user.merchantId,
      storeId: user.storeId,
      sessionId: session.id,
      csrfToken: session.csrfToken,
      // A user who enrolled MFA always has to pass it; enforcement decides who must enroll.
      mfaRequired: user.mfaEnabledAt !== null || (deps.config.mfaEnforced && needsMfa(roles)),
      mfaPassed: session.mfaPassed,
      mustChangePassword: user.mustChangePassword,
    };
    return { principal };
  };
}
