import { z } from 'zod';
import {
  cardNotificationSubject,
  cardRequestSubject,
  cardResponseSubject,
  cardSignatureHeaders,
  verifyCardSignature,
} from '../../adapters/channels/card/card-signing.js';
import { isDigitsOnlyToken, looksLikePan } from '../../adapters/channels/card/pan-guard.js';
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

type CardKeys = SimulatorKeys['card'];

/** The acquiring host notifies refund outcomes only, retrying for about two hours. */
export const cardRetryDelaysMs = [30_000, 120_000, 600_000, 1_800_000, 3_600_000] as const;

const requestSkewMs = 5 * 60_000;

/**
 * Tokens the simulated terminal hands out: `ctk_` and at least 8 letters or digits. A token
 * containing "CRED" is a credit card, one containing "DECL" is declined (51, insufficient funds).
 */
const cardTokenPattern = /^ctk_[A-Za-z0-9]{8,64}$/;

const transactionStatus = (order: SimOrder) =>
  ({
    created: 'PENDING',
    userpaying: 'PENDING',
    authorized: 'AUTHORIZED',
    paid: 'CAPTURED',
    failed: 'DECLINED',
    closed: 'VOIDED',
    reversed: 'VOIDED',
  })[order.status];

function cardFields(order: SimOrder) {
  return order.card
    ? {
        cardType: order.card.type === 'credit' ? 'CREDIT' : 'DEBIT',
        cardBin: order.card.bin,
        cardLast4: order.card.last4,
        cardToken: order.card.token,
      }
    : {};
}

function refundJson(refund: SimRefund) {
  return {
    refundId: refund.refundId,
    orderNo: refund.outTradeNo,
    refundNo: refund.outRefundNo,
    amountFen: refund.amountFen,
    status: { processing: 'ACCEPTED', succeeded: 'SUCCEEDED', failed: 'FAILED' }[refund.status],
  };
}

function cardNotificationFormat(keys: CardKeys, clock: Clock): NotificationFormat {
  return {
    retryDelaysMs: cardRetryDelaysMs,
    notifies: (event) => event.kind === 'refund',
    render(event, { spoil }) {
      if (event.kind !== 'refund') throw new Error('the card host notifies refunds only');
      const message = (deltaFen: number) =>
        JSON.stringify({
          type: 'refund',
          ...refundJson(event.refund),
          amountFen: event.refund.amountFen + deltaFen,
        });
      return signedJsonNotification(message, spoil, (signed) =>
        cardSignatureHeaders(cardNotificationSubject, signed, {
          keyId: keys.keyId,
          secret: keys.secret,
          now: clock.now(),
        }),
      );
    },
    isAcknowledged: (reply) => reply.statusCode === 200,
  };
}

const authorizeSchema = z.strictObject({
  merchantId: z.string().min(1),
  terminalId: z.string().min(1).max(32),
  orderNo: z.string().min(1).max(64),
  amountFen: z.number().int().positive(),
  cardToken: z.string(),
  description: z.string().max(128),
});
const captureSchema = z.strictObject({
  merchantId: z.string().min(1),
  amountFen: z.number().int().positive(),
});
const merchantSchema = z.strictObject({ merchantId: z.string().min(1) });
const refundSchema = z.strictObject({
  merchantId: z.string().min(1),
  orderNo: z.string(),
  refundNo: z.string().min(1).max(64),
  amountFen: z.number().int().positive(),
  transactionId: z.string().nullable().optional(),
  notifyUrl: z.url(),
});

function cardFront(engine: SimulatedChannel, keys: CardKeys): ChannelFront {
  const clock = engine.clock;
  const { reply, error } = signedJsonReplies(engine, (signed, status) =>
    cardSignatureHeaders(cardResponseSubject(status), signed, {
      keyId: keys.keyId,
      secret: keys.secret,
      now: clock.now(),
    }),
  );

  return {
    systemError: () => error(503, 'HOST_UNAVAILABLE', '主机不可用'),

    handleApi(request) {
      const signedAt = verifyCardSignature(
        cardRequestSubject(request.method, request.path),
        request.body,
        request.headers,
        keys.secret,
      );
      if (request.headers['x-acq-key-id'] !== keys.keyId || signedAt === null)
        return error(401, 'BAD_SIGNATURE', '签名错误');
      if (Math.abs(clock.now().getTime() - signedAt) > requestSkewMs)
        return error(401, 'STALE_REQUEST', '请求已过期');
      const { localPath, method } = request;

      if (method === 'POST' && localPath === '/v1/authorizations') {
        const input = parseJsonBody(authorizeSchema, request.body);
        if (!input) return error(400, 'INVALID_REQUEST', '参数错误');
        // The host refuses card numbers in the clear outright, as PCI DSS requires of it.
        if (
          isDigitsOnlyToken(input.cardToken) ||
          looksLikePan(input.cardToken) ||
          looksLikePan(input.description)
        ) {
          return error(400, 'PAN_NOT_ACCEPTED', '不接受明文卡号');
        }
        if (!cardTokenPattern.test(input.cardToken)) {
          return error(400, 'INVALID_TOKEN', '无效的卡令牌');
        }
        const authorized = engine.authorizeCard({ ...input, outTradeNo: input.orderNo });
        if ('error' in authorized) return error(409, 'DUPLICATE_ORDER', '订单号重复');
        const { order } = authorized;
        const declined = order.status === 'failed';
        return reply(200, {
          authorizationId: order.prepayId,
          result: declined ? 'DECLINED' : 'APPROVED',
          responseCode: declined ? (order.failure?.code ?? '05') : '00',
          responseMessage: declined ? (order.failure?.message ?? '') : '批准',
          ...cardFields(order),
          cardToken: undefined,
        });
      }
      const capturePath = /^\/v1\/authorizations\/([^/]+)\/capture$/.exec(localPath);
      if (method === 'POST' && capturePath) {
        const input = parseJsonBody(captureSchema, request.body);
        const order = engine.orderByPrepayId(decodeURIComponent(capturePath[1] as string));
        if (!input || !order || order.merchantId !== input.merchantId)
          return error(404, 'AUTHORIZATION_NOT_FOUND', '授权不存在');
        const captured = engine.captureCard(order.outTradeNo, input.amountFen);
        if ('error' in captured) return error(409, 'NOT_CAPTURABLE', '授权不可请款');
        return reply(200, { result: 'CAPTURED', transactionId: captured.order.transactionId });
      }
      const transactionPath = /^\/v1\/transactions\/([^/]+)(\/void)?$/.exec(localPath);
      if (transactionPath) {
        const orderNo = decodeURIComponent(transactionPath[1] as string);
        if (method === 'GET' && !transactionPath[2]) {
          const order = engine.merchantOrder(orderNo, request.query.get('merchantId'));
          if (!order) return error(404, 'TRANSACTION_NOT_FOUND', '交易不存在');
          return reply(200, {
            orderNo,
            status: transactionStatus(order),
            transactionId: order.transactionId,
            responseCode: order.failure?.code,
            ...cardFields(order),
          });
        }
        const input = method === 'POST' ? parseJsonBody(merchantSchema, request.body) : null;
        if (!input) return error(400, 'INVALID_REQUEST', '参数错误');
        engine.reverse({ outTradeNo: orderNo, merchantId: input.merchantId });
        return reply(200, { result: 'VOIDED' });
      }
      if (method === 'POST' && localPath === '/v1/refunds') {
        const input = parseJsonBody(refundSchema, request.body);
        if (!input) return error(400, 'INVALID_REQUEST', '参数错误');
        const accepted = engine.refund({
          outTradeNo: input.orderNo,
          outRefundNo: input.refundNo,
          amountFen: input.amountFen,
          notifyUrl: input.notifyUrl,
        });
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

export function createCardSimulator(options: SimulatorOptions<CardKeys>) {
  return createChannelSimulator('card', options, {
    idPrefix: 'AQ',
    format: cardNotificationFormat,
    front: cardFront,
  });
}
