import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idempotent } from '../../platform/http/idempotency.js';
import { callerOf } from '../../platform/http/route-access.js';
import {
  accountChangeParams,
  cancelAccountChange,
  countStepUpFailure,
  merchantAccountChangeParams,
  requestAccountChange,
  requestAccountChangeBodySchema,
} from './account-change.js';
import type { MerchantDeps } from './deps.js';
import { portalMerchantId } from './merchant-for-change.js';
import { accountChangeSchema } from './schemas.js';

/** Settlement account changes: the owner asks in the portal; the owner or the branch cancels. */
export function accountChangeRoutes(deps: MerchantDeps): FastifyPluginAsyncZod {
  const { db } = deps;
  return async (app) => {
    app.post(
      '/api/v1/portal/account-changes',
      {
        config: { access: { permission: 'portal:account' } },
        schema: {
          tags: ['merchant portal'],
          summary:
            'Ask to settle to another account, with a fresh authenticator code; it takes effect after the hold',
          body: requestAccountChangeBodySchema,
          response: { 201: accountChangeSchema },
        },
      },
      async (request, reply) => {
        const caller = callerOf(request);
        try {
          return await idempotent(deps, request, reply, 201, (tx) =>
            requestAccountChange(
              tx,
              deps,
              caller,
              portalMerchantId(caller.principal),
              request.body,
            ),
          );
        } catch (error) {
          throw await countStepUpFailure(deps, caller, error);
        }
      },
    );
    app.post(
      '/api/v1/portal/account-changes/:changeId/cancel',
      {
        config: { access: { permission: 'portal:account' } },
        schema: {
          tags: ['merchant portal'],
          summary: 'Cancel the pending settlement account change',
          params: accountChangeParams,
          response: { 200: accountChangeSchema },
        },
      },
      (request) => {
        const caller = callerOf(request);
        return db.transaction((tx) =>
          cancelAccountChange(
            tx,
            deps,
            caller,
            portalMerchantId(caller.principal),
            request.params.changeId,
          ),
        );
      },
    );
    app.post(
      '/api/v1/merchants/:id/account-changes/:changeId/cancel',
      {
        config: { access: { permission: 'merchant:write' } },
        schema: {
          tags: ['merchants'],
          summary: 'The branch cancels a merchant’s pending settlement account change',
          params: merchantAccountChangeParams,
          response: { 200: accountChangeSchema },
        },
      },
      (request) =>
        db.transaction((tx) =>
          cancelAccountChange(
            tx,
            deps,
            callerOf(request),
            request.params.id,
            request.params.changeId,
          ),
        ),
    );
  };
}
