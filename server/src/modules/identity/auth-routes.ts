import rateLimit from '@fastify/rate-limit';
import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.js';
import { actorOf } from '../../platform/auth/principal.js';
import type { Clock } from '../../platform/clock.js';
import type { Encryptor } from '../../platform/crypto/encryption.js';
import { sha256Hex } from '../../platform/crypto/tokens.js';
import type { Db } from '../../platform/db/database.js';
import { callerOf } from '../../platform/http/route-access.js';
import { changePassword } from './change-password.js';
import { login } from './login.js';
import { describeMe, switchOrgNode } from './me.js';
import { redeemSetupCode } from './merchant-users.js';
import { confirmMfaEnrollment, startMfaEnrollment, verifyMfa } from './mfa.js';
import {
  changePasswordBodySchema,
  loginBodySchema,
  loginReplySchema,
  meSchema,
  mfaConfirmBodySchema,
  mfaEnrollmentSchema,
  mfaVerifyBodySchema,
  setupPasswordBodySchema,
} from './schemas.js';
import { clearSessionCookie, sessionCookie, setSessionCookie } from './sessions.js';
import { sessions } from './tables.js';

type Deps = { db: Db; clock: Clock; config: Config; encryptor: Encryptor };

/** Login, logout, the second factor and the user's own account. */
export function authRoutes(deps: Deps): FastifyPluginAsyncZod {
  const loginStep = { duringLoginSteps: true } as const;
  return async (app) => {
    // Password guessing is slowed per address here and stopped per account by the lockout.
    await app.register(rateLimit, { max: 30, timeWindow: '1 minute', global: false });

    app.post(
      '/api/v1/auth/login',
      {
        config: {
          access: { permission: 'public' },
          rateLimit: { max: 30, timeWindow: '1 minute' },
        },
        schema: {
          tags: ['auth'],
          summary: 'Log in with username and password',
          body: loginBodySchema,
          response: { 200: loginReplySchema },
        },
      },
      async (request, reply) => {
        const result = await login(deps, {
          ...request.body,
          actor: actorOf(null, request),
          userAgent: request.headers['user-agent'],
        });
        setSessionCookie(request, reply, result.token, deps.config);
        return { next: result.next, csrfToken: result.csrfToken };
      },
    );
    app.post(
      '/api/v1/merchant-auth/setup-password',
      {
        config: {
          access: { permission: 'public' },
          rateLimit: { max: 10, timeWindow: '1 minute' },
        },
        schema: {
          tags: ['auth'],
          summary: 'A new merchant user sets the login password with the one-time setup code',
          body: setupPasswordBodySchema,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await redeemSetupCode(deps.db, deps, { ...request.body, actor: actorOf(null, request) });
        return reply.code(204).send(null);
      },
    );
    app.post(
      '/api/v1/auth/mfa/verify',
      {
        config: {
          access: { permission: 'authenticated', ...loginStep },
          rateLimit: { max: 30, timeWindow: '1 minute' },
        },
        schema: {
          tags: ['auth'],
          summary: 'Pass the second factor with a TOTP or recovery code',
          body: mfaVerifyBodySchema,
          response: { 200: z.object({ next: z.enum(['done', 'change_password']) }) },
        },
      },
      (request) => verifyMfa(deps, callerOf(request), request.body),
    );
    app.post(
      '/api/v1/auth/logout',
      {
        config: { access: { permission: 'authenticated', ...loginStep } },
        schema: { tags: ['auth'], summary: 'End this session' },
      },
      async (request, reply) => {
        const token = request.cookies[sessionCookie];
        if (token)
          await deps.db
            .update(sessions)
            .set({ revokedAt: deps.clock.now() })
            .where(eq(sessions.tokenHash, sha256Hex(token)));
        clearSessionCookie(reply);
        return reply.code(204).send();
      },
    );
    app.get(
      '/api/v1/me',
      {
        config: { access: { permission: 'authenticated', ...loginStep } },
        schema: {
          tags: ['auth'],
          summary: 'The logged-in user and session',
          response: { 200: meSchema },
        },
      },
      (request) => describeMe(deps.db, callerOf(request).principal, deps.config),
    );
    app.post(
      '/api/v1/me/password',
      {
        config: { access: { permission: 'authenticated', ...loginStep } },
        schema: {
          tags: ['auth'],
          summary: 'Change one’s own password',
          body: changePasswordBodySchema,
        },
      },
      async (request, reply) => {
        await changePassword(deps.db, deps.clock, callerOf(request), request.body);
        return reply.code(204).send();
      },
    );
    app.post(
      '/api/v1/me/mfa/enrollment',
      {
        config: { access: { permission: 'authenticated', ...loginStep } },
        schema: {
          tags: ['auth'],
          summary: 'Start (or restart) authenticator enrollment',
          response: { 200: mfaEnrollmentSchema },
        },
      },
      (request) => startMfaEnrollment(deps, callerOf(request)),
    );
    app.post(
      '/api/v1/me/mfa/enrollment/confirm',
      {
        config: { access: { permission: 'authenticated', ...loginStep } },
        schema: {
          tags: ['auth'],
          summary: 'Confirm enrollment with a code; returns recovery codes once',
          body: mfaConfirmBodySchema,
          response: { 200: z.object({ recoveryCodes: z.array(z.string()) }) },
        },
      },
      (request) => confirmMfaEnrollment(deps, callerOf(request), request.body.code),
    );
    app.post(
      '/api/v1/me/org-node',
      {
        config: { access: { permission: 'authenticated' } },
        schema: {
          tags: ['auth'],
          summary: 'Show another node of one’s subtree (org switcher)',
          body: z.strictObject({ orgNodeId: z.string().min(1) }),
          response: { 200: meSchema },
        },
      },
      async (request) => {
        const caller = callerOf(request);
        await switchOrgNode(deps.db, deps.clock, caller, request.body.orgNodeId);
        const refreshed = await deps.db
          .select()
          .from(sessions)
          .where(eq(sessions.id, caller.principal.sessionId));
        const node = refreshed[0]?.currentOrgNodeId ?? caller.principal.scopeOrgNodeId;
        return describeMe(deps.db, { ...caller.principal, scopeOrgNodeId: node }, deps.config);
      },
    );
  };
}
