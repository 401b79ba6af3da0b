import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Secret } from '../../../platform/crypto/secret.js';
import {
  type ChannelClient,
  type ChannelNotification,
  type ChannelOrder,
  type ChannelPaymentResult,
  type ChannelRefundResult,
  NotificationRejected,
} from '../channel-client.js';
import { exchange, headerValue } from '../channel-exchange.js';
import { type ClientDeps, unknown, walletUrl } from '../client-deps.js';
import { rejectStaleNotification } from '../notification-checks.js';
import { verifyRsaSha256 } from '../rsa-sha256.js';
import { statementUnavailable } from '../statement-unavailable.js';
import { decryptWechatResource } from './wechat-resource-cipher.js';
import { wechatAuthorization, wechatResponseSignString } from './wechat-signing.js';

/** A service-provider (服务商) account: the bank is sp_mchid, each merchant a sub_mchid. */
export type WechatClientSettings = {
  baseUrl: string;
  spMchId: string;
  spAppId: string;
  merchantSerialNo: string;
  merchantPrivateKey: Secret;
  platformSerialNo: string;
  platformPublicKeyPem: string;
  apiV3Key: Secret;
  /** Where the cashier sends a payer for a prepay id; the simulator's wallet page by default. */
  walletPageUrl?: string;
};

type Answer = { status: number; data: Record<string, unknown> } | { unknown: string };

/** Error codes after which WeChat has certainly not taken the money. */
const definitePaymentFailures = new Set([
  'NOTENOUGH',
  'AUTH_CODE_INVALID',
  'AUTHCODEEXPIRE',
  'TRADE_ERROR',
  'ORDER_CLOSED',
  'INVALID_REQUEST',
  'PARAM_ERROR',
]);

const transactionSchema = z.looseObject({
  sp_mchid: z.string(),
  sub_mchid: z.string(),
  out_trade_no: z.string(),
  transaction_id: z.string().optional(),
  trade_state: z.string(),
  trade_state_desc: z.string().optional(),
  success_time: z.string().optional(),
  amount: z.looseObject({ total: z.number().int() }).optional(),
  payer: z.looseObject({ sp_openid: z.string().optional() }).optional(),
});

const refundSchema = z.looseObject({
  sp_mchid: z.string(),
  sub_mchid: z.string(),
  out_trade_no: z.string(),
  out_refund_no: z.string(),
  refund_id: z.string(),
  refund_status: z.string(),
  amount: z.looseObject({ refund: z.number().int() }),
});

const billSchema = z.looseObject({
  download_url: z.string().min(1),
  hash_type: z.enum(['SHA1', 'SHA256']),
  hash_value: z.string().min(1),
});

const notificationSchema = z.looseObject({
  id: z.string(),
  event_type: z.string(),
  resource: z.looseObject({
    algorithm: z.literal('AEAD_AES_256_GCM'),
    ciphertext: z.string(),
    nonce: z.string(),
    associated_data: z.string().optional(),
  }),
});

export function createWechatClient(
  settings: WechatClientSettings,
  deps: ClientDeps,
): ChannelClient {
  const base = new URL(settings.baseUrl.replace(/\/$/, ''));

  /** Sends one request with WeChat's v3 signature over its method, path, time, nonce and body. */
  function signedExchange(method: 'GET' | 'POST', url: URL, body: string) {
    const authorization = wechatAuthorization({
      mchId: settings.spMchId,
      serialNo: settings.merchantSerialNo,
      privateKeyPem: settings.merchantPrivateKey.reveal(),
      method,
      pathWithQuery: url.pathname + url.search,
      timestampSeconds: Math.floor(deps.clock.now().getTime() / 1000),
      nonce: randomBytes(16).toString('hex'),
      body,
    });
    return exchange(deps.transport, {
      method,
      url: url.toString(),
      headers: {
        authorization,
        accept: 'application/json',
        'content-type': 'application/json',
        'user-agent': 'sharefin-wechatpay-v3',
      },
      body,
    });
  }

  async function call(method: 'GET' | 'POST', path: string, payload?: unknown): Promise<Answer> {
    const url = new URL(base.pathname + path, base);
    const body = payload === undefined ? '' : JSON.stringify(payload);
    const sent = await signedExchange(method, url, body);
    if (!sent.ok) return { unknown: sent.reason };
    const { response } = sent;
    if (response.status >= 500) return { unknown: `http_${response.status}` };
    // An answer WeChat did not sign could be anyone's: trust none of it.
    if (!signedByPlatform(response.headers, response.body))
      return { unknown: 'bad_response_signature' };
    if (response.body === '') return { status: response.status, data: {} };
    try {
      return {
        status: response.status,
        data: JSON.parse(response.body) as Record<string, unknown>,
      };
    } catch {
      return { unknown: 'unreadable_response' };
    }
  }

  function signedByPlatform(
    headers: Record<string, string | string[] | undefined>,
    body: string,
  ): boolean {
    const timestamp = headerValue(headers, 'wechatpay-timestamp');
    const nonce = headerValue(headers, 'wechatpay-nonce');
    const signature = headerValue(headers, 'wechatpay-signature');
    const serial = headerValue(headers, 'wechatpay-serial');
    if (!timestamp || !nonce || !signature || serial !== settings.platformSerialNo) return false;
    return verifyRsaSha256(
      wechatResponseSignString(timestamp, nonce, body),
      signature,
      settings.platformPublicKeyPem,
    );
  }

  function paymentFromTransaction(data: Record<string, unknown>): ChannelPaymentResult {
    const parsed = transactionSchema.safeParse(data);
    if (!parsed.success) return unknown('unreadable_transaction');
    const t = parsed.data;
    switch (t.trade_state) {
      // REFUND: it was paid and has refunds since; the payment itself succeeded.
      case 'SUCCESS':
      case 'REFUND':
        if (!t.transaction_id) return unknown('missing_transaction_id');
        return {
          status: 'succeeded',
          channelTransactionId: t.transaction_id,
          payerRef: t.payer?.sp_openid,
          paidAt: t.success_time ? new Date(t.success_time) : undefined,
        };
      case 'NOTPAY':
      case 'USERPAYING':
        return { status: 'pending' };
      case 'CLOSED':
      case 'REVOKED':
        return { status: 'closed' };
      case 'PAYERROR':
        return {
          status: 'failed',
          failureCode: 'PAYERROR',
          failureMessage: t.trade_state_desc ?? '支付失败',
          channelTransactionId: t.transaction_id,
        };
      default:
        return { status: 'pending' };
    }
  }

  function refundResult(answer: Answer): ChannelRefundResult {
    if ('unknown' in answer) return unknown(answer.unknown);
    const code = String(answer.data.code ?? '');
    if (answer.status >= 400) {
      if (code === 'SYSTEM_ERROR' || code === 'FREQUENCY_LIMITED') return unknown(code);
      return {
        status: 'failed',
        failureCode: code || `http_${answer.status}`,
        failureMessage: String(answer.data.message ?? ''),
      };
    }
    const refundId = String(answer.data.refund_id ?? '');
    switch (answer.data.status) {
      case 'SUCCESS':
        return { status: 'succeeded', channelRefundId: refundId };
      case 'PROCESSING':
        return { status: 'pending', channelRefundId: refundId || undefined };
      case 'ABNORMAL':
      case 'CLOSED':
        return {
          status: 'failed',
          failureCode: String(answer.data.status),
          failureMessage: '退款失败',
        };
      default:
        return { status: 'pending', channelRefundId: refundId || undefined };
    }
  }

  /** What a JSAPI order and a code payment both say of the order. */
  const orderFields = (order: ChannelOrder) => ({
    sp_appid: settings.spAppId,
    sp_mchid: settings.spMchId,
    sub_mchid: order.channelMerchantId,
    description: order.description,
    out_trade_no: order.outTradeNo,
    amount: { total: order.amountFen, currency: 'CNY' },
  });

  const orderPath = (outTradeNo: string) =>
    `/v3/pay/partner/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}`;

  return {
    channel: 'wechat',

    async createOrder(order) {
      const answer = await call('POST', '/v3/pay/partner/transactions/jsapi', {
        ...orderFields(order),
        notify_url: order.notifyUrl,
        payer: { sp_openid: order.payerRef },
      });
      if ('unknown' in answer) return unknown(answer.unknown);
      const prepayId = answer.data.prepay_id;
      if (answer.status !== 200 || typeof prepayId !== 'string') {
        return unknown(String(answer.data.code ?? `http_${answer.status}`));
      }
      return { prepayId, walletUrl: walletUrl(settings, prepayId) };
    },

    async payWithAuthCode(order) {
      const answer = await call('POST', '/v3/pay/partner/transactions/codepay', {
        ...orderFields(order),
        payer: { auth_code: order.authCode },
      });
      if ('unknown' in answer) return unknown(answer.unknown);
      if (answer.status === 200) return paymentFromTransaction(answer.data);
      const code = String(answer.data.code ?? '');
      if (answer.status === 202 || code === 'USERPAYING') return { status: 'pending' };
      if (definitePaymentFailures.has(code)) {
        return {
          status: 'failed',
          failureCode: code,
          failureMessage: String(answer.data.message ?? ''),
        };
      }
      return unknown(code || `http_${answer.status}`);
    },

    async query(outTradeNo, channelMerchantId) {
      const query = new URLSearchParams({
        sp_mchid: settings.spMchId,
        sub_mchid: channelMerchantId,
      });
      const answer = await call('GET', `${orderPath(outTradeNo)}?${query}`);
      if ('unknown' in answer) return unknown(answer.unknown);
      if (answer.status === 200) return paymentFromTransaction(answer.data);
      // Not found is not "failed": a request that timed out may still land; reverse it instead.
      return unknown(String(answer.data.code ?? `http_${answer.status}`));
    },

    async reverse(outTradeNo, channelMerchantId) {
      const answer = await call('POST', `${orderPath(outTradeNo)}/reverse`, {
        sp_mchid: settings.spMchId,
        sub_mchid: channelMerchantId,
      });
      if ('unknown' in answer) return { reversed: false, reason: answer.unknown };
      if (answer.status === 200 || answer.status === 204) return { reversed: true };
      return { reversed: false, reason: String(answer.data.code ?? `http_${answer.status}`) };
    },

    async close(outTradeNo, channelMerchantId) {
      const answer = await call('POST', `${orderPath(outTradeNo)}/close`, {
        sp_mchid: settings.spMchId,
        sub_mchid: channelMerchantId,
      });
      if ('unknown' in answer) return { closed: false, reason: answer.unknown };
      if (answer.status === 204 || answer.status === 200) return { closed: true };
      const code = String(answer.data.code ?? '');
      return {
        closed: false,
        reason: code === 'ORDERPAID' ? 'paid' : code || `http_${answer.status}`,
      };
    },

    async refund(request) {
      const answer = await call('POST', '/v3/refund/domestic/refunds', {
        sub_mchid: request.channelMerchantId,
        ...(request.channelTransactionId ? { transaction_id: request.channelTransactionId } : {}),
        out_trade_no: request.outTradeNo,
        out_refund_no: request.outRefundNo,
        ...(request.reason ? { reason: request.reason } : {}),
        notify_url: request.notifyUrl,
        amount: { refund: request.refundFen, total: request.totalFen, currency: 'CNY' },
      });
      return refundResult(answer);
    },

    async queryRefund(outRefundNo, _outTradeNo, channelMerchantId) {
      const query = new URLSearchParams({ sub_mchid: channelMerchantId });
      return refundResult(
        await call(
          'GET',
          `/v3/refund/domestic/refunds/${encodeURIComponent(outRefundNo)}?${query}`,
        ),
      );
    },

    /**
     * Asks for the trade bill (bill_type ALL) of a day, then downloads the file it points to,
     * with the same signature, and keeps it only if its SHA1 is the one WeChat signed.
     */
    async downloadStatement(day, channelMerchantId) {
      const unavailable = (reason: string) => statementUnavailable('wechat', day, reason);
      const query = new URLSearchParams({ bill_date: day, bill_type: 'ALL' });
      if (channelMerchantId) query.set('sub_mchid', channelMerchantId);
      const answer = await call('GET', `/v3/bill/tradebill?${query}`);
      if ('unknown' in answer) throw unavailable(answer.unknown);
      const bill = billSchema.safeParse(answer.data);
      if (answer.status !== 200 || !bill.success)
        throw unavailable(String(answer.data.code ?? `http_${answer.status}`));
      const url = new URL(bill.data.download_url, base);
      // The signed request goes only where WeChat's own API lives.
      if (url.origin !== base.origin) throw unavailable('foreign_download_url');
      const sent = await signedExchange('GET', url, '');
      if (!sent.ok) throw unavailable(sent.reason);
      if (sent.response.status !== 200) throw unavailable(`http_${sent.response.status}`);
      const bytes = sent.response.bodyBytes ?? Buffer.from(sent.response.body, 'utf8');
      const hash = createHash(bill.data.hash_type.toLowerCase()).update(bytes).digest('hex');
      if (hash !== bill.data.hash_value.toLowerCase()) throw unavailable('hash_mismatch');
      return bytes;
    },

    verifyNotification({ headers, rawBody }): ChannelNotification {
      if (!signedByPlatform(headers, rawBody))
        throw new NotificationRejected('wechat: bad signature');
      const timestampMs = Number(headerValue(headers, 'wechatpay-timestamp')) * 1000;
      rejectStaleNotification('wechat', timestampMs, deps.clock.now());
      const envelope = notificationSchema.safeParse(safeJson(rawBody));
      if (!envelope.success) throw new NotificationRejected('wechat: not a notification');
      let plaintext: string;
      try {
        plaintext = decryptWechatResource(envelope.data.resource, settings.apiV3Key.reveal());
      } catch {
        throw new NotificationRejected('wechat: resource does not decrypt');
      }
      const resource = safeJson(plaintext);
      if (envelope.data.event_type.startsWith('TRANSACTION.')) return readTransaction(resource);
      if (envelope.data.event_type.startsWith('REFUND.')) return readRefund(resource);
      throw new NotificationRejected(`wechat: unexpected event ${envelope.data.event_type}`);
    },

    acknowledge(accepted) {
      return accepted
        ? { statusCode: 200, contentType: 'application/json', body: '{"code":"SUCCESS"}' }
        : {
            statusCode: 500,
            contentType: 'application/json',
            body: '{"code":"FAIL","message":"失败"}',
          };
    },
  };

  function readTransaction(resource: unknown): ChannelNotification {
    const parsed = transactionSchema.safeParse(resource);
    if (!parsed.success || parsed.data.sp_mchid !== settings.spMchId) {
      throw new NotificationRejected('wechat: transaction is not ours');
    }
    const t = parsed.data;
    const status = {
      SUCCESS: 'succeeded',
      PAYERROR: 'failed',
      CLOSED: 'closed',
      REVOKED: 'closed',
    }[t.trade_state] as 'succeeded' | 'failed' | 'closed' | undefined;
    if (!status || !t.transaction_id || !t.amount) {
      throw new NotificationRejected(`wechat: unusable transaction state ${t.trade_state}`);
    }
    return {
      kind: 'payment',
      outTradeNo: t.out_trade_no,
      channelTransactionId: t.transaction_id,
      channelMerchantId: t.sub_mchid,
      amountFen: t.amount.total,
      status,
      payerRef: t.payer?.sp_openid,
      dedupKey: `wechat:payment:${t.transaction_id}:${t.trade_state}`,
    };
  }

  function readRefund(resource: unknown): ChannelNotification {
    const parsed = refundSchema.safeParse(resource);
    if (!parsed.success || parsed.data.sp_mchid !== settings.spMchId) {
      throw new NotificationRejected('wechat: refund is not ours');
    }
    const r = parsed.data;
    // WeChat notifies only final refund states; anything else is not a notification we act on.
    const status = { SUCCESS: 'succeeded', ABNORMAL: 'failed', CLOSED: 'failed' }[
      r.refund_status
    ] as 'succeeded' | 'failed' | undefined;
    if (!status) throw new NotificationRejected(`wechat: unusable refund state ${r.refund_status}`);
    return {
      kind: 'refund',
      outTradeNo: r.out_trade_no,
      outRefundNo: r.out_refund_no,
      channelRefundId: r.refund_id,
      refundFen: r.amount.refund,
      status,
      dedupKey: `wechat:refund:${r.refund_id}:${r.refund_status}`,
    };
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
