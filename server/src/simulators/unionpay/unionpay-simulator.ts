import { randomInt } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import type { HttpResponse } from '../../adapters/channels/index.js';
import { shanghaiCompact } from '../../adapters/channels/shanghai-time.js';
import {
  decodeUnionpayForm,
  encodeUnionpayForm,
  fenToUnionpayAmount,
  signUnionpayFields,
  unionpayAmountToFen,
  verifyUnionpayFields,
} from '../../adapters/channels/unionpay/unionpay-signing.js';
import { type Clock, shanghaiDay } from '../../platform/clock.js';
import { bookedRecords, dayHasEnded } from '../engine/booked-records.js';
import { createChannelSimulator, type SimulatorOptions } from '../engine/channel-simulator.js';
import { paymentCodeFormats } from '../engine/payment-code-rules.js';
import type {
  NotificationFormat,
  SimOrder,
  SimRefund,
  SimulatedChannel,
} from '../engine/simulated-channel.js';
import type { ChannelFront } from '../engine/simulator-handler.js';
import type { SimulatorKeys } from '../simulator-keys.js';
import { collectBytes } from '../statements/collect-bytes.js';
import { writeUnionpayStatement } from '../statements/unionpay-statement-writer.js';

type UnionpayKeys = SimulatorKeys['unionpay'];

/**
 * The backUrl notification is retried when the answer is not HTTP 200. The gateway's
 * documentation gives only "several times, at growing intervals"; the simulator doubles from
 * one minute, five retries (unverified against the real gateway).
 */
export const unionpayRetryDelaysMs = [60_000, 120_000, 240_000, 480_000, 960_000] as const;

const common = { version: '5.1.0', encoding: 'UTF-8', signMethod: '01' };

/** The fee the simulated UnionPay charges in its statements: 0.60%, as the wallets (DOMAIN.md §4). */
const statementFeeRateBp = 60;

/**
 * UnionPay's ids (queryId, tn) are 21 digits, the width of the statement's 查询流水号: the
 * Shanghai time to the second (yyMMddHHmmss) and nine random digits.
 */
function unionpayId(now: Date): string {
  return shanghaiCompact(now).slice(2) + String(randomInt(1_000_000_000)).padStart(9, '0');
}

/**
 * The day a settleDate (MMDD, no year) names: the latest such date that is not after today,
 * as the gateway serves files of past days only. Null for a date that does not exist.
 */
function dayOfSettleDate(mmdd: string, today: string): string | null {
  if (!/^\d{4}$/.test(mmdd)) return null;
  const candidate = (year: number) => `${year}-${mmdd.slice(0, 2)}-${mmdd.slice(2)}`;
  const year = Number(today.slice(0, 4));
  const day = candidate(year) > today ? candidate(year - 1) : candidate(year);
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day ? day : null;
}

function signedForm(fields: Record<string, string>, keys: UnionpayKeys, spoil: boolean): string {
  const signature = signUnionpayFields(
    spoil ? { ...fields, spoiled: '1' } : fields,
    keys.unionpay.privateKeyPem,
  );
  return encodeUnionpayForm({ ...fields, signature });
}

function orderRespCode(order: SimOrder): string {
  switch (order.status) {
    case 'paid':
      return '00';
    case 'failed':
      return order.failure?.code === 'insufficient_balance'
        ? '61'
        : order.failure?.code === 'invalid_code' || order.failure?.code === 'code_expired'
          ? '66'
          : '01';
    case 'closed':
    case 'reversed':
      return '83';
    default:
      return '05';
  }
}

const refundRespCode = (refund: SimRefund) =>
  ({ processing: '05', succeeded: '00', failed: '01' })[refund.status];

function unionpayNotificationFormat(keys: UnionpayKeys, clock: Clock): NotificationFormat {
  return {
    retryDelaysMs: unionpayRetryDelaysMs,
    notifies: (event) => event.kind === 'refund' || event.order.status === 'paid',
    render(event, { spoil }) {
      const { order } = event;
      const fields: Record<string, string> =
        event.kind === 'payment'
          ? {
              ...common,
              txnType: '01',
              txnSubType: '07',
              respCode: '00',
              respMsg: 'success',
              merId: order.merchantId,
              orderId: order.outTradeNo,
              queryId: order.transactionId,
              txnAmt: fenToUnionpayAmount(order.amountFen),
              payerRef: order.payerRef ?? '',
              traceTime: shanghaiCompact(clock.now()),
            }
          : {
              ...common,
              txnType: '04',
              txnSubType: '00',
              respCode: refundRespCode(event.refund),
              respMsg: event.refund.status,
              merId: order.merchantId,
              orderId: event.refund.outRefundNo,
              origOrderId: order.outTradeNo,
              origQryId: order.transactionId,
              queryId: event.refund.refundId,
              txnAmt: fenToUnionpayAmount(event.refund.amountFen),
              traceTime: shanghaiCompact(clock.now()),
            };
      const signature = signUnionpayFields(
        spoil.badSignature ? { ...fields, spoiled: '1' } : fields,
        keys.unionpay.privateKeyPem,
      );
      if (spoil.tamperAmount) {
        fields.txnAmt = fenToUnionpayAmount((unionpayAmountToFen(fields.txnAmt ?? '') ?? 0) + 100);
      }
      return {
        headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
        body: encodeUnionpayForm({ ...fields, signature }),
      };
    },
    isAcknowledged: (reply) => reply.statusCode === 200,
  };
}

function unionpayFront(engine: SimulatedChannel, keys: UnionpayKeys): ChannelFront {
  const reply = (
    request: Record<string, string>,
    fields: Record<string, string>,
  ): HttpResponse => ({
    status: 200,
    headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
    body: signedForm(
      {
        ...common,
        txnType: request.txnType ?? '',
        txnSubType: request.txnSubType ?? '',
        merId: request.merId ?? '',
        orderId: request.orderId ?? '',
        ...fields,
      },
      keys,
      engine.takeFault('badResponseSignatures'),
    ),
  });
  const code = (
    request: Record<string, string>,
    respCode: string,
    respMsg: string,
    more: Record<string, string> = {},
  ) => reply(request, { respCode, respMsg, ...more });

  function backTrans(request: Record<string, string>): HttpResponse {
    const { txnType, txnSubType, merId = '', orderId = '' } = request;
    const amountFen = unionpayAmountToFen(request.txnAmt ?? '');
    if (txnType === '01' && (txnSubType === '07' || txnSubType === '06')) {
      if (amountFen === null || amountFen === 0 || !merId || !orderId)
        return code(request, '01', '报文格式错误');
      if (txnSubType === '07') {
        if (!request.backUrl) return code(request, '01', 'backUrl 缺失');
        const created = engine.createWalletOrder({
          outTradeNo: orderId,
          merchantId: merId,
          amountFen,
          description: request.orderDesc ?? '',
          notifyUrl: request.backUrl,
          payerRef: request.payerRef || undefined,
        });
        if ('error' in created) return code(request, '12', '重复交易');
        return code(request, '00', '成功', { tn: created.order.prepayId });
      }
      const qrNo = request.qrNo ?? '';
      const paid = engine.payWithPaymentCode({
        outTradeNo: orderId,
        merchantId: merId,
        amountFen,
        description: request.orderDesc ?? '',
        authCode: qrNo,
        validCode: paymentCodeFormats.unionpay.test(qrNo),
      });
      if ('error' in paid)
        return code(request, paid.error === 'order_reversed' ? '35' : '12', paid.error);
      return code(request, orderRespCode(paid.order), paid.order.status, {
        queryId: paid.order.status === 'paid' ? paid.order.transactionId : '',
        payerRef: paid.order.payerRef ?? '',
      });
    }
    if (txnType === '31') {
      const outTradeNo = request.origOrderId ?? '';
      if (request.reqReserved === 'closeOnly') {
        const closed = engine.close(outTradeNo);
        if ('error' in closed)
          return code(request, closed.error === 'paid' ? '35' : '34', closed.error);
        return code(request, '00', '成功');
      }
      engine.reverse({ outTradeNo, merchantId: merId });
      return code(request, '00', '成功');
    }
    if (txnType === '04') {
      if (amountFen === null) return code(request, '01', '报文格式错误');
      const accepted = engine.refund({
        outTradeNo: request.origOrderId ?? '',
        outRefundNo: orderId,
        amountFen,
        notifyUrl: request.backUrl,
      });
      if ('error' in accepted)
        return code(request, accepted.error === 'order_not_found' ? '34' : '35', accepted.error);
      return code(request, '00', '受理成功', { queryId: accepted.refund.refundId });
    }
    return code(request, '01', '不支持的交易类型');
  }

  function query(request: Record<string, string>): HttpResponse {
    const orderId = request.orderId ?? '';
    const order = engine.merchantOrder(orderId, request.merId);
    if (order) {
      return code(request, '00', '成功', {
        origRespCode: orderRespCode(order),
        origRespMsg: order.failure?.message ?? order.status,
        queryId: order.transactionId,
        txnAmt: fenToUnionpayAmount(order.amountFen),
        payerRef: order.payerRef ?? '',
      });
    }
    const refund = engine.refundByNo(orderId);
    if (refund) {
      return code(request, '00', '成功', {
        origRespCode: refundRespCode(refund),
        origRespMsg: refund.status,
        queryId: refund.refundId,
        txnAmt: fenToUnionpayAmount(refund.amountFen),
      });
    }
    return code(request, '34', '查无此交易');
  }

  /**
   * fileTransRequest (txnType 76, fileType 00): the statement of a past settleDate, for one
   * merId or, without it, the whole institution, as fileContent: the file deflated (zlib) and
   * base64-encoded, as the gateway sends its files.
   */
  async function fileTransfer(request: Record<string, string>): Promise<HttpResponse> {
    if (request.txnType !== '76' || request.fileType !== '00')
      return code(request, '01', '报文格式错误');
    const day = dayOfSettleDate(request.settleDate ?? '', shanghaiDay(engine.clock.now()));
    if (!day) return code(request, '01', '清算日期格式错误');
    if (!dayHasEnded(engine, day)) return code(request, '98', '文件不存在');
    const merId = request.merId || undefined;
    const records = bookedRecords(engine, {
      day,
      merchantId: merId,
      feeRateBp: statementFeeRateBp,
    });
    const bytes = await collectBytes(
      writeUnionpayStatement(records, { day, channelMerchantId: merId ?? '' }),
    );
    return code(request, '00', '成功', {
      settleDate: request.settleDate ?? '',
      fileName: `INN${day.replaceAll('-', '').slice(2)}88ZM_${merId ?? 'ALL'}`,
      fileContent: deflateSync(bytes).toString('base64'),
    });
  }

  return {
    systemError: (request) => code(decodeUnionpayForm(request.body), '06', '系统繁忙'),

    handleApi(request) {
      const fields = decodeUnionpayForm(request.body);
      if (request.method !== 'POST') return { status: 405, headers: {}, body: '' };
      if (
        fields.certId !== keys.certId ||
        !verifyUnionpayFields(fields, keys.merchant.publicKeyPem)
      ) {
        return code(fields, '11', '验证签名失败');
      }
      if (request.localPath === '/gateway/api/backTransReq.do') return backTrans(fields);
      if (request.localPath === '/gateway/api/queryTrans.do') return query(fields);
      if (request.localPath === '/gateway/api/fileTransRequest.do') return fileTransfer(fields);
      return { status: 404, headers: { 'content-type': 'text/plain' }, body: 'not found' };
    },
  };
}

export function createUnionpaySimulator(options: SimulatorOptions<UnionpayKeys>) {
  return createChannelSimulator('unionpay', options, {
    idPrefix: '62',
    newId: unionpayId,
    format: unionpayNotificationFormat,
    front: unionpayFront,
  });
}
