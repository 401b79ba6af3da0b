import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idempotent } from '../../platform/http/idempotency.js';
import { callerOf, principalOf } from '../../platform/http/route-access.js';
import { pageQuerySchema } from '../../platform/pagination.js';
import type { MerchantDeps } from '../merchants/index.js';
import { listBuyers } from './buyers.js';
import { createMarket } from './create-market.js';
import { marketForStaff } from './market-scope.js';
import {
  buyerPageSchema,
  createMarketSchema,
  marketDetailSchema,
  marketIdParams,
  marketListQuerySchema,
  marketPageSchema,
  marketSchema,
  merchantMarketsSchema,
  updateMarketSchema,
} from './schemas.js';
import { listMarkets, marketDetail, merchantMarkets } from './staff-market-queries.js';
import { updateMarket } from './update-market.js';

/** The console's markets: bank staff see and run the markets of their branch subtree. */
export function staffMarketRoutes(deps: MerchantDeps): FastifyPluginAsyncZod {
  const { db } = deps;
  const read = { access: { permission: 'merchant:read' as const } };
  const write = { access: { permission: 'market:write' as const } };
  return async (app) => {
    app.get(
      '/api/v1/markets',
      {
        config: read,
        schema: {
          tags: ['markets'],
          summary: 'Markets run by merchants of the caller’s scope',
          querystring: marketListQuerySchema,
          response: { 200: marketPageSchema },
        },
      },
      (request) => listMarkets(db, principalOf(request), request.query),
    );
    app.post(
      '/api/v1/markets',
      {
        config: write,
        schema: {
          tags: ['markets'],
          summary: 'Open a market for an active market-operator merchant',
          body: createMarketSchema,
          response: { 201: marketSchema },
        },
      },
      (request, reply) =>
        idempotent(deps, request, reply, 201, (tx) =>
          createMarket(tx, deps, callerOf(request), request.body),
        ),
    );
    app.get(
      '/api/v1/markets/:id',
      {
        config: read,
        schema: {
          tags: ['markets'],
          summary: 'One market with its members and buyer count',
          params: marketIdParams,
          response: { 200: marketDetailSchema },
        },
      },
      (request) => marketDetail(db, principalOf(request), request.params.id),
    );
    app.patch(
      '/api/v1/markets/:id',
      {
        config: write,
        schema: {
          tags: ['markets'],
          summary: 'Rename a market, change its commission, close or reopen it',
          params: marketIdParams,
          body: updateMarketSchema,
          response: { 200: marketSchema },
        },
      },
      (request) =>
        db.transaction((tx) =>
          updateMarket(tx, deps, callerOf(request), request.params.id, request.body),
        ),
    );
    app.get(
      '/api/v1/markets/:id/buyers',
      {
        config: read,
        schema: {
          tags: ['markets'],
          summary: 'Buyer members of a market, masked',
          params: marketIdParams,
          querystring: pageQuerySchema,
          response: { 200: buyerPageSchema },
        },
      },
      async (request) => {
        const { market } = await marketForStaff(db, principalOf(request), request.params.id);
        return listBuyers(db, deps.encryptor, market.id, request.query);
      },
    );
    app.get(
      '/api/v1/merchants/:id/markets',
      {
        config: read,
        schema: {
          tags: ['markets'],
          summary: 'The markets a merchant belongs to and the markets it runs',
          params: marketIdParams,
          response: { 200: merchantMarketsSchema },
        },
      },
      (request) => merchantMarkets(db, principalOf(request), request.params.id),
    );
  };
}
