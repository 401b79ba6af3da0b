import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { HttpResponse } from '../../adapters/channels/index.js';
import { shanghaiDateTime } from '../../adapters/channels/shanghai-time.js';
import { encryptWechatResource } from '../../adapters/channels/wechat/wechat-resource-cipher.js';
import {
  parseWechatAuthorization,
  signWechatResponse,
  verifyWechatRequest,
} from '../../adapters/channels/wechat/wechat-signing.js';
import type { Clock } from '../../platform/clock.js';
import { bookedRecords, dayHasEnded } from '../engine/booked-records.js';
import { createChannelSimulator, type SimulatorOptions } from '../engine/channel-simulator.js';
import { parseJsonBody, signedJsonNotification, signedJsonReplies } from '../engine/json-front.js';
import { paymentCodeFormats } from '../engine/payment-code-rules.js';
import type {
  NotificationFormat,
  SimOrder,
  SimRefund,
  SimulatedChannel,
} from '../engine/simulated-channel.js';
import type { ChannelFront, SimApiRequest } from '../engine/simulator-handler.js';
import { fileReply, StatementDownloads } from '../engine/statement-downloads.js';
import type { SimulatorKeys } from '../simulator-keys.js';
import { collectBytes } from '../statements/collect-bytes.js';
import { writeWechatBill } from '../statements/wechat-bill-writer.js';

type WechatKeys = SimulatorKeys['wechat'];

/** WeChat Pay's documented retry plan: 15 retries over about 24 hours after the first try. */
export const wechatRetryDelaysMs = [
  15_000, 15_000, 30_000, 180_000, 600_000, 1_200_000, 1_800_000, 1_800_000, 1_800_000, 3_600_000,
  10_800_000, 10_800_000, 10_800_000, 21_600_000, 21_600_000,
] as const;

const requestSkewMs = 5 * 60_000;

/** The fee the simulated WeChat Pay charges in its bills: the standard 0.60% (DOMAIN.md §4). */
const billFeeRateBp = 60;

const rfc3339 = (date: Date) => `${shanghaiDateTime(date).replace(' ', 'T')}+08:00`;

function tradeState(order: SimOrder): string {
  switch (order.status) {
    case 'created':
    case 'authorized':
      return 'NOTPAY';
    case 'userpaying':
      return 'USERPAYING';
    case 'paid':
      return order.refundedFen > 0 ? 'REFUND' : 'SUCCESS';
    case 'failed':
      return 'PAYERROR';
    case 'closed':
      return 'CLOSED';
    case 'reversed':
      return 'REVOKED';
  }
}

function transactionJson(order: SimOrder, keys: WechatKeys, amountDeltaFen = 0) {
  const paid = order.status === 'paid' || (order.status === 'reversed' && order.paidAt);
  return {
    sp_appid: keys.spAppId,
    sp_mchid: keys.spMchId,
    sub_mchid: order.merchantId,
    out_trade_no: order.outTradeNo,
    ...(paid || order.status === 'failed' ? { transaction_id: order.transactionId } : {}),
    trade_type: order.source === 'payment_code' ? 'MICROPAY' : 'JSAPI',
    trade_state: tradeState(order),
    trade_state_desc: order.failure?.message ?? '',
    ...(order.paidAt ? { success_time: rfc3339(order.paidAt) } : {}),
    amount: {
      total: order.amountFen + amountDeltaFen,
      payer_total: order.amountFen + amountDeltaFen,
      currency: 'CNY',
    },
    ...(order.payerRef ? { payer: { sp_openid: order.payerRef } } : {}),
  };
}

function refundJson(
  refund: SimRefund,
  order: SimOrder | undefined,
  keys: WechatKeys,
  amountDeltaFen = 0,
) {
  return {
    sp_mchid: keys.spMchId,
    sub_mchid: order?.merchantId ?? '',
    out_trade_no: refund.outTradeNo,
    transaction_id: order?.transactionId ?? '',
    out_refund_no: refund.outRefundNo,
    refund_id: refund.refundId,
    refund_status: { processing: 'PROCESSING', succeeded: 'SUCCESS', failed: 'ABNORMAL' }[
      refund.status
    ],
    status: { processing: 'PROCESSING', succeeded: 'SUCCESS', failed: 'ABNORMAL' }[refund.status],
    create_time: rfc3339(refund.createdAt),
    ...(refund.settledAt && refund.status === 'succeeded'
      ? { success_time: rfc3339(refund.settledAt) }
      : {}),
    amount: {
      total: order?.amountFen ?? 0,
      refund: refund.amountFen + amountDeltaFen,
      payer_total: order?.amountFen ?? 0,
      payer_refund: refund.amountFen + amountDeltaFen,
      currency: 'CNY',
    },
  };
}

/** Signs with the platform key, as WeChat signs its responses and callbacks. */
function signedHeaders(signedText: string, keys: WechatKeys, clock: Clock) {
  const headers = signWechatResponse(signedText, {
    timestamp: String(Math.floor(clock.now().getTime() / 1000)),
    nonce: randomBytes(16).toString('hex'),
    serialNo: keys.platformSerialNo,
    privateKeyPem: keys.platform.privateKeyPem,
  });
  return { ...headers };
}

function wechatNotificationFormat(keys: WechatKeys, clock: Clock): NotificationFormat {
  return {
    retryDelaysMs: wechatRetryDelaysMs,
    notifies: (event) => event.kind === 'refund' || event.order.status === 'paid',
    render(event, { notificationId, spoil }) {
      const isPayment = event.kind === 'payment';
      const originalType = isPayment ? 'transaction' : 'refund';
      const resourceOf = (delta: number) =>
        JSON.stringify(
          event.kind === 'payment'
            ? transactionJson(event.order, keys, delta)
            : refundJson(event.refund, event.order, keys, delta),
        );
      const nonce = randomBytes(6).toString('hex');
      const envelope = (plaintext: string) =>
        JSON.stringify({
          id: notificationId,
          create_time: rfc3339(clock.now()),
          resource_type: 'encrypt-resource',
          event_type:
            event.kind === 'payment'
              ? event.order.status === 'paid'
                ? 'TRANSACTION.SUCCESS'
                : 'TRANSACTION.PAYERROR'
              : event.refund.status === 'succeeded'
                ? 'REFUND.SUCCESS'
                : 'REFUND.ABNORMAL',
          summary: isPayment ? '支付成功' : '退款结果',
          resource: {
            original_type: originalType,
            ...encryptWechatResource(plaintext, keys.apiV3Key, originalType, nonce),
          },
        });
      // A tampered notification is re-encrypted with a larger amount.
      return signedJsonNotification(
        (delta) => envelope(resourceOf(delta)),
        spoil,
        (signed) => signedHeaders(signed, keys, clock),
      );
    },
    isAcknowledged: (reply) => reply.statusCode >= 200 && reply.statusCode < 300,
  };
}

const amountSchema = z.looseObject({
  total: z.number().int().positive(),
  currency: z.literal('CNY').optional(),
});
const jsapiSchema = z.looseObject({
  sp_appid: z.string(),
  sp_mchid: z.string(),
  sub_mchid: z.string().min(1),
  description: z.string().max(127),
  out_trade_no: z.string().min(6).max(32),
  notify_url: z.url(),
  amount: amountSchema,
  payer: z.looseObject({ sp_openid: z.string().optional() }).optional(),
});
const codepaySchema = jsapiSchema.omit({ notify_url: true, payer: true }).extend({
  payer: z.looseObject({ auth_code: z.string() }),
});
const merchantSchema = z.looseObject({ sp_mchid: z.string(), sub_mchid: z.string() });
const refundSchema = z.looseObject({
  sub_mchid: z.string(),
  out_trade_no: z.string(),
  out_refund_no: z.string().min(1).max(64),
  notify_url: z.url().optional(),
  amount: z.looseObject({
    refund: z.number().int().positive(),
    total: z.number().int().positive(),
  }),
});

function wechatFront(engine: SimulatedChannel, keys: WechatKeys): ChannelFront {
  const clock = engine.clock;
  const { reply, error } = signedJsonReplies(engine, (signed) =>
    signedHeaders(signed, keys, clock),
  );

  function authenticated(request: SimApiRequest): HttpResponse | null {
    const authorization = parseWechatAuthorization(request.headers.authorization);
    if (
      !authorization ||
      authorization.mchid !== keys.spMchId ||
      authorization.serial_no !== keys.merchantSerialNo
    ) {
      return error(401, 'SIGN_ERROR', '签名错误: 商户号或证书序列号不符');
    }
    const signedAtMs = Number(authorization.timestamp) * 1000;
    if (
      !Number.isFinite(signedAtMs) ||
      Math.abs(clock.now().getTime() - signedAtMs) > requestSkewMs
    ) {
      return error(401, 'SIGN_ERROR', '签名错误: 时间戳超出范围');
    }
    const valid = verifyWechatRequest(
      { method: request.method, pathWithQuery: request.path, body: request.body, authorization },
      keys.merchant.publicKeyPem,
    );
    return valid ? null : error(401, 'SIGN_ERROR', '签名错误');
  }

  const downloads = new StatementDownloads(clock);

  /**
   * GET /v3/bill/tradebill: prepares the trade bill of a day that has ended (the service
   * provider's, or one sub-merchant's) and answers where to download it and its SHA1. The
   * address is path-absolute, so it holds whatever host the simulator is reached on.
   */
  async function tradeBill(request: SimApiRequest): Promise<HttpResponse> {
    const day = request.query.get('bill_date') ?? '';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || (request.query.get('bill_type') ?? 'ALL') !== 'ALL')
      return error(400, 'PARAM_ERROR', '参数错误');
    if (!dayHasEnded(engine, day)) return error(400, 'NO_STATEMENT_EXIST', '账单文件不存在');
    const records = bookedRecords(engine, {
      day,
      merchantId: request.query.get('sub_mchid') || undefined,
      feeRateBp: billFeeRateBp,
    });
    const bytes = await collectBytes(
      writeWechatBill(records, { day, channelMerchantId: keys.spMchId }),
    );
    const mountPath = request.pathname.slice(0, request.pathname.length - request.localPath.length);
    return reply(200, {
      hash_type: 'SHA1',
      hash_value: createHash('sha1').update(bytes).digest('hex'),
      download_url: `${mountPath}/v3/billdownload/file?token=${downloads.offer(bytes)}`,
    });
  }

  function paymentCodeReply(order: SimOrder): HttpResponse {
    switch (order.status) {
      case 'paid':
        return reply(200, transactionJson(order, keys));
      case 'userpaying':
        return error(202, 'USERPAYING', '需要用户输入支付密码');
      case 'failed': {
        const code = {
          insufficient_balance: 'NOTENOUGH',
          code_expired: 'AUTHCODEEXPIRE',
          invalid_code: 'AUTH_CODE_INVALID',
        }[order.failure?.code ?? ''];
        return error(
          code === 'NOTENOUGH' ? 403 : 400,
          code ?? 'TRADE_ERROR',
          order.failure?.message ?? '交易错误',
        );
      }
      default:
        return error(400, 'ORDER_CLOSED', '订单已关闭');
    }
  }

  return {
    systemError: () => error(500, 'SYSTEM_ERROR', '系统错误'),

    handleApi(request) {
      const refused = authenticated(request);
      if (refused) return refused;
      const { localPath, method } = request;
      const partner = '/v3/pay/partner/transactions';

      if (method === 'GET' && localPath === '/v3/bill/tradebill') return tradeBill(request);
      // The file itself is not signed: the hash in the signed answer vouches for it.
      if (method === 'GET' && localPath === '/v3/billdownload/file') {
        const bytes = downloads.find(request.query.get('token') ?? '');
        if (!bytes) return error(404, 'RESOURCE_NOT_EXISTS', '下载链接不存在或已过期');
        return fileReply(bytes, 'application/octet-stream');
      }

      if (method === 'POST' && localPath === `${partner}/jsapi`) {
        const input = parseJsonBody(jsapiSchema, request.body);
        if (!input || input.sp_mchid !== keys.spMchId || input.sp_appid !== keys.spAppId) {
          return error(400, 'PARAM_ERROR', '参数错误');
        }
        const created = engine.createWalletOrder({
          outTradeNo: input.out_trade_no,
          merchantId: input.sub_mchid,
          amountFen: input.amount.total,
          description: input.description,
          notifyUrl: input.notify_url,
          payerRef: input.payer?.sp_openid,
        });
        if ('error' in created) return error(400, 'OUT_TRADE_NO_USED', '商户订单号重复');
        return reply(200, { prepay_id: created.order.prepayId });
      }

      if (method === 'POST' && localPath === `${partner}/codepay`) {
        const input = parseJsonBody(codepaySchema, request.body);
        if (!input || input.sp_mchid !== keys.spMchId) return error(400, 'PARAM_ERROR', '参数错误');
        const paid = engine.payWithPaymentCode({
          outTradeNo: input.out_trade_no,
          merchantId: input.sub_mchid,
          amountFen: input.amount.total,
          description: input.description,
          authCode: input.payer.auth_code,
          validCode: paymentCodeFormats.wechat.test(input.payer.auth_code),
        });
        if ('error' in paid) {
          return paid.error === 'order_reversed'
            ? error(400, 'ORDER_CLOSED', '订单已撤销')
            : error(400, 'OUT_TRADE_NO_USED', '商户订单号重复');
        }
        return paymentCodeReply(paid.order);
      }

      const orderPath = new RegExp(`^${partner}/out-trade-no/([^/]+)(/reverse|/close)?$`).exec(
        localPath,
      );
      if (orderPath) {
        const outTradeNo = decodeURIComponent(orderPath[1] as string);
        const action = orderPath[2];
        if (method === 'GET' && !action) {
          const order = engine.merchantOrder(outTradeNo, request.query.get('sub_mchid'));
          if (!order) return error(404, 'ORDER_NOT_EXIST', '订单不存在');
          return reply(200, transactionJson(order, keys));
        }
        const input = method === 'POST' ? parseJsonBody(merchantSchema, request.body) : null;
        if (!input) return error(400, 'PARAM_ERROR', '参数错误');
        if (action === '/reverse') {
          engine.reverse({ outTradeNo, merchantId: input.sub_mchid });
          return reply(200, { recall: 'N' });
        }
        const closed = engine.close(outTradeNo);
        if ('error' in closed) {
          return closed.error === 'paid'
            ? error(400, 'ORDERPAID', '订单已支付')
            : error(404, 'ORDER_NOT_EXIST', '订单不存在');
        }
        return reply(204);
      }

      if (method === 'POST' && localPath === '/v3/refund/domestic/refunds') {
        const input = parseJsonBody(refundSchema, request.body);
        if (!input) return error(400, 'PARAM_ERROR', '参数错误');
        const order = engine.order(input.out_trade_no);
        if (order && order.amountFen !== input.amount.total)
          return error(400, 'INVALID_REQUEST', '订单金额不符');
        const accepted = engine.refund({
          outTradeNo: input.out_trade_no,
          outRefundNo: input.out_refund_no,
          amountFen: input.amount.refund,
          notifyUrl: input.notify_url,
        });
        if ('error' in accepted) {
          if (accepted.error === 'order_not_found')
            return error(404, 'RESOURCE_NOT_EXISTS', '订单不存在');
          if (accepted.error === 'exceeds_paid')
            return error(400, 'INVALID_REQUEST', '退款金额超过订单可退金额');
          return error(400, 'INVALID_REQUEST', accepted.error);
        }
        return reply(200, refundJson(accepted.refund, order, keys));
      }

      const refundPath = /^\/v3\/refund\/domestic\/refunds\/([^/]+)$/.exec(localPath);
      if (method === 'GET' && refundPath) {
        const refund = engine.refundByNo(decodeURIComponent(refundPath[1] as string));
        if (!refund) return error(404, 'RESOURCE_NOT_EXISTS', '退款单不存在');
        return reply(200, refundJson(refund, engine.order(refund.outTradeNo), keys));
      }
      return error(404, 'NOT_FOUND', '接口不存在');
    },
  };
}

export function createWechatSimulator(options: SimulatorOptions<WechatKeys>) {
  return createChannelSimulator('wechat', options, {
    idPrefix: '42',
    format: wechatNotificationFormat,
    front: wechatFront,
  });
}
