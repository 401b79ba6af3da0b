import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { principalOf } from '../../platform/http/route-access.js';
import type { MerchantDeps } from './deps.js';
import { listReferrals, referralListQuerySchema, referralPageSchema } from './referrals.js';

/** The console's referral view: which merchant brought in which. */
export function referralRoutes(deps: Pick<MerchantDeps, 'db'>): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/referrals',
      {
        config: { access: { permission: 'merchant:read' } },
        schema: {
          tags: ['merchants'],
          summary: 'Who referred whom, among the merchants of the caller’s scope',
          querystring: referralListQuerySchema,
          response: { 200: referralPageSchema },
        },
      },
      (request) => listReferrals(deps.db, principalOf(request), request.query),
    );
  };
}
