import { inflateSync } from 'node:zlib';
import type { Secret } from '../../../platform/crypto/secret.js';
import {
  type ChannelClient,
  type ChannelNotification,
  type ChannelOrder,
  type ChannelPaymentResult,
  type ChannelRefundResult,
  NotificationRejected,
} from '../channel-client.js';
import { exchange } from '../channel-exchange.js';
import { type ClientDeps, unknown, walletUrl } from '../client-deps.js';
import { shanghaiCompact } from '../shanghai-time.js';
import { statementUnavailable } from '../statement-unavailable.js';
import {
  decodeUnionpayForm,
  encodeUnionpayForm,
  fenToUnionpayAmount,
  signUnionpayFields,
  unionpayAmountToFen,
  verifyUnionpayFields,
} from './unionpay-signing.js';

export type UnionpayClientSettings = {
  baseUrl: string;
  /** The id of our signing certificate, sent as certId. */
  certId: string;
  merchantPrivateKey: Secret;
  unionpayPublicKeyPem: string;
  walletPageUrl?: string;
};

type Answer = { fields: Record<string, string> } | { unknown: string };

/**
 * Response codes (respCode, and origRespCode of a query): 00 done, 05 accepted and still in
 * progress, 03/04/06/30 status not known, 34 no such transaction, 35 the original is not in a
 * state that allows this, 61 insufficient balance, 66 payment code invalid or expired, 01
 * failed, 83 closed or cancelled. Anything not listed is treated as not known.
 */
const definiteFailures = new Set(['01', '61', '66']);

export function createUnionpayClient(
  settings: UnionpayClientSettings,
  deps: ClientDeps,
): ChannelClient {
  const base = settings.baseUrl.replace(/\/$/, '');

  async function call(
    endpoint: 'backTransReq' | 'queryTrans' | 'fileTransRequest',
    fields: Record<string, string>,
  ): Promise<Answer> {
    const request: Record<string, string> = {
      version: '5.1.0',
      encoding: 'UTF-8',
      signMethod: '01',
      certId: settings.certId,
      accessType: '0',
      channelType: '08',
      txnTime: shanghaiCompact(deps.clock.now()),
      ...fields,
    };
    request.signature = signUnionpayFields(request, settings.merchantPrivateKey.reveal());
    const sent = await exchange(deps.transport, {
      method: 'POST',
      url: `${base}/gateway/api/${endpoint}.do`,
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
      body: encodeUnionpayForm(request),
    });
    if (!sent.ok) return { unknown: sent.reason };
    if (sent.response.status !== 200) return { unknown: `http_${sent.response.status}` };
    const answer = decodeUnionpayForm(sent.response.body);
    if (!verifyUnionpayFields(answer, settings.unionpayPublicKeyPem))
      return { unknown: 'bad_response_signature' };
    return { fields: answer };
  }

  function paymentFrom(code: string, fields: Record<string, string>): ChannelPaymentResult {
    if (code === '00') {
      if (!fields.queryId) return unknown('missing_query_id');
      return {
        status: 'succeeded',
        channelTransactionId: fields.queryId,
        payerRef: fields.payerRef || undefined,
      };
    }
    if (code === '05') return { status: 'pending' };
    if (code === '83') return { status: 'closed' };
    if (definiteFailures.has(code)) {
      return {
        status: 'failed',
        failureCode: code,
        failureMessage: fields.origRespMsg ?? fields.respMsg ?? '',
      };
    }
    return unknown(`respCode_${code}`);
  }

  function refundFrom(code: string, fields: Record<string, string>): ChannelRefundResult {
    if (code === '00') return { status: 'succeeded', channelRefundId: fields.queryId ?? '' };
    if (code === '05') return { status: 'pending', channelRefundId: fields.queryId || undefined };
    if (definiteFailures.has(code) || code === '35') {
      return {
        status: 'failed',
        failureCode: code,
        failureMessage: fields.origRespMsg ?? fields.respMsg ?? '',
      };
    }
    return unknown(`respCode_${code}`);
  }

  async function queryOrder(orderId: string, merId: string): Promise<Answer> {
    return call('queryTrans', {
      txnType: '00',
      txnSubType: '00',
      bizType: '000000',
      merId,
      orderId,
    });
  }

  async function cancel(outTradeNo: string, merId: string, onlyIfUnpaid: boolean): Promise<Answer> {
    return call('backTransReq', {
      txnType: '31',
      txnSubType: '00',
      bizType: '000201',
      merId,
      orderId: `${outTradeNo}C`,
      origOrderId: outTradeNo,
      // The gateway's reserved field carries our "close, do not refund" intent to the simulator.
      reqReserved: onlyIfUnpaid ? 'closeOnly' : '',
    });
  }

  /** A purchase (txnType 01), by wallet order (07) or by the payer's code (06). */
  const purchaseFields = (order: ChannelOrder, txnSubType: '06' | '07') => ({
    txnType: '01',
    txnSubType,
    bizType: '000000',
    merId: order.channelMerchantId,
    orderId: order.outTradeNo,
    txnAmt: fenToUnionpayAmount(order.amountFen),
    currencyCode: '156',
    orderDesc: order.description,
  });

  return {
    channel: 'unionpay',

    async createOrder(order) {
      const answer = await call('backTransReq', {
        ...purchaseFields(order, '07'),
        backUrl: order.notifyUrl,
        payerRef: order.payerRef,
      });
      if ('unknown' in answer) return unknown(answer.unknown);
      const tn = answer.fields.tn;
      if (answer.fields.respCode !== '00' || !tn)
        return unknown(`respCode_${answer.fields.respCode}`);
      return { prepayId: tn, walletUrl: walletUrl(settings, tn) };
    },

    async payWithAuthCode(order) {
      const answer = await call('backTransReq', {
        ...purchaseFields(order, '06'),
        qrNo: order.authCode,
      });
      if ('unknown' in answer) return unknown(answer.unknown);
      return paymentFrom(answer.fields.respCode ?? '', answer.fields);
    },

    async query(outTradeNo, channelMerchantId) {
      const answer = await queryOrder(outTradeNo, channelMerchantId);
      if ('unknown' in answer) return unknown(answer.unknown);
      if (answer.fields.respCode !== '00') return unknown(`respCode_${answer.fields.respCode}`);
      return paymentFrom(answer.fields.origRespCode ?? '', answer.fields);
    },

    async reverse(outTradeNo, channelMerchantId) {
      const answer = await cancel(outTradeNo, channelMerchantId, false);
      if ('unknown' in answer) return { reversed: false, reason: answer.unknown };
      const code = answer.fields.respCode;
      return code === '00' ? { reversed: true } : { reversed: false, reason: `respCode_${code}` };
    },

    async close(outTradeNo, channelMerchantId) {
      const answer = await cancel(outTradeNo, channelMerchantId, true);
      if ('unknown' in answer) return { closed: false, reason: answer.unknown };
      const code = answer.fields.respCode;
      if (code === '00') return { closed: true };
      return { closed: false, reason: code === '35' ? 'paid' : `respCode_${code}` };
    },

    async refund(request) {
      const answer = await call('backTransReq', {
        txnType: '04',
        txnSubType: '00',
        bizType: '000201',
        merId: request.channelMerchantId,
        orderId: request.outRefundNo,
        origOrderId: request.outTradeNo,
        origQryId: request.channelTransactionId ?? '',
        txnAmt: fenToUnionpayAmount(request.refundFen),
        currencyCode: '156',
        backUrl: request.notifyUrl,
      });
      if ('unknown' in answer) return unknown(answer.unknown);
      const code = answer.fields.respCode ?? '';
      // A refund answered 00 was accepted; its result comes by notification or query.
      if (code === '00')
        return { status: 'pending', channelRefundId: answer.fields.queryId || undefined };
      return refundFrom(code, answer.fields);
    },

    async queryRefund(outRefundNo, _outTradeNo, channelMerchantId) {
      const answer = await queryOrder(outRefundNo, channelMerchantId);
      if ('unknown' in answer) return unknown(answer.unknown);
      if (answer.fields.respCode !== '00') return unknown(`respCode_${answer.fields.respCode}`);
      return refundFrom(answer.fields.origRespCode ?? '', answer.fields);
    },

    verifyNotification({ rawBody }): ChannelNotification {
      const fields = decodeUnionpayForm(rawBody);
      if (!verifyUnionpayFields(fields, settings.unionpayPublicKeyPem)) {
        throw new NotificationRejected('unionpay: bad signature');
      }
      const { txnType, respCode, orderId, queryId, merId } = fields;
      const amountFen = unionpayAmountToFen(fields.txnAmt ?? '');
      if (!orderId || !queryId || !merId || amountFen === null) {
        throw new NotificationRejected('unionpay: incomplete notification');
      }
      if (txnType === '04') {
        if (!fields.origOrderId)
          throw new NotificationRejected('unionpay: refund without its order');
        return {
          kind: 'refund',
          outTradeNo: fields.origOrderId,
          outRefundNo: orderId,
          channelRefundId: queryId,
          refundFen: amountFen,
          status: respCode === '00' ? 'succeeded' : 'failed',
          dedupKey: `unionpay:refund:${queryId}:${respCode}`,
        };
      }
      if (txnType !== '01')
        throw new NotificationRejected(`unionpay: unexpected txnType ${txnType}`);
      return {
        kind: 'payment',
        outTradeNo: orderId,
        channelTransactionId: queryId,
        channelMerchantId: merId,
        amountFen,
        status: respCode === '00' ? 'succeeded' : 'failed',
        payerRef: fields.payerRef || undefined,
        dedupKey: `unionpay:payment:${queryId}:${respCode}`,
      };
    },

    /**
     * fileTransRequest for the statement (fileType 00) of a day, signed like every gateway
     * call. The gateway names the day by MMDD only and serves past days, so it finds the year
     * itself; fileContent is the file deflated (zlib) and base64-encoded.
     */
    async downloadStatement(day, channelMerchantId) {
      const unavailable = (reason: string) => statementUnavailable('unionpay', day, reason);
      const answer = await call('fileTransRequest', {
        txnType: '76',
        txnSubType: '01',
        bizType: '000000',
        ...(channelMerchantId ? { merId: channelMerchantId } : {}),
        settleDate: day.slice(5, 7) + day.slice(8, 10),
        fileType: '00',
      });
      if ('unknown' in answer) throw unavailable(answer.unknown);
      const { respCode, fileContent } = answer.fields;
      if (respCode !== '00' || !fileContent) throw unavailable(`respCode_${respCode}`);
      try {
        return new Uint8Array(inflateSync(Buffer.from(fileContent, 'base64')));
      } catch {
        throw unavailable('unreadable_file_content');
      }
    },

    // UnionPay takes HTTP 200 as received and retries on anything else.
    acknowledge(accepted) {
      return accepted
        ? { statusCode: 200, contentType: 'text/plain', body: 'ok' }
        : { statusCode: 500, contentType: 'text/plain', body: 'fail' };
    },
  };
}
