import { z } from 'zod';
import {
  bankappSignatureHeaders,
  verifyBankappSignature,
} from '../../adapters/channels/bankapp/bankapp-signing.js';
import type { Clock } from '../../platform/clock.js';
import { createChannelSimulator, type SimulatorOptions } from '../engine/channel-simulator.js';
import { parseJsonBody, signedJsonNotification, signedJsonReplies } from '../engine/json-front.js';
import type {
  NotificationFormat,
  SimOrder,
  SimRefund,
  SimulatedChannel,
} from '../engine/simulated-channel.js';
import type { ChannelFront } from '../engine/simulator-handler.js';
import type { SimulatorKeys } from '../simulator-keys.js';

type BankappKeys = SimulatorKeys['bankapp'];

/** The bank's app backend retries for about 9 hours; this plan is the bank's own. */
export const bankappRetryDelaysMs = [
  10_000, 30_000, 60_000, 300_000, 900_000, 3_600_000, 7_200_000, 21_600_000,
] as const;

const requestSkewMs = 5 * 60_000;

const orderStatus = (order: SimOrder) =>
  ({
    created: 'CREATED',
    userpaying: 'PAYING',
    authorized: 'PAYING',
    paid: 'PAID',
    failed: 'FAILED',
    closed: 'CLOSED',
    reversed: 'REVERSED',
  })[order.status];
const refundStatus = (refund: SimRefund) =>
  ({ processing: 'PROCESSING', succeeded: 'SUCCEEDED', failed: 'FAILED' })[refund.status];

function orderJson(order: SimOrder) {
  return {
    orderId: order.prepayId,
    merchantId: order.merchantId,
    outTradeNo: order.outTradeNo,
    amountFen: order.amountFen,
    status: orderStatus(order),
    transactionId: order.transactionId,
    payerRef: order.payerRef,
    paidAt: order.paidAt?.toISOString(),
    failureCode: order.failure?.code,
    failureMessage: order.failure?.message,
  };
}

function refundJson(refund: SimRefund) {
  return {
    refundId: refund.refundId,
    outTradeNo: refund.outTradeNo,
    outRefundNo: refund.outRefundNo,
    amountFen: refund.amountFen,
    status: refundStatus(refund),
  };
}

function bankappNotificationFormat(keys: BankappKeys, clock: Clock): NotificationFormat {
  return {
    retryDelaysMs: bankappRetryDelaysMs,
    notifies: (event) => event.kind === 'refund' || event.order.status === 'paid',
    render(event, { notificationId, spoil }) {
      const message = (deltaFen: number) =>
        JSON.stringify(
          event.kind === 'payment'
            ? {
                type: 'payment',
                eventId: notificationId,
                merchantId: event.order.merchantId,
                outTradeNo: event.order.outTradeNo,
                transactionId: event.order.transactionId,
                amountFen: event.order.amountFen + deltaFen,
                status: orderStatus(event.order),
                payerRef: event.order.payerRef,
              }
            : {
                type: 'refund',
                eventId: notificationId,
                ...refundJson(event.refund),
                amountFen: event.refund.amountFen + deltaFen,
              },
        );
      return signedJsonNotification(message, spoil, (signed) =>
        bankappSignatureHeaders({ purpose: 'notification' }, signed, {
          appId: keys.appId,
          secret: keys.secret,
          now: clock.now(),
        }),
      );
    },
    isAcknowledged: (reply) => reply.statusCode === 200,
  };
}

const createSchema = z.strictObject({
  merchantId: z.string().min(1),
  outTradeNo: z.string().min(1).max(64),
  amountFen: z.number().int().positive(),
  description: z.string().max(128),
  payerRef: z.string().optional(),
  notifyUrl: z.url(),
});
const merchantSchema = z.strictObject({ merchantId: z.string().min(1) });
const refundSchema = z.strictObject({
  merchantId: z.string().min(1),
  outTradeNo: z.string(),
  outRefundNo: z.string().min(1).max(64),
  amountFen: z.number().int().positive(),
  transactionId: z.string().nullable().optional(),
  reason: z.string().nullable().optional(),
  notifyUrl: z.url(),
});

function bankappFront(engine: SimulatedChannel, keys: BankappKeys): ChannelFront {
  const clock = engine.clock;
  const { reply, error } = signedJsonReplies(engine, (signed, status) =>
    bankappSignatureHeaders({ purpose: 'response', status }, signed, {
      appId: keys.appId,
      secret: keys.secret,
      now: clock.now(),
    }),
  );

  return {
    systemError: () => error(503, 'SYSTEM_BUSY', '系统繁忙'),

    handleApi(request) {
      const signedAt = verifyBankappSignature(
        { purpose: 'request', method: request.method, pathWithQuery: request.path },
        request.body,
        request.headers,
        keys.secret,
      );
      if (request.headers['x-bank-app-id'] !== keys.appId || signedAt === null)
        return error(401, 'BAD_SIGNATURE', '签名错误');
      if (Math.abs(clock.now().getTime() - signedAt) > requestSkewMs)
        return error(401, 'STALE_REQUEST', '请求已过期');
      const { localPath, method } = request;

      if (method === 'POST' && localPath === '/v1/orders') {
        const input = parseJsonBody(createSchema, request.body);
        if (!input) return error(400, 'INVALID_REQUEST', '参数错误');
        const created = engine.createWalletOrder({ ...input, outTradeNo: input.outTradeNo });
        if ('error' in created) return error(409, 'DUPLICATE_ORDER', '订单号重复');
        return reply(200, orderJson(created.order));
      }
      const orderPath = /^\/v1\/orders\/([^/]+)(\/reverse|\/close)?$/.exec(localPath);
      if (orderPath) {
        const outTradeNo = decodeURIComponent(orderPath[1] as string);
        if (method === 'GET' && !orderPath[2]) {
          const order = engine.merchantOrder(outTradeNo, request.query.get('merchantId'));
          if (!order) return error(404, 'ORDER_NOT_FOUND', '订单不存在');
          return reply(200, orderJson(order));
        }
        const input = method === 'POST' ? parseJsonBody(merchantSchema, request.body) : null;
        if (!input) return error(400, 'INVALID_REQUEST', '参数错误');
        if (orderPath[2] === '/reverse')
          return reply(
            200,
            orderJson(engine.reverse({ outTradeNo, merchantId: input.merchantId }).order),
          );
        const closed = engine.close(outTradeNo);
        if ('error' in closed) {
          return closed.error === 'paid'
            ? error(409, 'ORDER_PAID', '订单已支付')
            : error(404, 'ORDER_NOT_FOUND', '订单不存在');
        }
        return reply(200, orderJson(closed.order));
      }
      if (method === 'POST' && localPath === '/v1/refunds') {
        const input = parseJsonBody(refundSchema, request.body);
        if (!input) return error(400, 'INVALID_REQUEST', '参数错误');
        const accepted = engine.refund({ ...input, outTradeNo: input.outTradeNo });
        if ('error' in accepted)
          return error(
            accepted.error === 'order_not_found' ? 404 : 409,
            accepted.error.toUpperCase(),
            accepted.error,
          );
        return reply(200, refundJson(accepted.refund));
      }
      const refundPath = /^\/v1\/refunds\/([^/]+)$/.exec(localPath);
      if (method === 'GET' && refundPath) {
        const refund = engine.refundByNo(decodeURIComponent(refundPath[1] as string));
        if (!refund) return error(404, 'REFUND_NOT_FOUND', '退款不存在');
        return reply(200, refundJson(refund));
      }
      return error(404, 'NOT_FOUND', '接口不存在');
    },
  };
}

export function createBankappSimulator(options: SimulatorOptions<BankappKeys>) {
  return createChannelSimulator('bankapp', options, {
    idPrefix: 'BA',
    format: bankappNotificationFormat,
    front: bankappFront,
  });
}
