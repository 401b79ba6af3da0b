import { fenToYuan, yuanToFen } from '../../adapters/channels/alipay/alipay-amount.js';
import {
  alipayResponseNodeName,
  signAlipayParams,
  verifyAlipayParams,
} from '../../adapters/channels/alipay/alipay-signing.js';
import type { HttpResponse } from '../../adapters/channels/index.js';
import { signRsaSha256 } from '../../adapters/channels/rsa-sha256.js';
import { shanghaiDateTime } from '../../adapters/channels/shanghai-time.js';
import type { Clock } from '../../platform/clock.js';
import { bookedRecords, dayHasEnded } from '../engine/booked-records.js';
import { createChannelSimulator, type SimulatorOptions } from '../engine/channel-simulator.js';
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
import { writeAlipayBill } from '../statements/alipay-bill-writer.js';
import { collectBytes } from '../statements/collect-bytes.js';

type AlipayKeys = SimulatorKeys['alipay'];

/** Alipay notifies 8 times within about 25 hours: at once, then after these waits. */
export const alipayRetryDelaysMs = [
  240_000, 600_000, 600_000, 3_600_000, 7_200_000, 21_600_000, 54_000_000,
] as const;

/** The fee the simulated Alipay charges in its bills: the standard 0.60% (DOMAIN.md §4). */
const billFeeRateBp = 60;

const billDownloadPath = '/downloadBillFile.resource';

/** Alipay's trade_no exists from trade.create on, so the simulator uses the prepay id for it. */
const tradeNo = (order: SimOrder) => order.prepayId;

function tradeStatus(order: SimOrder): string {
  if (order.status === 'paid') return 'TRADE_SUCCESS';
  if (order.status === 'created' || order.status === 'userpaying' || order.status === 'authorized')
    return 'WAIT_BUYER_PAY';
  return 'TRADE_CLOSED';
}

function alipayNotificationFormat(keys: AlipayKeys, clock: Clock): NotificationFormat {
  return {
    retryDelaysMs: alipayRetryDelaysMs,
    // Alipay notifies paid trades and successful refunds; failures are found by query.
    notifies: (event) =>
      event.kind === 'payment'
        ? event.order.status === 'paid'
        : event.refund.status === 'succeeded',
    render(event, { notificationId, spoil }) {
      const { order } = event;
      const params: Record<string, string> = {
        notify_time: shanghaiDateTime(clock.now()),
        notify_type: 'trade_status_sync',
        notify_id: notificationId,
        app_id: keys.appId,
        charset: 'utf-8',
        version: '1.0',
        sign_type: 'RSA2',
        trade_no: tradeNo(order),
        out_trade_no: order.outTradeNo,
        trade_status: 'TRADE_SUCCESS',
        total_amount: fenToYuan(order.amountFen),
        receipt_amount: fenToYuan(order.amountFen),
        buyer_id: order.payerRef ?? '',
        seller_id: order.merchantId,
        gmt_create: shanghaiDateTime(order.createdAt),
        ...(order.paidAt ? { gmt_payment: shanghaiDateTime(order.paidAt) } : {}),
      };
      const tampered = { ...params };
      if (event.kind === 'refund') {
        const refund: SimRefund = event.refund;
        params.out_biz_no = refund.outRefundNo;
        params.refund_fee = fenToYuan(refund.amountFen);
        params.gmt_refund = shanghaiDateTime(refund.settledAt ?? clock.now());
        if (order.refundedFen >= order.amountFen) params.trade_status = 'TRADE_CLOSED';
        Object.assign(tampered, params, { refund_fee: fenToYuan(refund.amountFen + 100) });
      } else {
        tampered.total_amount = fenToYuan(order.amountFen + 100);
      }
      const sign = spoil.badSignature
        ? signRsaSha256('not the notification', keys.alipay.privateKeyPem)
        : signAlipayParams(params, keys.alipay.privateKeyPem, { excludeSignType: true });
      const sent = spoil.tamperAmount ? tampered : params;
      return {
        headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
        body: new URLSearchParams({ ...sent, sign }).toString(),
      };
    },
    isAcknowledged: (reply) => reply.statusCode === 200 && reply.body.trim() === 'success',
  };
}

type Biz = Record<string, unknown>;

function alipayFront(engine: SimulatedChannel, keys: AlipayKeys): ChannelFront {
  const reply = (method: string, node: Record<string, unknown>): HttpResponse => {
    const nodeText = JSON.stringify(node);
    const spoil = engine.takeFault('badResponseSignatures');
    const sign = signRsaSha256(spoil ? `${nodeText} ` : nodeText, keys.alipay.privateKeyPem);
    return {
      status: 200,
      headers: { 'content-type': 'application/json;charset=utf-8' },
      body: `{"${alipayResponseNodeName(method)}":${nodeText},"sign":"${sign}"}`,
    };
  };
  const success = (method: string, fields: Record<string, unknown>) =>
    reply(method, { code: '10000', msg: 'Success', ...fields });
  const failure = (method: string, subCode: string, subMsg: string, code = '40004') =>
    reply(method, {
      code,
      msg: code === '40004' ? 'Business Failed' : 'Invalid Arguments',
      sub_code: subCode,
      sub_msg: subMsg,
    });
  const methodOf = (request: SimApiRequest) =>
    new URLSearchParams(request.body).get('method') ?? 'alipay.unknown';

  function payReply(method: string, order: SimOrder): HttpResponse {
    const fields = {
      trade_no: tradeNo(order),
      out_trade_no: order.outTradeNo,
      buyer_user_id: order.payerRef,
      total_amount: fenToYuan(order.amountFen),
      ...(order.paidAt ? { gmt_payment: shanghaiDateTime(order.paidAt) } : {}),
    };
    if (order.status === 'paid') return success(method, fields);
    if (order.status === 'userpaying')
      return reply(method, { code: '10003', msg: 'Waiting for buyer pay', ...fields });
    if (order.failure?.code === 'insufficient_balance')
      return failure(method, 'ACQ.BUYER_BALANCE_NOT_ENOUGH', '买家余额不足');
    if (order.status === 'failed')
      return failure(method, 'ACQ.PAYMENT_AUTH_CODE_INVALID', '付款码无效或已过期');
    return failure(method, 'ACQ.TRADE_HAS_CLOSE', '交易已关闭');
  }

  function refundStatus(refund: SimRefund): string {
    return { processing: 'REFUND_PROCESSING', succeeded: 'REFUND_SUCCESS', failed: 'REFUND_FAIL' }[
      refund.status
    ];
  }

  const downloads = new StatementDownloads(engine.clock);

  const handlers: Record<
    string,
    (
      method: string,
      biz: Biz,
      params: Record<string, string>,
      request: SimApiRequest,
    ) => HttpResponse | Promise<HttpResponse>
  > = {
    /**
     * Prepares the trade bill zip of a day that has ended (the app's, or one sub-merchant's by
     * smid) and answers a short-lived address to GET it from, as Alipay's bill center does.
     */
    async 'alipay.data.dataservice.bill.downloadurl.query'(method, biz, _params, request) {
      const day = String(biz.bill_date ?? '');
      if (biz.bill_type !== 'trade' || !/^\d{4}-\d{2}-\d{2}$/.test(day))
        return failure(method, 'isv.invalid-parameter', '参数无效', '40002');
      if (!dayHasEnded(engine, day)) return failure(method, 'isp.bill_not_exist', '账单不存在');
      const smid = typeof biz.smid === 'string' && biz.smid !== '' ? biz.smid : undefined;
      const account = smid ?? keys.appId;
      const records = bookedRecords(engine, {
        day,
        merchantId: smid,
        feeRateBp: billFeeRateBp,
        transactionIdOf: tradeNo,
      });
      const bytes = await collectBytes(
        writeAlipayBill(records, { day, channelMerchantId: account }),
      );
      const compactDay = day.replaceAll('-', '');
      const query = new URLSearchParams({
        bizType: 'trade',
        bizDates: compactDay,
        downloadFileName: `${account}_${compactDay}.csv.zip`,
        token: downloads.offer(bytes),
      });
      const mountPath = request.pathname.slice(
        0,
        request.pathname.length - request.localPath.length,
      );
      return success(method, { bill_download_url: `${mountPath}${billDownloadPath}?${query}` });
    },
    'alipay.trade.create'(method, biz, params) {
      const amountFen = yuanToFen(String(biz.total_amount ?? ''));
      const merchantId = (biz.sub_merchant as { merchant_id?: string } | undefined)?.merchant_id;
      if (
        amountFen === null ||
        amountFen === 0 ||
        !merchantId ||
        !params.notify_url ||
        typeof biz.out_trade_no !== 'string'
      ) {
        return failure(method, 'ACQ.INVALID_PARAMETER', '参数无效', '40004');
      }
      const created = engine.createWalletOrder({
        outTradeNo: biz.out_trade_no,
        merchantId,
        amountFen,
        description: String(biz.subject ?? ''),
        notifyUrl: params.notify_url,
        payerRef: typeof biz.buyer_id === 'string' ? biz.buyer_id : undefined,
      });
      if ('error' in created) return failure(method, 'ACQ.TRADE_HAS_SUCCESS', '交易号重复');
      return success(method, {
        trade_no: tradeNo(created.order),
        out_trade_no: created.order.outTradeNo,
      });
    },
    'alipay.trade.pay'(method, biz) {
      const amountFen = yuanToFen(String(biz.total_amount ?? ''));
      const merchantId = (biz.sub_merchant as { merchant_id?: string } | undefined)?.merchant_id;
      const authCode = String(biz.auth_code ?? '');
      if (amountFen === null || !merchantId || typeof biz.out_trade_no !== 'string') {
        return failure(method, 'ACQ.INVALID_PARAMETER', '参数无效');
      }
      const paid = engine.payWithPaymentCode({
        outTradeNo: biz.out_trade_no,
        merchantId,
        amountFen,
        description: String(biz.subject ?? ''),
        authCode,
        validCode: paymentCodeFormats.alipay.test(authCode),
      });
      if ('error' in paid) return failure(method, 'ACQ.TRADE_HAS_CLOSE', '交易已关闭');
      return payReply(method, paid.order);
    },
    'alipay.trade.query'(method, biz) {
      const order = engine.order(String(biz.out_trade_no ?? ''));
      if (!order || order.source === 'reversal_only')
        return failure(method, 'ACQ.TRADE_NOT_EXIST', '交易不存在');
      return success(method, {
        trade_no: tradeNo(order),
        out_trade_no: order.outTradeNo,
        trade_status: tradeStatus(order),
        total_amount: fenToYuan(order.amountFen),
        buyer_user_id: order.payerRef,
        ...(order.paidAt ? { send_pay_date: shanghaiDateTime(order.paidAt) } : {}),
      });
    },
    'alipay.trade.cancel'(method, biz) {
      const outTradeNo = String(biz.out_trade_no ?? '');
      const { order, refunded } = engine.reverse({ outTradeNo, merchantId: '' });
      return success(method, {
        trade_no: tradeNo(order),
        out_trade_no: outTradeNo,
        retry_flag: 'N',
        action: refunded ? 'refund' : 'close',
      });
    },
    'alipay.trade.close'(method, biz) {
      const closed = engine.close(String(biz.out_trade_no ?? ''));
      if ('error' in closed) {
        return closed.error === 'paid'
          ? failure(method, 'ACQ.TRADE_STATUS_ERROR', '交易状态不合法')
          : failure(method, 'ACQ.TRADE_NOT_EXIST', '交易不存在');
      }
      return success(method, {
        trade_no: tradeNo(closed.order),
        out_trade_no: closed.order.outTradeNo,
      });
    },
    'alipay.trade.refund'(method, biz, params) {
      const amountFen = yuanToFen(String(biz.refund_amount ?? ''));
      const outTradeNo = String(biz.out_trade_no ?? '');
      if (amountFen === null) return failure(method, 'ACQ.INVALID_PARAMETER', '参数无效');
      // Without out_request_no Alipay treats the refund as a full one of the trade.
      const outRefundNo = String(biz.out_request_no ?? outTradeNo);
      const accepted = engine.refund({
        outTradeNo,
        outRefundNo,
        amountFen,
        notifyUrl: params.notify_url,
      });
      if ('error' in accepted) {
        const subCode = {
          order_not_found: 'ACQ.TRADE_NOT_EXIST',
          not_paid: 'ACQ.TRADE_STATUS_ERROR',
          exceeds_paid: 'ACQ.REFUND_AMT_NOT_EQUAL_TOTAL',
          duplicate_refund: 'ACQ.REFUND_AMT_NOT_EQUAL_TOTAL',
        }[accepted.error];
        return failure(method, subCode, accepted.error);
      }
      const order = engine.order(outTradeNo);
      return success(method, {
        trade_no: order ? tradeNo(order) : '',
        out_trade_no: outTradeNo,
        refund_fee: fenToYuan(accepted.refund.amountFen),
        fund_change: accepted.refund.status === 'succeeded' ? 'Y' : 'N',
      });
    },
    'alipay.trade.fastpay.refund.query'(method, biz) {
      const refund = engine.refundByNo(String(biz.out_request_no ?? ''));
      if (!refund || refund.outTradeNo !== biz.out_trade_no)
        return success(method, { out_trade_no: biz.out_trade_no });
      return success(method, {
        out_trade_no: refund.outTradeNo,
        out_request_no: refund.outRefundNo,
        refund_amount: fenToYuan(refund.amountFen),
        refund_status: refundStatus(refund),
      });
    },
  };

  return {
    systemError: (request) => failure(methodOf(request), 'ACQ.SYSTEM_ERROR', '系统错误', '20000'),

    handleApi(request) {
      // The bill address is pre-authorised by its token, as Alipay's is: no signature here.
      if (request.method === 'GET' && request.localPath === billDownloadPath) {
        const bytes = downloads.find(request.query.get('token') ?? '');
        if (!bytes) return { status: 404, headers: { 'content-type': 'text/plain' }, body: '' };
        return fileReply(bytes, 'application/zip');
      }
      if (request.method !== 'POST' || request.localPath !== '/gateway.do') {
        return { status: 404, headers: { 'content-type': 'text/plain' }, body: 'not found' };
      }
      const params = Object.fromEntries(new URLSearchParams(request.body));
      const method = params.method ?? 'alipay.unknown';
      if (params.app_id !== keys.appId)
        return failure(method, 'isv.invalid-app-id', '无效的AppID', '40002');
      if (params.sign_type !== 'RSA2' || !verifyAlipayParams(params, keys.app.publicKeyPem)) {
        return failure(method, 'isv.invalid-signature', '验签出错', '40002');
      }
      const handler = handlers[method];
      if (!handler) return failure(method, 'isv.invalid-method', '不存在的方法名', '40002');
      let biz: Biz;
      try {
        biz = JSON.parse(params.biz_content ?? '{}') as Biz;
      } catch {
        return failure(method, 'isv.invalid-biz-content', 'biz_content 不是 JSON', '40002');
      }
      return handler(method, biz, params, request);
    },
  };
}

export function createAlipaySimulator(options: SimulatorOptions<AlipayKeys>) {
  return createChannelSimulator('alipay', options, {
    idPrefix: '2026',
    format: alipayNotificationFormat,
    front: alipayFront,
  });
}
