import type { Secret } from '../../../platform/crypto/secret.js';
import {
  type ChannelClient,
  type ChannelNotification,
  type ChannelPaymentResult,
  type ChannelRefundResult,
  NotificationRejected,
} from '../channel-client.js';
import { exchange } from '../channel-exchange.js';
import { type ClientDeps, unknown } from '../client-deps.js';
import { verifyRsaSha256 } from '../rsa-sha256.js';
import { parseShanghaiTime, shanghaiDateTime } from '../shanghai-time.js';
import { statementUnavailable } from '../statement-unavailable.js';
import { fenToYuan, yuanToFen } from './alipay-amount.js';
import {
  alipayResponseNodeName,
  alipayResponseNodeText,
  signAlipayParams,
  verifyAlipayParams,
} from './alipay-signing.js';

/** An ISV/acquirer app: each merchant is a sub-merchant named in biz_content. */
export type AlipayClientSettings = {
  /** The full gateway address, e.g. https://openapi.alipay.com/gateway.do. */
  gatewayUrl: string;
  appId: string;
  appPrivateKey: Secret;
  alipayPublicKeyPem: string;
  walletPageUrl?: string;
};

type Answer =
  | { node: Record<string, unknown>; code: string; subCode: string }
  | { unknown: string };

/** Sub-codes after which Alipay has certainly not taken the money. */
const definitePaymentFailures = new Set([
  'ACQ.BUYER_BALANCE_NOT_ENOUGH',
  'ACQ.PAYMENT_AUTH_CODE_INVALID',
  'ACQ.TRADE_HAS_CLOSE',
  'ACQ.BUYER_PAYMENT_AMOUNT_DAY_LIMIT_ERROR',
  'ACQ.INVALID_PARAMETER',
]);

export function createAlipayClient(
  settings: AlipayClientSettings,
  deps: ClientDeps,
): ChannelClient {
  async function call(
    method: string,
    bizContent: Record<string, unknown>,
    extra: Record<string, string> = {},
  ): Promise<Answer> {
    const params: Record<string, string> = {
      app_id: settings.appId,
      method,
      format: 'JSON',
      charset: 'utf-8',
      sign_type: 'RSA2',
      timestamp: shanghaiDateTime(deps.clock.now()),
      version: '1.0',
      ...extra,
      biz_content: JSON.stringify(bizContent),
    };
    params.sign = signAlipayParams(params, settings.appPrivateKey.reveal());
    const sent = await exchange(deps.transport, {
      method: 'POST',
      url: settings.gatewayUrl,
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
      body: new URLSearchParams(params).toString(),
    });
    if (!sent.ok) return { unknown: sent.reason };
    const { status, body } = sent.response;
    if (status !== 200) return { unknown: `http_${status}` };
    const nodeName = alipayResponseNodeName(method);
    const nodeText = alipayResponseNodeText(body, nodeName);
    let parsed: { sign?: unknown };
    try {
      parsed = JSON.parse(body) as { sign?: unknown };
    } catch {
      return { unknown: 'unreadable_response' };
    }
    // Alipay signs the node's exact text; an unsigned or wrongly signed answer is not Alipay's.
    if (
      nodeText === null ||
      typeof parsed.sign !== 'string' ||
      !verifyRsaSha256(nodeText, parsed.sign, settings.alipayPublicKeyPem)
    ) {
      return { unknown: 'bad_response_signature' };
    }
    const node = JSON.parse(nodeText) as Record<string, unknown>;
    return { node, code: String(node.code ?? ''), subCode: String(node.sub_code ?? '') };
  }

  function failure(answer: { node: Record<string, unknown>; subCode: string }) {
    return {
      status: 'failed' as const,
      failureCode: answer.subCode,
      failureMessage: String(answer.node.sub_msg ?? ''),
    };
  }

  function paymentFromQuery(node: Record<string, unknown>): ChannelPaymentResult {
    switch (node.trade_status) {
      case 'TRADE_SUCCESS':
      case 'TRADE_FINISHED':
        return {
          status: 'succeeded',
          channelTransactionId: String(node.trade_no ?? ''),
          payerRef: typeof node.buyer_user_id === 'string' ? node.buyer_user_id : undefined,
          paidAt: parseTime(node.send_pay_date ?? node.gmt_payment),
        };
      case 'TRADE_CLOSED':
        return { status: 'closed' };
      default:
        return { status: 'pending' };
    }
  }

  function refundFrom(answer: Answer, outRefundNo: string): ChannelRefundResult {
    if ('unknown' in answer) return unknown(answer.unknown);
    if (answer.code === '10000') {
      // fund_change "Y" means the money moved; "N" only that the request was taken.
      if (answer.node.fund_change === 'Y' || answer.node.refund_status === 'REFUND_SUCCESS') {
        return { status: 'succeeded', channelRefundId: outRefundNo };
      }
      if (answer.node.refund_status === 'REFUND_FAIL') {
        return { status: 'failed', failureCode: 'REFUND_FAIL', failureMessage: '退款失败' };
      }
      return { status: 'pending', channelRefundId: outRefundNo };
    }
    if (answer.code === '40004' && answer.subCode !== 'ACQ.SYSTEM_ERROR') return failure(answer);
    return unknown(answer.subCode || answer.code);
  }

  const subMerchant = (merchantId: string) => ({ sub_merchant: { merchant_id: merchantId } });

  return {
    channel: 'alipay',

    async createOrder(order) {
      const answer = await call(
        'alipay.trade.create',
        {
          out_trade_no: order.outTradeNo,
          total_amount: fenToYuan(order.amountFen),
          subject: order.description,
          buyer_id: order.payerRef,
          ...subMerchant(order.channelMerchantId),
        },
        { notify_url: order.notifyUrl },
      );
      if ('unknown' in answer) return unknown(answer.unknown);
      if (answer.code !== '10000' || typeof answer.node.trade_no !== 'string') {
        return unknown(answer.subCode || answer.code);
      }
      const walletPage =
        settings.walletPageUrl ?? new URL('wallet/orders', settings.gatewayUrl).toString();
      return {
        prepayId: answer.node.trade_no,
        walletUrl: `${walletPage}/${encodeURIComponent(answer.node.trade_no)}`,
      };
    },

    async payWithAuthCode(order) {
      const answer = await call('alipay.trade.pay', {
        out_trade_no: order.outTradeNo,
        scene: 'bar_code',
        auth_code: order.authCode,
        total_amount: fenToYuan(order.amountFen),
        subject: order.description,
        ...subMerchant(order.channelMerchantId),
      });
      if ('unknown' in answer) return unknown(answer.unknown);
      if (answer.code === '10000') {
        return {
          status: 'succeeded',
          channelTransactionId: String(answer.node.trade_no ?? ''),
          payerRef:
            typeof answer.node.buyer_user_id === 'string' ? answer.node.buyer_user_id : undefined,
          paidAt: parseTime(answer.node.gmt_payment),
        };
      }
      if (answer.code === '10003') return { status: 'pending' };
      if (answer.code === '40004' && definitePaymentFailures.has(answer.subCode))
        return failure(answer);
      return unknown(answer.subCode || answer.code);
    },

    async query(outTradeNo) {
      const answer = await call('alipay.trade.query', { out_trade_no: outTradeNo });
      if ('unknown' in answer) return unknown(answer.unknown);
      if (answer.code === '10000') return paymentFromQuery(answer.node);
      return unknown(answer.subCode || answer.code);
    },

    async reverse(outTradeNo) {
      const answer = await call('alipay.trade.cancel', { out_trade_no: outTradeNo });
      if ('unknown' in answer) return { reversed: false, reason: answer.unknown };
      if (answer.code === '10000') return { reversed: true };
      return { reversed: false, reason: answer.subCode || answer.code };
    },

    async close(outTradeNo) {
      const answer = await call('alipay.trade.close', { out_trade_no: outTradeNo });
      if ('unknown' in answer) return { closed: false, reason: answer.unknown };
      if (answer.code === '10000') return { closed: true };
      return {
        closed: false,
        reason:
          answer.subCode === 'ACQ.TRADE_STATUS_ERROR' ? 'paid' : answer.subCode || answer.code,
      };
    },

    async refund(request) {
      const answer = await call(
        'alipay.trade.refund',
        {
          out_trade_no: request.outTradeNo,
          ...(request.channelTransactionId ? { trade_no: request.channelTransactionId } : {}),
          refund_amount: fenToYuan(request.refundFen),
          out_request_no: request.outRefundNo,
          ...(request.reason ? { refund_reason: request.reason } : {}),
        },
        { notify_url: request.notifyUrl },
      );
      return refundFrom(answer, request.outRefundNo);
    },

    async queryRefund(outRefundNo, outTradeNo) {
      const answer = await call('alipay.trade.fastpay.refund.query', {
        out_trade_no: outTradeNo,
        out_request_no: outRefundNo,
      });
      return refundFrom(answer, outRefundNo);
    },

    /**
     * Asks for the day's trade bill (the app's, or one sub-merchant's by smid) with a signed
     * call, then GETs the zip from the short-lived address Alipay answered, which its token
     * authorises. The address came in a signed answer, so it is trusted as Alipay's.
     */
    async downloadStatement(day, channelMerchantId) {
      const unavailable = (reason: string) => statementUnavailable('alipay', day, reason);
      const answer = await call('alipay.data.dataservice.bill.downloadurl.query', {
        bill_type: 'trade',
        bill_date: day,
        ...(channelMerchantId ? { smid: channelMerchantId } : {}),
      });
      if ('unknown' in answer) throw unavailable(answer.unknown);
      const url = answer.node.bill_download_url;
      if (answer.code !== '10000' || typeof url !== 'string' || url === '')
        throw unavailable(answer.subCode || answer.code);
      const sent = await exchange(deps.transport, {
        method: 'GET',
        url: new URL(url, settings.gatewayUrl).toString(),
        headers: { accept: 'application/zip' },
        body: '',
      });
      if (!sent.ok) throw unavailable(sent.reason);
      if (sent.response.status !== 200) throw unavailable(`http_${sent.response.status}`);
      // A zip read as text is not the zip: without the bytes there is no statement.
      if (!sent.response.bodyBytes) throw unavailable('no_binary_body');
      return sent.response.bodyBytes;
    },

    verifyNotification({ rawBody }): ChannelNotification {
      const params = Object.fromEntries(new URLSearchParams(rawBody));
      if (!verifyAlipayParams(params, settings.alipayPublicKeyPem, { excludeSignType: true })) {
        throw new NotificationRejected('alipay: bad signature');
      }
      if (params.app_id !== settings.appId) throw new NotificationRejected('alipay: not our app');
      const { out_trade_no: outTradeNo, trade_no: tradeNo, notify_id: notifyId } = params;
      if (!outTradeNo || !tradeNo || !notifyId)
        throw new NotificationRejected('alipay: incomplete');
      // A refund arrives as a trade notification that names the refund request (out_biz_no).
      if (params.out_biz_no && params.refund_fee) {
        const refundFen = yuanToFen(params.refund_fee);
        if (refundFen === null) throw new NotificationRejected('alipay: unreadable refund_fee');
        return {
          kind: 'refund',
          outTradeNo,
          outRefundNo: params.out_biz_no,
          channelRefundId: params.out_biz_no,
          refundFen,
          status: 'succeeded',
          dedupKey: `alipay:refund:${tradeNo}:${params.out_biz_no}`,
        };
      }
      const status = {
        TRADE_SUCCESS: 'succeeded',
        TRADE_FINISHED: 'succeeded',
        TRADE_CLOSED: 'closed',
      }[params.trade_status ?? ''] as 'succeeded' | 'closed' | undefined;
      const amountFen = yuanToFen(params.total_amount ?? '');
      if (!status || amountFen === null || !params.seller_id) {
        throw new NotificationRejected(
          `alipay: unusable trade notification ${params.trade_status}`,
        );
      }
      return {
        kind: 'payment',
        outTradeNo,
        channelTransactionId: tradeNo,
        channelMerchantId: params.seller_id,
        amountFen,
        status,
        payerRef: params.buyer_id,
        dedupKey: `alipay:payment:${tradeNo}:${status}`,
      };
    },

    acknowledge(accepted) {
      return { statusCode: 200, contentType: 'text/plain', body: accepted ? 'success' : 'fail' };
    },
  };
}

function parseTime(value: unknown): Date | undefined {
  return typeof value === 'string' ? (parseShanghaiTime(value) ?? undefined) : undefined;
}
