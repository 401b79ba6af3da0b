import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idempotent } from '../../platform/http/idempotency.js';
import { callerOf, principalOf } from '../../platform/http/route-access.js';
import { pageQuerySchema } from '../../platform/pagination.js';
import type { MerchantDeps } from './deps.js';
import { merchantForCaller } from './merchant-scope.js';
import { merchantIdParams } from './schemas.js';
import {
  createStore,
  createStoreBodySchema,
  listStores,
  storePageSchema,
  storeSchema,
  updateStore,
  updateStoreBodySchema,
} from './stores.js';

/**
 * The bank console's view of a merchant's stores: staff of the merchant's branch subtree see
 * and manage them; anyone else gets the 404 of merchantForCaller.
 */
export function storeRoutes(deps: MerchantDeps): FastifyPluginAsyncZod {
  const { db, clock } = deps;
  const storeParams = merchantIdParams.extend({ storeId: z.string() });
  return async (app) => {
    app.get(
      '/api/v1/merchants/:id/stores',
      {
        config: { access: { permission: 'merchant:read' } },
        schema: {
          tags: ['merchants'],
          summary: 'The stores of a merchant, in the order they were opened',
          params: merchantIdParams,
          querystring: pageQuerySchema,
          response: { 200: storePageSchema },
        },
      },
      async (request) => {
        const merchant = await merchantForCaller(db, principalOf(request), request.params.id);
        return listStores(db, merchant.id, request.query);
      },
    );
    app.post(
      '/api/v1/merchants/:id/stores',
      {
        config: { access: { permission: 'merchant:write' } },
        schema: {
          tags: ['merchants'],
          summary: 'Open a store for a merchant',
          params: merchantIdParams,
          body: createStoreBodySchema,
          response: { 201: storeSchema },
        },
      },
      (request, reply) =>
        idempotent(deps, request, reply, 201, (tx) =>
          createStore(tx, clock, callerOf(request), request.params.id, request.body),
        ),
    );
    app.patch(
      '/api/v1/merchants/:id/stores/:storeId',
      {
        config: { access: { permission: 'merchant:write' } },
        schema: {
          tags: ['merchants'],
          summary: 'Edit a store: name, region, address, hours or status',
          params: storeParams,
          body: updateStoreBodySchema,
          response: { 200: storeSchema },
        },
      },
      (request) =>
        db.transaction((tx) =>
          updateStore(
            tx,
            clock,
            callerOf(request),
            request.params.id,
            request.params.storeId,
            request.body,
          ),
        ),
    );
  };
}
