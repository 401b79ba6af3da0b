import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idempotentResource, keyClaimOf, replayed } from '../../platform/http/idempotency.js';
import { principalOf } from '../../platform/http/route-access.js';
import { journalsForSources } from '../ledger/index.js';
import { refuseCardNumbers } from './card-number-guard.js';
import { paymentCollector } from './collect-payment.js';
import type { PaymentDeps } from './deps.js';
import { listPayments } from './list-payments.js';
import { paymentForCaller } from './payment-scope.js';
import { toNamedPaymentView, toPaymentView, toPaymentViews, toRefundView } from './payment-view.js';
import { openRefund, refundsOf, submitRefund } from './refund-payment.js';
import {
  createPaymentBodySchema,
  createRefundBodySchema,
  journalListSchema,
  paymentListQuerySchema,
  paymentPageSchema,
  paymentSchema,
  refundListSchema,
  refundSchema,
  todayTotalsSchema,
} from './schemas.js';
import { todayTotals } from './today-totals.js';

const paymentParams = z.object({ id: z.string().min(1).max(64) });

/**
 * Payments as one resource for both audiences: a merchant (portal user or API key) collects and
 * refunds its own; bank staff search and refund within their branch subtree. Each route names
 * the permission of each realm; the scope filter decides which rows a caller reaches.
 */
export function paymentRoutes(deps: PaymentDeps): FastifyPluginAsyncZod {
  const { db, clock, config } = deps;
  const readers = ['payment:read', 'portal:payments'] as const;
  const collector = paymentCollector(deps);
  return async (app) => {
    app.post(
      '/api/v1/payments',
      {
        config: { access: { permission: 'portal:collect' } },
        // Before validation: a full card number anywhere is refused without being echoed.
        preValidation: async (request) => refuseCardNumbers(request.body),
        schema: {
          tags: ['payments'],
          summary: 'Collect a payment: an order code, a customer’s payment code, or a card',
          description:
            'Accepts `Idempotency-Key`. A payment code or card is sent to its channel at once; the reply shows the outcome, or `pending` while the payer confirms (the platform polls and reverses after 30 s).',
          body: createPaymentBodySchema,
          response: { 201: paymentSchema },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        const created = await collector.open({
          claim: keyClaimOf(request),
          statusCode: 201,
          input: { principal, body: request.body },
        });
        if (created.replayed) {
          replayed(reply, created.statusCode);
          return toPaymentView(
            db,
            config,
            await paymentForCaller(db, principal, created.resourceId),
          );
        }
        reply.code(201);
        // The rows in hand after the commit: the reply needs no second read of them.
        const settled = await collector.complete(created.resource, request.body);
        return toNamedPaymentView(config, settled, created.resource.context);
      },
    );
    app.get(
      '/api/v1/payments',
      {
        config: { access: { permission: readers } },
        schema: {
          tags: ['payments'],
          summary:
            'Search payments: staff across the merchants of their scope, merchants their own',
          querystring: paymentListQuerySchema,
          response: { 200: paymentPageSchema },
        },
      },
      async (request) => {
        const page = await listPayments(db, principalOf(request), request.query);
        return { data: await toPaymentViews(db, config, page.data), hasMore: page.hasMore };
      },
    );
    app.get(
      '/api/v1/payments/today',
      {
        config: { access: { permission: ['dashboard:read', 'portal:payments'] } },
        schema: {
          tags: ['payments'],
          summary:
            'Today’s succeeded payments (Asia/Shanghai) by channel and, for staff, by branch',
          response: { 200: todayTotalsSchema },
        },
      },
      async (request) => todayTotals(db, clock, principalOf(request)),
    );
    app.get(
      '/api/v1/payments/:id',
      {
        config: { access: { permission: readers } },
        schema: {
          tags: ['payments'],
          summary: 'One payment',
          params: paymentParams,
          response: { 200: paymentSchema },
        },
      },
      async (request) =>
        toPaymentView(
          db,
          config,
          await paymentForCaller(db, principalOf(request), request.params.id),
        ),
    );
    app.get(
      '/api/v1/payments/:id/journals',
      {
        config: { access: { permission: readers } },
        schema: {
          tags: ['payments'],
          summary: 'The ledger journals of a payment and of its refunds',
          params: paymentParams,
          response: { 200: journalListSchema },
        },
      },
      async (request) => {
        const payment = await paymentForCaller(db, principalOf(request), request.params.id);
        const refundIds = (await refundsOf(db, payment.id)).map((refund) => refund.id);
        return { data: await journalsForSources(db, [payment.id, ...refundIds]) };
      },
    );
    app.get(
      '/api/v1/payments/:id/refunds',
      {
        config: { access: { permission: readers } },
        schema: {
          tags: ['payments'],
          summary: 'The refunds of a payment, oldest first',
          params: paymentParams,
          response: { 200: refundListSchema },
        },
      },
      async (request) => {
        const payment = await paymentForCaller(db, principalOf(request), request.params.id);
        return { data: (await refundsOf(db, payment.id)).map(toRefundView) };
      },
    );
    app.post(
      '/api/v1/payments/:id/refunds',
      {
        config: { access: { permission: ['payment:refund', 'portal:refund'] } },
        schema: {
          tags: ['payments'],
          summary: 'Refund part or all of a payment',
          description:
            'Accepts `Idempotency-Key`; each refund has its own id. Refunds are asynchronous: `pending` until the channel confirms. Their total never exceeds the captured amount.',
          params: paymentParams,
          body: createRefundBodySchema,
          response: { 201: refundSchema },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        return idempotentResource(
          deps,
          request,
          reply,
          201,
          async (tx) => (await openRefund(tx, deps, principal, request.params.id, request.body)).id,
          async (refundId, replayed) => {
            const refund = replayed
              ? (await refundsOf(db, request.params.id)).find((row) => row.id === refundId)
              : await submitRefund(deps, refundId);
            if (!refund) throw new Error(`Refund ${refundId} vanished`);
            return toRefundView(refund);
          },
        );
      },
    );
  };
}
