import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { callerOf, principalOf } from '../../platform/http/route-access.js';
import { pageQuerySchema } from '../../platform/pagination.js';
import type { MerchantDeps } from './deps.js';
import { merchantForCaller } from './merchant-scope.js';
import { listMerchantStaff, merchantUserPageSchema } from './merchant-staff.js';
import { recoverMerchantUser } from './merchant-user-recovery.js';
import { merchantIdParams } from './schemas.js';

/**
 * The bank console's view of a merchant's users, and the counter's help for one who locked
 * themselves out or lost their authenticator.
 */
export function merchantUserRoutes(deps: MerchantDeps): FastifyPluginAsyncZod {
  const { db } = deps;
  const userParams = merchantIdParams.extend({ userId: z.string().max(64) });
  return async (app) => {
    app.get(
      '/api/v1/merchants/:id/users',
      {
        config: { access: { permission: 'merchant:read' } },
        schema: {
          tags: ['merchants'],
          summary: 'The merchant’s portal users: owner, managers and cashiers',
          params: merchantIdParams,
          querystring: pageQuerySchema,
          response: { 200: merchantUserPageSchema },
        },
      },
      async (request) => {
        const merchant = await merchantForCaller(db, principalOf(request), request.params.id);
        return listMerchantStaff(db, deps.encryptor, merchant.id, request.query);
      },
    );

    for (const action of ['unlock', 'reset-mfa'] as const) {
      app.post(
        `/api/v1/merchants/:id/users/:userId/${action}`,
        {
          config: { access: { permission: 'merchant:write' } },
          schema: {
            tags: ['merchants'],
            summary:
              action === 'unlock'
                ? 'Unlock a merchant user locked after too many wrong passwords or codes'
                : 'Clear a merchant user’s authenticator; they enroll again at the next login',
            params: userParams,
            response: { 204: z.null() },
          },
        },
        async (request, reply) => {
          await recoverMerchantUser(deps, callerOf(request), {
            merchantId: request.params.id,
            userId: request.params.userId,
            action,
          });
          return reply.code(204).send(null);
        },
      );
    }
  };
}
