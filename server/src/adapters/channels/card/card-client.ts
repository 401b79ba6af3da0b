import { z } from 'zod';
import type { Secret } from '../../../platform/crypto/secret.js';
import {
  type ChannelClient,
  type ChannelNotification,
  type ChannelPaymentResult,
  type ChannelRefundResult,
  NotificationRejected,
} from '../channel-client.js';
import { type ClientDeps, unknown } from '../client-deps.js';
import { type JsonAnswer, signedJsonCall } from '../json-call.js';
import { signedJsonNotificationBody } from '../notification-checks.js';
import {
  cardNotificationSubject,
  cardRequestSubject,
  cardResponseSubject,
  cardSignatureHeaders,
  verifyCardSignature,
} from './card-signing.js';
import { isDigitsOnlyToken, looksLikePan } from './pan-guard.js';

/** The card acquiring host: the terminal reads the card and hands us the host's token only. */
export type CardClientSettings = {
  baseUrl: string;
  keyId: string;
  secret: Secret;
};

const refundNotificationSchema = z.looseObject({
  type: z.literal('refund'),
  orderNo: z.string(),
  refundNo: z.string(),
  refundId: z.string(),
  amountFen: z.number().int().nonnegative(),
  status: z.enum(['SUCCEEDED', 'FAILED']),
});

const panRefused = {
  status: 'failed',
  failureCode: 'pan_refused',
  failureMessage: '拒绝发送疑似完整卡号的数据',
} as const;

export function createCardClient(settings: CardClientSettings, deps: ClientDeps): ChannelClient {
  const secret = () => settings.secret.reveal();

  function call(method: 'GET' | 'POST', path: string, payload?: unknown): Promise<JsonAnswer> {
    return signedJsonCall({
      transport: deps.transport,
      baseUrl: settings.baseUrl,
      method,
      path,
      payload,
      signRequest: (m, pathWithQuery, body) =>
        cardSignatureHeaders(cardRequestSubject(m, pathWithQuery), body, {
          keyId: settings.keyId,
          secret: secret(),
          now: deps.clock.now(),
        }),
      responseIsSigned: (response) =>
        verifyCardSignature(
          cardResponseSubject(response.status),
          response.body,
          response.headers,
          secret(),
        ) !== null,
    });
  }

  function cardDetails(data: Record<string, unknown>) {
    return {
      cardType:
        data.cardType === 'CREDIT'
          ? ('credit' as const)
          : data.cardType === 'DEBIT'
            ? ('debit' as const)
            : undefined,
      cardBin:
        typeof data.cardBin === 'string' && /^\d{6}$/.test(data.cardBin) ? data.cardBin : undefined,
      cardLast4:
        typeof data.cardLast4 === 'string' && /^\d{4}$/.test(data.cardLast4)
          ? data.cardLast4
          : undefined,
    };
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
        failureCode: String(data.responseCode ?? 'FAILED'),
        failureMessage: String(data.message ?? ''),
      };
    }
    return { status: 'pending', channelRefundId: refundId };
  }

  const transactionPath = (orderNo: string) => `/v1/transactions/${encodeURIComponent(orderNo)}`;

  const client: ChannelClient = {
    channel: 'card',

    // A card is presented at a terminal; there is no wallet order to create.
    async createOrder() {
      return unknown('not_supported');
    },

    async payWithAuthCode() {
      return {
        status: 'failed',
        failureCode: 'not_supported',
        failureMessage: '银行卡收单不支持付款码',
      };
    },

    async payWithCardToken(order): Promise<ChannelPaymentResult> {
      if (
        isDigitsOnlyToken(order.cardToken) ||
        looksLikePan(order.cardToken) ||
        looksLikePan(order.description) ||
        looksLikePan(order.terminalId)
      ) {
        return panRefused;
      }
      const authorized = await call('POST', '/v1/authorizations', {
        merchantId: order.channelMerchantId,
        terminalId: order.terminalId,
        orderNo: order.outTradeNo,
        amountFen: order.amountFen,
        cardToken: order.cardToken,
        description: order.description,
      });
      if ('unknown' in authorized) return unknown(authorized.unknown);
      const auth = authorized.data;
      if (authorized.status !== 200)
        return unknown(String(auth.code ?? `http_${authorized.status}`));
      if (auth.result === 'DECLINED') {
        return {
          status: 'failed',
          failureCode: String(auth.responseCode ?? 'declined'),
          failureMessage: String(auth.responseMessage ?? ''),
        };
      }
      if (auth.result !== 'APPROVED' || typeof auth.authorizationId !== 'string') {
        return unknown(`authorization_${String(auth.result)}`);
      }
      // Capture right away: the terminal sale is one step for the payer; a lost capture answer
      // stays unknown and the caller queries or voids.
      const captured = await call(
        'POST',
        `/v1/authorizations/${encodeURIComponent(auth.authorizationId)}/capture`,
        {
          merchantId: order.channelMerchantId,
          amountFen: order.amountFen,
        },
      );
      if ('unknown' in captured) return unknown(captured.unknown);
      if (captured.status !== 200 || captured.data.result !== 'CAPTURED') {
        return unknown(
          String(captured.data.code ?? captured.data.result ?? `http_${captured.status}`),
        );
      }
      return {
        status: 'succeeded',
        channelTransactionId: String(captured.data.transactionId ?? ''),
        payerRef: order.cardToken,
        ...cardDetails(auth),
      };
    },

    async query(outTradeNo, channelMerchantId) {
      const answer = await call(
        'GET',
        `${transactionPath(outTradeNo)}?${new URLSearchParams({ merchantId: channelMerchantId })}`,
      );
      if ('unknown' in answer) return unknown(answer.unknown);
      const { data } = answer;
      if (answer.status !== 200) return unknown(String(data.code ?? `http_${answer.status}`));
      switch (data.status) {
        case 'CAPTURED':
          return {
            status: 'succeeded',
            channelTransactionId: String(data.transactionId ?? ''),
            payerRef: typeof data.cardToken === 'string' ? data.cardToken : undefined,
            ...cardDetails(data),
          };
        case 'DECLINED':
          return {
            status: 'failed',
            failureCode: String(data.responseCode ?? 'declined'),
            failureMessage: '',
          };
        case 'VOIDED':
          return { status: 'closed' };
        default:
          return { status: 'pending' };
      }
    },

    async reverse(outTradeNo, channelMerchantId) {
      const answer = await call('POST', `${transactionPath(outTradeNo)}/void`, {
        merchantId: channelMerchantId,
      });
      if ('unknown' in answer) return { reversed: false, reason: answer.unknown };
      return answer.status === 200
        ? { reversed: true }
        : { reversed: false, reason: String(answer.data.code ?? answer.status) };
    },

    // Voiding an authorisation that was never captured is the card host's "close".
    async close(outTradeNo, channelMerchantId) {
      const status = await client.query(outTradeNo, channelMerchantId);
      if (status.status === 'succeeded') return { closed: false, reason: 'paid' };
      if (status.status === 'unknown' && status.reason !== 'TRANSACTION_NOT_FOUND') {
        return { closed: false, reason: status.reason };
      }
      if (status.status === 'unknown') return { closed: true };
      const voided = await client.reverse(outTradeNo, channelMerchantId);
      return voided.reversed ? { closed: true } : { closed: false, reason: voided.reason };
    },

    async refund(request) {
      return refund(
        await call('POST', '/v1/refunds', {
          merchantId: request.channelMerchantId,
          orderNo: request.outTradeNo,
          refundNo: request.outRefundNo,
          amountFen: request.refundFen,
          transactionId: request.channelTransactionId,
          notifyUrl: request.notifyUrl,
        }),
      );
    },

    async queryRefund(outRefundNo, _outTradeNo, channelMerchantId) {
      return refund(
        await call(
          'GET',
          `/v1/refunds/${encodeURIComponent(outRefundNo)}?${new URLSearchParams({ merchantId: channelMerchantId })}`,
        ),
      );
    },

    /** The host notifies refund outcomes only: card payments are answered synchronously. */
    verifyNotification({ headers, rawBody }): ChannelNotification {
      const signedAt = verifyCardSignature(cardNotificationSubject, rawBody, headers, secret());
      const json = signedJsonNotificationBody('card', signedAt, rawBody, deps.clock.now());
      const parsed = refundNotificationSchema.safeParse(json);
      if (!parsed.success) throw new NotificationRejected('card: not a refund notification');
      const n = parsed.data;
      return {
        kind: 'refund',
        outTradeNo: n.orderNo,
        outRefundNo: n.refundNo,
        channelRefundId: n.refundId,
        refundFen: n.amountFen,
        status: n.status === 'SUCCEEDED' ? 'succeeded' : 'failed',
        dedupKey: `card:refund:${n.refundId}:${n.status}`,
      };
    },

    acknowledge(accepted) {
      return accepted
        ? { statusCode: 200, contentType: 'application/json', body: '{"ack":true}' }
        : { statusCode: 500, contentType: 'application/json', body: '{"ack":false}' };
    },
  };
  return client;
}
