import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idempotent } from '../../platform/http/idempotency.js';
import { callerOf, principalOf } from '../../platform/http/route-access.js';
import { pageQuerySchema } from '../../platform/pagination.js';
import type { MerchantDeps } from '../merchants/index.js';
import { listBuyers, registerBuyer } from './buyers.js';
import { operatedMarket } from './market-scope.js';
import { listMembers } from './market-views.js';
import { decideMembership, joinMarket, leaveMarket } from './memberships.js';
import { availableMarkets, portalMarketDetail, portalMarkets } from './portal-market-queries.js';
import {
  availableMarketPageSchema,
  buyerPageSchema,
  buyerSchema,
  memberListQuerySchema,
  memberPageSchema,
  portalMarketDetailSchema,
  portalMarketParams,
  portalMarketsSchema,
  portalMembershipParams,
  portalMembershipSchema,
  registerBuyerSchema,
} from './schemas.js';

/**
 * The merchant portal's markets: a merchant asks to join markets and leaves them; a market
 * operator decides on requests and registers buyer members. Everything is within the caller's
 * own merchant: another merchant's market is a 404 unless the caller belongs to it.
 */
export function portalMarketRoutes(deps: MerchantDeps): FastifyPluginAsyncZod {
  const { db } = deps;
  const read = { access: { permission: 'portal:read' as const } };
  const account = { access: { permission: 'portal:account' as const } };
  return async (app) => {
    app.get(
      '/api/v1/portal/markets',
      {
        config: read,
        schema: {
          tags: ['merchant portal'],
          summary: 'The markets the merchant belongs to or asked to join, and those it runs',
          response: { 200: portalMarketsSchema },
        },
      },
      (request) => portalMarkets(db, principalOf(request)),
    );
    app.get(
      '/api/v1/portal/markets/available',
      {
        config: read,
        schema: {
          tags: ['merchant portal'],
          summary: 'Open markets the merchant could ask to join',
          querystring: pageQuerySchema,
          response: { 200: availableMarketPageSchema },
        },
      },
      (request) => availableMarkets(db, principalOf(request), request.query),
    );
    app.get(
      '/api/v1/portal/markets/:marketId',
      {
        config: read,
        schema: {
          tags: ['merchant portal'],
          summary: 'A market the merchant runs or has a membership in',
          params: portalMarketParams,
          response: { 200: portalMarketDetailSchema },
        },
      },
      (request) => portalMarketDetail(db, principalOf(request), request.params.marketId),
    );
    app.post(
      '/api/v1/portal/markets/:marketId/join',
      {
        config: account,
        schema: {
          tags: ['merchant portal'],
          summary: 'Ask to join a market; the operator is notified',
          params: portalMarketParams,
          response: { 201: portalMembershipSchema },
        },
      },
      (request, reply) =>
        idempotent(deps, request, reply, 201, (tx) =>
          joinMarket(tx, deps, callerOf(request), request.params.marketId),
        ),
    );
    app.post(
      '/api/v1/portal/markets/:marketId/leave',
      {
        config: account,
        schema: {
          tags: ['merchant portal'],
          summary: 'Leave a market the merchant belongs to',
          params: portalMarketParams,
          response: { 200: portalMembershipSchema },
        },
      },
      (request) =>
        db.transaction((tx) => leaveMarket(tx, deps, callerOf(request), request.params.marketId)),
    );
    app.get(
      '/api/v1/portal/markets/:marketId/members',
      {
        config: read,
        schema: {
          tags: ['merchant portal'],
          summary: 'Requests to join and members of a market the merchant runs',
          params: portalMarketParams,
          querystring: memberListQuerySchema,
          response: { 200: memberPageSchema },
        },
      },
      async (request) => {
        const market = await operatedMarket(db, principalOf(request), request.params.marketId);
        return listMembers(db, market.id, request.query);
      },
    );
    for (const [action, decision] of [
      ['accept', 'accepted'],
      ['decline', 'declined'],
    ] as const) {
      app.post(
        `/api/v1/portal/markets/:marketId/members/:membershipId/${action}`,
        {
          config: account,
          schema: {
            tags: ['merchant portal'],
            summary: `${action === 'accept' ? 'Accept' : 'Decline'} a request to join; the merchant is notified`,
            params: portalMembershipParams,
            response: { 200: portalMembershipSchema },
          },
        },
        (request) =>
          db.transaction((tx) =>
            decideMembership(tx, deps, callerOf(request), request.params, decision),
          ),
      );
    }
    app.get(
      '/api/v1/portal/markets/:marketId/buyers',
      {
        config: read,
        schema: {
          tags: ['merchant portal'],
          summary: 'Buyer members of a market the merchant runs, masked',
          params: portalMarketParams,
          querystring: pageQuerySchema,
          response: { 200: buyerPageSchema },
        },
      },
      async (request) => {
        const market = await operatedMarket(db, principalOf(request), request.params.marketId);
        return listBuyers(db, deps.encryptor, market.id, request.query);
      },
    );
    app.post(
      '/api/v1/portal/markets/:marketId/buyers',
      {
        config: account,
        schema: {
          tags: ['merchant portal'],
          summary: 'Register a buyer member with name, ID number and bank card',
          params: portalMarketParams,
          body: registerBuyerSchema,
          response: { 201: buyerSchema },
        },
      },
      (request, reply) =>
        idempotent(deps, request, reply, 201, (tx) =>
          registerBuyer(tx, deps, callerOf(request), request.params.marketId, request.body),
        ),
    );
  };
}
