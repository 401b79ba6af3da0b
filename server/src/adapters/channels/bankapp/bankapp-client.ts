import { z } from 'zod';
import type { Secret } from '../../../platform/crypto/secret.js';
import {
  type ChannelClient,
  type ChannelNotification,
  type ChannelPaymentResult,
  type ChannelRefundResult,
  NotificationRejected,
} from '../channel-client.js';
import { type ClientDeps, unknown, walletUrl } from '../client-deps.js';
import { type JsonAnswer, signedJsonCall } from '../json-call.js';
import { signedJsonNotificationBody } from '../notification-checks.js';
import { bankappSignatureHeaders, verifyBankappSignature } from './bankapp-signing.js';

/** The bank's own app: JSON in fen, HMAC-SHA256 with a secret shared with the app's backend. */
export type BankappClientSettings = {
  baseUrl: string;
  appId: string;
  secret: Secret;
  walletPageUrl?: string;
};

const notificationSchema = z.discriminatedUnion('type', [
  z.looseObject({
    type: z.literal('payment'),
    eventId: z.string(),
    merchantId: z.string(),
    outTradeNo: z.string(),
    transactionId: z.string(),
    amountFen: z.number().int().nonnegative(),
    status: z.enum(['PAID', 'FAILED', 'CLOSED']),
    payerRef: z.string().optional(),
  }),
  z.looseObject({
    type: z.literal('refund'),
    eventId: z.string(),
    outTradeNo: z.string(),
    outRefundNo: z.string(),
    refundId: z.string(),
    amountFen: z.number().int().nonnegative(),
    status: z.enum(['SUCCEEDED', 'FAILED']),
  }),
]);

export function createBankappClient(
  settings: BankappClientSettings,
  deps: ClientDeps,
): ChannelClient {
  const secret = () => settings.secret.reveal();

  function call(method: 'GET' | 'POST', path: string, payload?: unknown): Promise<JsonAnswer> {
    return signedJsonCall({
      transport: deps.transport,
      baseUrl: settings.baseUrl,
      method,
      path,
      payload,
      signRequest: (m, pathWithQuery, body) =>
        bankappSignatureHeaders({ purpose: 'request', method: m, pathWithQuery }, body, {
          appId: settings.appId,
          secret: secret(),
          now: deps.clock.now(),
        }),
      responseIsSigned: (response) =>
        verifyBankappSignature(
          { purpose: 'response', status: response.status },
          response.body,
          response.headers,
          secret(),
        ) !== null,
    });
  }

  function payment(answer: JsonAnswer): ChannelPaymentResult {
    if ('unknown' in answer) return unknown(answer.unknown);
    const { data } = answer;
    if (answer.status !== 200) return unknown(String(data.code ?? `http_${answer.status}`));
    switch (data.status) {
      case 'PAID':
        return {
          status: 'succeeded',
          channelTransactionId: String(data.transactionId ?? ''),
          payerRef: typeof data.payerRef === 'string' ? data.payerRef : undefined,
          paidAt: typeof data.paidAt === 'string' ? new Date(data.paidAt) : undefined,
        };
      case 'FAILED':
        return {
          status: 'failed',
          failureCode: String(data.failureCode ?? 'FAILED'),
          failureMessage: String(data.failureMessage ?? ''),
        };
      case 'CLOSED':
      case 'REVERSED':
        return { status: 'closed' };
      default:
        return { status: 'pending' };
    }
  }

  function refund(answer: JsonAnswer): ChannelRefundResult {
    if ('unknown' in answer) return unknown(answer.unknown);
    const { data } = answer;
    if (answer.status >= 400) {
      return {
        status: 'failed',
        failureCode: String(data.code ?? `http_${answer.status}`),
        failureMessage: String(data.message ?? ''),
      };
    }
    const refundId = typeof data.refundId === 'string' ? data.refundId : undefined;
    if (data.status === 'SUCCEEDED' && refundId)
      return { status: 'succeeded', channelRefundId: refundId };
    if (data.status === 'FAILED') {
      return {
        status: 'failed',
        failureCode: String(data.failureCode ?? 'FAILED'),
        failureMessage: String(data.failureMessage ?? ''),
      };
    }
    return { status: 'pending', channelRefundId: refundId };
  }

  const orderPath = (outTradeNo: string) => `/v1/orders/${encodeURIComponent(outTradeNo)}`;

  return {
    channel: 'bankapp',

    async createOrder(order) {
      const answer = await call('POST', '/v1/orders', {
        merchantId: order.channelMerchantId,
        outTradeNo: order.outTradeNo,
        amountFen: order.amountFen,
        description: order.description,
        payerRef: order.payerRef,
        notifyUrl: order.notifyUrl,
      });
      if ('unknown' in answer) return unknown(answer.unknown);
      const orderId = answer.data.orderId;
      if (answer.status !== 200 || typeof orderId !== 'string') {
        return unknown(String(answer.data.code ?? `http_${answer.status}`));
      }
      return { prepayId: orderId, walletUrl: walletUrl(settings, orderId) };
    },

    // The bank's app has no customer-presented payment code; one is never routed here.
    async payWithAuthCode() {
      return {
        status: 'failed',
        failureCode: 'not_supported',
        failureMessage: '本行App不支持付款码',
      };
    },

    async query(outTradeNo, channelMerchantId) {
      return payment(
        await call(
          'GET',
          `${orderPath(outTradeNo)}?${new URLSearchParams({ merchantId: channelMerchantId })}`,
        ),
      );
    },

    async reverse(outTradeNo, channelMerchantId) {
      const answer = await call('POST', `${orderPath(outTradeNo)}/reverse`, {
        merchantId: channelMerchantId,
      });
      if ('unknown' in answer) return { reversed: false, reason: answer.unknown };
      return answer.status === 200
        ? { reversed: true }
        : { reversed: false, reason: String(answer.data.code ?? answer.status) };
    },

    async close(outTradeNo, channelMerchantId) {
      const answer = await call('POST', `${orderPath(outTradeNo)}/close`, {
        merchantId: channelMerchantId,
      });
      if ('unknown' in answer) return { closed: false, reason: answer.unknown };
      if (answer.status === 200) return { closed: true };
      return {
        closed: false,
        reason:
          answer.data.code === 'ORDER_PAID' ? 'paid' : String(answer.data.code ?? answer.status),
      };
    },

    async refund(request) {
      return refund(
        await call('POST', '/v1/refunds', {
          merchantId: request.channelMerchantId,
          outTradeNo: request.outTradeNo,
          outRefundNo: request.outRefundNo,
          amountFen: request.refundFen,
          transactionId: request.channelTransactionId,
          reason: request.reason,
          notifyUrl: request.notifyUrl,
        }),
      );
    },

    async queryRefund(outRefundNo, outTradeNo, channelMerchantId) {
      const query = new URLSearchParams({ merchantId: channelMerchantId, outTradeNo });
      return refund(await call('GET', `/v1/refunds/${encodeURIComponent(outRefundNo)}?${query}`));
    },

    verifyNotification({ headers, rawBody }): ChannelNotification {
      const signedAt = verifyBankappSignature(
        { purpose: 'notification' },
        rawBody,
        headers,
        secret(),
      );
      const json = signedJsonNotificationBody('bankapp', signedAt, rawBody, deps.clock.now());
      const parsed = notificationSchema.safeParse(json);
      if (!parsed.success) throw new NotificationRejected('bankapp: not a notification');
      const n = parsed.data;
      if (n.type === 'refund') {
        return {
          kind: 'refund',
          outTradeNo: n.outTradeNo,
          outRefundNo: n.outRefundNo,
          channelRefundId: n.refundId,
          refundFen: n.amountFen,
          status: n.status === 'SUCCEEDED' ? 'succeeded' : 'failed',
          dedupKey: `bankapp:refund:${n.refundId}:${n.status}`,
        };
      }
      return {
        kind: 'payment',
        outTradeNo: n.outTradeNo,
        channelTransactionId: n.transactionId,
        channelMerchantId: n.merchantId,
        amountFen: n.amountFen,
        status: n.status === 'PAID' ? 'succeeded' : n.status === 'FAILED' ? 'failed' : 'closed',
        payerRef: n.payerRef,
        dedupKey: `bankapp:payment:${n.transactionId}:${n.status}`,
      };
    },

    acknowledge(accepted) {
      return accepted
        ? { statusCode: 200, contentType: 'application/json', body: '{"result":"OK"}' }
        : { statusCode: 500, contentType: 'application/json', body: '{"result":"RETRY"}' };
    },
  };
}
