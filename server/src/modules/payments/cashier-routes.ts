import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors/app-error.js';
import { idempotentResource } from '../../platform/http/idempotency.js';
import {
  cashierPaymentView,
  chooseOrderWallet,
  namesOfStore,
  openStoreCodePayment,
  openWallet,
  walletChannels,
} from './cashier.js';
import type { PaymentDeps } from './deps.js';
import { lockPayment } from './payment-transitions.js';
import {
  cashierOrderSchema,
  cashierPayBodySchema,
  cashierPaymentSchema,
  cashierStoreSchema,
} from './schemas.js';
import { storeByCode } from './store-codes.js';

const paymentParams = z.object({ paymentId: z.string().regex(/^pay_[0-9a-z]{26}$/) });

/**
 * The payer's side, without a login: the phone that scanned a store code or an order code.
 * Rate-limited per address; what it shows is only what the printed code already tells (store
 * and merchant names) and the payer's own payment.
 */
export function cashierRoutes(deps: PaymentDeps): FastifyPluginAsyncZod {
  const { db } = deps;
  const publicAccess = {
    access: { permission: 'public' as const },
    rateLimit: { max: 60, timeWindow: 60_000 },
  };
  return async (app) => {
    await app.register(rateLimit, { global: false });
    const paymentOf = (paymentId: string) => db.transaction((tx) => lockPayment(tx, paymentId));
    app.get(
      '/api/v1/cashier/store-codes/:code',
      {
        config: publicAccess,
        schema: {
          tags: ['cashier'],
          summary: 'The store behind a scanned store code',
          params: z.object({ code: z.string().max(16) }),
          response: { 200: cashierStoreSchema },
        },
      },
      async (request) => {
        const store = await storeByCode(db, request.params.code);
        return {
          code: store.code,
          storeName: store.storeName,
          merchantName: store.merchantName,
          channels: walletChannels,
        };
      },
    );
    app.post(
      '/api/v1/cashier/store-codes/:code/payments',
      {
        config: publicAccess,
        schema: {
          tags: ['cashier'],
          summary: 'Pay a store by its code: the payer’s amount and wallet',
          params: z.object({ code: z.string().max(16) }),
          body: cashierPayBodySchema,
          response: { 201: cashierPaymentSchema },
        },
      },
      async (request, reply) =>
        idempotentResource(
          deps,
          request,
          reply,
          201,
          async (tx) =>
            (await openStoreCodePayment(tx, deps, request.params.code, request.body)).id,
          async (paymentId) => {
            const payment = await paymentOf(paymentId);
            return cashierPaymentView(db, payment, await openWallet(deps, payment));
          },
        ),
    );
    app.get(
      '/api/v1/cashier/orders/:paymentId',
      {
        config: publicAccess,
        schema: {
          tags: ['cashier'],
          summary: 'An order code: its fixed amount, description and expiry',
          params: paymentParams,
          response: { 200: cashierOrderSchema },
        },
      },
      async (request) => {
        const payment = await paymentOf(request.params.paymentId);
        if (payment.method !== 'order_code') throw new AppError('resource_not_found');
        return {
          paymentId: payment.id,
          ...(await namesOfStore(db, payment.storeId)),
          amountFen: payment.amountFen,
          description: payment.description,
          status: payment.status,
          expiresAt: payment.expiresAt?.toISOString() ?? null,
          channels: payment.channel ? [payment.channel] : walletChannels,
        };
      },
    );
    app.post(
      '/api/v1/cashier/orders/:paymentId/pay',
      {
        config: publicAccess,
        schema: {
          tags: ['cashier'],
          summary: 'Pay an order code with a wallet',
          params: paymentParams,
          body: cashierPayBodySchema.omit({ amountFen: true }),
          response: { 200: cashierPaymentSchema },
        },
      },
      async (request) => {
        const payment = await chooseOrderWallet(deps, request.params.paymentId, request.body);
        return cashierPaymentView(db, payment, await openWallet(deps, payment));
      },
    );
    app.get(
      '/api/v1/cashier/payments/:paymentId',
      {
        config: publicAccess,
        schema: {
          tags: ['cashier'],
          summary: 'The payer’s payment, for the result page',
          params: paymentParams,
          response: { 200: cashierPaymentSchema },
        },
      },
      async (request) => cashierPaymentView(db, await paymentOf(request.params.paymentId), null),
    );
  };
}
