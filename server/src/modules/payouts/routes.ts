import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/principal.js';
import type { Db } from '../../platform/db/database.js';
import { callerOf, principalOf } from '../../platform/http/route-access.js';
import type { PayoutDeps } from './deps.js';
import { listPayouts, payoutForCaller } from './list-payouts.js';
import { receivePayoutNotification } from './receive-payout-notification.js';
import { retryPayout } from './retry-payout.js';
import { payoutListQuerySchema, payoutPageSchema, payoutParams, payoutSchema } from './schemas.js';
import { submitPayout } from './submit-payout.js';

/** Payouts for the console (branch-scoped) and the portal (the merchant's own). */
export function payoutRoutes(deps: PayoutDeps): FastifyPluginAsyncZod {
  const { db, encryptor } = deps;
  const readers = { access: { permission: ['settlement:read', 'portal:settlements'] as const } };
  return async (app) => {
    app.get(
      '/api/v1/payouts',
      {
        config: readers,
        schema: {
          tags: ['settlement'],
          summary: 'Payouts of the caller’s scope: settlements and field purchases, newest first',
          querystring: payoutListQuerySchema,
          response: { 200: payoutPageSchema },
        },
      },
      (request) => listPayouts(db, encryptor, principalOf(request), request.query),
    );
    app.get(
      '/api/v1/payouts/:id',
      {
        config: readers,
        schema: {
          tags: ['settlement'],
          summary: 'One payout',
          params: payoutParams,
          response: { 200: payoutSchema },
        },
      },
      (request) => payoutForCaller(db, encryptor, principalOf(request), request.params.id),
    );
    app.post(
      '/api/v1/payouts/:id/retry',
      {
        config: { access: { permission: 'settlement:run' } },
        schema: {
          tags: ['settlement'],
          summary: 'Send a failed payout again, to the merchant’s settlement account as it is now',
          params: payoutParams,
          response: { 200: payoutSchema },
        },
      },
      async (request) => {
        const caller = callerOf(request);
        const retried = await db.transaction((tx: Db) =>
          retryPayout(tx, deps, caller, request.params.id),
        );
        await submitPayout(deps, retried.id);
        return payoutForCaller(db, encryptor, caller.principal, retried.id);
      },
    );
    app.register(async (raw) => {
      // The core bank signs the exact bytes: the body is kept as the string it arrived as.
      raw.removeAllContentTypeParsers();
      raw.addContentTypeParser(
        '*',
        { parseAs: 'string', bodyLimit: 65_536 },
        (_request, body, done) => done(null, body),
      );
      raw.post(
        '/api/v1/corebank/notifications',
        {
          // The core bank authenticates by its signature, which the use case verifies.
          config: { access: { permission: 'public' } },
          schema: {
            tags: ['settlement'],
            summary: 'The core bank’s payout outcome (signed)',
            body: z.unknown(),
          },
        },
        async (request, reply) => {
          const { ack } = await receivePayoutNotification(
            deps,
            {
              headers: request.headers,
              rawBody: typeof request.body === 'string' ? request.body : '',
            },
            actorOf(null, request),
          );
          return reply.code(ack.statusCode).type(ack.contentType).send(ack.body);
        },
      );
    });
  };
}
