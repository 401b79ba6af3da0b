import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idempotent } from '../../platform/http/idempotency.js';
import { callerOf, principalOf } from '../../platform/http/route-access.js';
import { pageQuerySchema } from '../../platform/pagination.js';
import {
  apiKeyPageSchema,
  apiKeySchema,
  createApiKeyBodySchema,
  createdApiKeySchema,
  createMerchantApiKey,
  listMerchantApiKeys,
  revokeMerchantApiKey,
} from '../identity/index.js';
import type { MerchantDeps } from './deps.js';
import { merchantForChange, portalMerchantId } from './merchant-for-change.js';
import { merchantForCaller, merchantScopePath } from './merchant-scope.js';

/**
 * The owner's secret API keys, with which the merchant's own systems call the API (`Bearer`).
 * Identity keeps the keys; these routes live here because they resolve the caller's merchant
 * (its status and branch path for the audit record), and merchants may import identity but not
 * the reverse. The merchant always comes from the session, never from the URL.
 */
export function apiKeyRoutes(deps: MerchantDeps): FastifyPluginAsyncZod {
  const { db, clock } = deps;
  const tags = ['merchant portal'];
  const access = { access: { permission: 'portal:api_keys' as const } };
  return async (app) => {
    app.get(
      '/api/v1/portal/api-keys',
      {
        config: access,
        schema: {
          tags,
          summary: 'The merchant’s API keys, active and revoked, newest first; never the secrets',
          querystring: pageQuerySchema,
          response: { 200: apiKeyPageSchema },
        },
      },
      (request) => listMerchantApiKeys(db, portalMerchantId(principalOf(request)), request.query),
    );

    app.post(
      '/api/v1/portal/api-keys',
      {
        config: access,
        schema: {
          tags,
          summary: 'Create a secret API key; the secret is in this reply only',
          body: createApiKeyBodySchema,
          response: { 201: createdApiKeySchema },
        },
      },
      async (request, reply) => {
        const caller = callerOf(request);
        // The secret leaves by this closure, not in the reply idempotent() stores, so it is
        // kept nowhere; a replay answers the key with a null secret.
        let secret: string | null = null;
        const stored = await idempotent(deps, request, reply, 201, async (tx) => {
          const merchant = await merchantForChange(
            tx,
            caller.principal,
            portalMerchantId(caller.principal),
          );
          const created = await createMerchantApiKey(
            tx,
            clock,
            caller,
            { id: merchant.id, scopePath: await merchantScopePath(tx, merchant) },
            request.body,
          );
          secret = created.secret;
          return { key: created.key };
        });
        reply.header('Cache-Control', 'no-store');
        return { key: stored.key, secret };
      },
    );

    app.post(
      '/api/v1/portal/api-keys/:id/revoke',
      {
        config: access,
        schema: {
          tags,
          summary: 'Revoke a key: the next request with it is refused; revoking twice is harmless',
          params: z.object({ id: z.string().min(1).max(64) }),
          response: { 200: apiKeySchema },
        },
      },
      (request) => {
        const caller = callerOf(request);
        return db.transaction(async (tx) => {
          // Revoking works whatever the merchant's status: a closed merchant's keys can go too.
          const merchant = await merchantForCaller(
            tx,
            caller.principal,
            portalMerchantId(caller.principal),
          );
          return revokeMerchantApiKey(
            tx,
            clock,
            caller,
            { id: merchant.id, scopePath: await merchantScopePath(tx, merchant) },
            request.params.id,
          );
        });
      },
    );
  };
}
