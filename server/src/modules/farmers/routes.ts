import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idempotent, idempotentResource } from '../../platform/http/idempotency.js';
import { callerOf, principalOf } from '../../platform/http/route-access.js';
import { pageQuerySchema } from '../../platform/pagination.js';
import { depositPurchaserFunds } from './deposit-purchaser-funds.js';
import type { FarmerDeps } from './deps.js';
import { listFarmers, registerFarmer } from './farmers.js';
import { purchaseSummary } from './purchase-summary.js';
import { listPurchases } from './purchase-view.js';
import { purchaseVolume } from './purchase-volume.js';
import { purchaserBalanceFen } from './purchaser-funds.js';
import { callerPurchaser } from './purchaser-scope.js';
import { receiptNotFoundHtml, receiptOf, renderReceiptHtml } from './receipt-page.js';
import { payAndShowPurchase, recordPurchase } from './record-purchase.js';
import {
  balanceSchema,
  dayRangeQuerySchema,
  depositParams,
  depositReplySchema,
  depositSchema,
  farmerPageSchema,
  farmerSchema,
  purchaseListQuerySchema,
  purchasePageSchema,
  purchaseSchema,
  purchaseSummarySchema,
  purchaseVolumeSchema,
  receiptParams,
  recordPurchaseSchema,
  registerFarmerSchema,
} from './schemas.js';

/**
 * Farmers paid in the field. The purchaser's portal (owner and manager) registers farmers,
 * records purchases that pay them at once, and sees its purchases and funds; bank staff fund
 * purchasers and see purchase volume by region, within their branch subtree; the farmer opens
 * the receipt link without a login.
 */
export function farmerRoutes(deps: FarmerDeps): FastifyPluginAsyncZod {
  const { db, encryptor, config } = deps;
  const portal = { access: { permission: 'portal:farmers' as const } };
  const tags = ['farmers'];
  return async (app) => {
    app.get(
      '/api/v1/portal/farmers',
      {
        config: portal,
        schema: {
          tags,
          summary: 'The purchaser’s farmers, newest first, masked',
          querystring: pageQuerySchema,
          response: { 200: farmerPageSchema },
        },
      },
      (request) => listFarmers(db, encryptor, principalOf(request), request.query),
    );
    app.post(
      '/api/v1/portal/farmers',
      {
        config: portal,
        schema: {
          tags,
          summary: 'Register a farmer: name, ID number, bank card, village and mobile',
          body: registerFarmerSchema,
          response: { 201: farmerSchema },
        },
      },
      (request, reply) =>
        idempotent(deps, request, reply, 201, (tx) =>
          registerFarmer(tx, deps, callerOf(request), request.body),
        ),
    );
    app.post(
      '/api/v1/portal/farmers/purchases',
      {
        config: portal,
        schema: {
          tags,
          summary:
            'Record a field purchase and pay the farmer now; syncing it again answers the same purchase (200)',
          body: recordPurchaseSchema,
          response: { 200: purchaseSchema, 201: purchaseSchema },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        let created = false;
        const purchase = await idempotentResource(
          deps,
          request,
          reply,
          201,
          async (tx) => {
            const recorded = await recordPurchase(tx, deps, principal, request.body);
            created = recorded.created;
            return recorded.purchaseId;
          },
          (purchaseId) => payAndShowPurchase(deps, principal, purchaseId),
        );
        const replayed = reply.getHeader('Idempotent-Replayed') === 'true';
        if (!created && !replayed) reply.code(200);
        return purchase;
      },
    );
    app.get(
      '/api/v1/portal/farmers/purchases',
      {
        config: portal,
        schema: {
          tags,
          summary: 'The purchaser’s purchases, newest first, by day, farmer and produce',
          querystring: purchaseListQuerySchema,
          response: { 200: purchasePageSchema },
        },
      },
      async (request) => {
        const purchaser = await callerPurchaser(db, principalOf(request));
        return listPurchases(db, encryptor, config, purchaser.id, request.query);
      },
    );
    app.get(
      '/api/v1/portal/farmers/purchases/summary',
      {
        config: portal,
        schema: {
          tags,
          summary: 'Purchase totals over days: by day, by farmer and by produce',
          querystring: dayRangeQuerySchema,
          response: { 200: purchaseSummarySchema },
        },
      },
      (request) => purchaseSummary(db, encryptor, principalOf(request), request.query),
    );
    app.get(
      '/api/v1/portal/farmers/balance',
      {
        config: portal,
        schema: {
          tags,
          summary: 'The purchaser’s funds at the bank, which farmers are paid from',
          response: { 200: balanceSchema },
        },
      },
      async (request) => {
        const purchaser = await callerPurchaser(db, principalOf(request));
        return {
          merchantId: purchaser.id,
          balanceFen: await purchaserBalanceFen(db, purchaser.id),
          currency: 'CNY' as const,
        };
      },
    );
    app.post(
      '/api/v1/merchants/:merchantId/purchaser-funds/deposits',
      {
        config: { access: { permission: 'settlement:run' } },
        schema: {
          tags,
          summary: 'Credit money a produce purchaser paid in to its funds',
          params: depositParams,
          body: depositSchema,
          response: { 201: depositReplySchema },
        },
      },
      (request, reply) =>
        idempotent(deps, request, reply, 201, (tx) =>
          depositPurchaserFunds(
            tx,
            deps,
            callerOf(request),
            request.params.merchantId,
            request.body,
          ),
        ),
    );
    app.get(
      '/api/v1/farmers/purchase-volume',
      {
        config: { access: { permission: 'farmer:read' } },
        schema: {
          tags,
          summary: 'Field purchase volume by the farmers’ county, city and province',
          querystring: dayRangeQuerySchema,
          response: { 200: purchaseVolumeSchema },
        },
      },
      (request) => purchaseVolume(db, principalOf(request), request.query),
    );
    app.get(
      '/r/f/:token',
      {
        config: { access: { permission: 'public' } },
        schema: { hide: true, params: receiptParams },
      },
      async (request, reply) => {
        const receipt = await receiptOf(db, encryptor, config, request.params.token);
        // The link is the farmer's only key: no caching of a status that still changes, and no
        // Referer carrying it to anywhere else.
        reply
          .type('text/html; charset=utf-8')
          .header('Cache-Control', 'no-store')
          .header('Referrer-Policy', 'no-referrer');
        if (!receipt) return reply.code(404).send(receiptNotFoundHtml());
        return reply.send(await renderReceiptHtml(receipt));
      },
    );
  };
}
