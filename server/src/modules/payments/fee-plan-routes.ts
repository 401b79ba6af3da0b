import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { callerOf } from '../../platform/http/route-access.js';
import type { PaymentDeps } from './deps.js';
import {
  feePlanListSchema,
  feePlanSchema,
  listFeePlans,
  updateFeePlan,
  updateFeePlanBodySchema,
} from './fee-plan-admin.js';

/** The fee plans a reviewer puts a merchant on, and their rates, set by head office. */
export function feePlanRoutes(deps: PaymentDeps): FastifyPluginAsyncZod {
  const { db, clock } = deps;
  return async (app) => {
    app.get(
      '/api/v1/fee-plans',
      {
        config: { access: { permission: 'merchant:read' } },
        schema: {
          tags: ['payments'],
          summary: 'The fee plans and their merchant discount rates (basis points; caps in fen)',
          response: { 200: feePlanListSchema },
        },
      },
      async () => ({ data: await listFeePlans(db) }),
    );
    app.put(
      '/api/v1/fee-plans/:code',
      {
        config: { access: { permission: 'fee_plan:write' } },
        schema: {
          tags: ['payments'],
          summary: 'Set a plan’s rates: every wallet channel, debit and credit cards',
          params: z.object({ code: z.string().max(40) }),
          body: updateFeePlanBodySchema,
          response: { 200: feePlanSchema },
        },
      },
      async (request) => {
        const { actor } = callerOf(request);
        return db.transaction((tx) =>
          updateFeePlan(tx, clock, actor, request.params.code, request.body),
        );
      },
    );
  };
}
