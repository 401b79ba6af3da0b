import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Permission } from '../auth/permissions.js';
import { type Actor, actorOf, type Principal } from '../auth/principal.js';
import { AppError } from '../errors/app-error.js';
import type { ErrorCode } from '../errors/codes.js';

/**
 * What a route requires of its caller. Every /api/v1 route must declare one: the app refuses
 * to start otherwise, and a test walks the routes to show it.
 * - `public`: no login (the login form itself).
 * - `authenticated`: any logged-in user.
 * - a permission: a logged-in user whose roles grant it.
 * - a list of permissions: a user holding any of them. A resource that bank staff and merchants
 *   share (`/api/v1/payments`) names the permission of each realm; the use case then scopes the
 *   rows to the caller (branch subtree or own merchant).
 * `duringLoginSteps` lets a half-logged-in session (MFA or a password change pending) through,
 * for the few routes that complete the login.
 */
export type RouteAccess = {
  permission: Permission | readonly Permission[] | 'authenticated' | 'public';
  duringLoginSteps?: boolean;
};

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

/** `refused`: credentials were presented and are no good (a revoked API key), with the code to answer. */
export type AuthenticationResult =
  | { principal: Principal }
  | { expired: true }
  | { refused: ErrorCode }
  | null;

/**
 * The token of an `Authorization: Bearer …` header: undefined without one (other schemes, such
 * as a proxy's Basic login, are not ours), an empty string when the header is Bearer but blank.
 */
export function bearerTokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer(?:\s+(.*))?$/i.exec(header.trim());
  return match ? (match[1] ?? '').trim() : undefined;
}

/** Looks up the caller of a request; the identity module provides it. */
export type Authenticator = (
  request: FastifyRequest,
  reply: FastifyReply,
) => Promise<AuthenticationResult>;

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export type RouteRecord = {
  method: string | string[];
  url: string;
  access: RouteAccess | undefined;
};

/**
 * Refuses, at registration, any /api route without a declared access, and keeps the list of
 * all routes with what they declared so a test can walk it.
 */
export function requireDeclaredAccess(app: FastifyInstance): RouteRecord[] {
  const records: RouteRecord[] = [];
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/') && !route.config?.access) {
      throw new Error(`Route ${route.method} ${route.url} declares no access permission`);
    }
    records.push({ method: route.method, url: route.url, access: route.config?.access });
  });
  return records;
}

export function installAccessGuard(app: FastifyInstance, authenticate: Authenticator): void {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request, reply) => {
    const access = request.routeOptions.config.access;
    if (!access || request.is404) return;
    const result = await authenticate(request, reply);
    request.principal = result && 'principal' in result ? result.principal : null;
    if (access.permission === 'public') return;
    const principal = request.principal;
    if (!principal) {
      if (result && 'refused' in result) throw new AppError(result.refused);
      throw new AppError(
        result && 'expired' in result ? 'session_expired' : 'authentication_required',
      );
    }
    // Only the API-key authenticator sets apiKeyId, and only from the Authorization header; the
    // header is checked here again so the CSRF exemption below can never reach a cookie request.
    const viaApiKey = Boolean(principal.apiKeyId) && bearerTokenOf(request) !== undefined;
    if (principal.apiKeyId && !viaApiKey) throw new AppError('authentication_required');
    // A key is a merchant's system, not a person: the routes open to any logged-in person (me,
    // logout, password, MFA, org switch) are about a user and a session.
    if (viaApiKey && access.permission === 'authenticated') {
      throw new AppError('permission_denied');
    }
    // Cookies ride along on cross-site requests; a write must also carry the token only our
    // own pages can read. A Bearer key is exempt: no browser attaches an Authorization header
    // on its own, and a cross-site page cannot set one without a CORS preflight we never allow.
    if (
      !viaApiKey &&
      !safeMethods.has(request.method) &&
      request.headers['x-csrf-token'] !== principal.csrfToken
    ) {
      throw new AppError('csrf_token_invalid');
    }
    if (!access.duringLoginSteps) {
      if (principal.mfaRequired && !principal.mfaPassed) throw new AppError('mfa_required');
      if (principal.mustChangePassword) throw new AppError('password_change_required');
    }
    if (access.permission !== 'authenticated' && !holdsAny(principal, access.permission)) {
      throw new AppError('permission_denied');
    }
  });
}

function holdsAny(principal: Principal, required: Permission | readonly Permission[]): boolean {
  const anyOf: readonly Permission[] = typeof required === 'string' ? [required] : required;
  return anyOf.some((permission) => principal.permissions.has(permission));
}

/** The principal of a route that declared a permission; the guard has already checked it. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('authentication_required');
  return request.principal;
}

/** The principal and the audit actor of a request, as use cases take them. */
export function callerOf(request: FastifyRequest): { principal: Principal; actor: Actor } {
  const principal = principalOf(request);
  return { principal, actor: actorOf(principal, request) };
}
