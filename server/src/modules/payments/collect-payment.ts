import type { ChannelPaymentResult } from '../../adapters/channels/channel-client.js';
import type { Principal } from '../../platform/auth/principal.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { applyChannelResult } from './apply-channel-result.js';
import { channelForAuthCode } from './channel-routing.js';
import { scheduleCheck } from './check-payment.js';
import type { PaymentDeps } from './deps.js';
import { openPayment } from './open-payment.js';
import type { CreatePaymentBody } from './schemas.js';
import type { PaymentRow } from './tables.js';

/** A store the caller may take payments for: its merchant's, and a cashier's own store. */
function storeFor(principal: Principal, storeId: string): string {
  if (principal.storeId && principal.storeId !== storeId) {
    throw new AppError('resource_not_found', { param: 'storeId' });
  }
  return storeId;
}

/**
 * The first half of POST /payments, in the Idempotency-Key transaction: the pending payment
 * and its follow-up check are recorded before any channel is called, so a crash after this
 * point leaves a payment the check job settles (by query, then reversal), never a lost one.
 */
export async function openCollection(
  tx: Db,
  deps: PaymentDeps,
  principal: Principal,
  body: CreatePaymentBody,
): Promise<PaymentRow> {
  if (principal.realm !== 'merchant' || !principal.merchantId)
    throw new AppError('permission_denied');
  const now = deps.clock.now();
  const common = {
    merchantId: principal.merchantId,
    storeId: storeFor(principal, body.storeId),
    amountFen: body.amountFen,
    description: body.description ?? null,
    createdByUserId: principal.apiKeyId ? null : principal.userId,
    apiKeyId: principal.apiKeyId ?? null,
  };
  if (body.method === 'order_code') {
    const expiresAt = new Date(now.getTime() + body.expiresInMinutes * 60_000);
    const payment = await openPayment(tx, deps, {
      ...common,
      method: 'order_code',
      codeKind: 'dynamic',
      orderReference: body.orderReference,
      expiresAt,
    });
    await scheduleCheck(tx, deps, payment.id, expiresAt);
    return payment;
  }
  const reverseAt = new Date(now.getTime() + deps.config.paymentCodeReverseMs);
  if (body.method === 'payment_code') {
    const channel = channelForAuthCode(body.authCode);
    if (!channel) throw new AppError('payment_code_unrecognised', { param: 'authCode' });
    const payment = await openPayment(tx, deps, {
      ...common,
      method: 'payment_code',
      channel,
      codeKind: 'dynamic',
      orderReference: body.orderReference ?? null,
      authCodePrefix: body.authCode.slice(0, 4),
      reverseAt,
    });
    await scheduleCheck(tx, deps, payment.id, new Date(now.getTime() + 5_000));
    return payment;
  }
  const payment = await openPayment(tx, deps, {
    ...common,
    method: 'card',
    channel: 'card',
    codeKind: 'none',
    orderReference: body.orderReference ?? null,
    cardBin: body.card.bin,
    cardLast4: body.card.last4,
    cardType: body.card.cardType,
    cardToken: body.card.hostToken,
    terminalId: body.terminalId,
    reverseAt,
  });
  await scheduleCheck(tx, deps, payment.id, new Date(now.getTime() + 5_000));
  return payment;
}

/**
 * The second half, after the commit: the customer's code or card goes to its channel, and a
 * synchronous answer settles the payment at once. The auth code is used here and never stored.
 * A timeout or an unknown answer leaves it pending for the check job.
 */
export async function completeCollection(
  deps: PaymentDeps,
  payment: PaymentRow,
  body: CreatePaymentBody,
): Promise<PaymentRow> {
  if (payment.status !== 'pending' || !payment.channel || body.method === 'order_code')
    return payment;
  const client = deps.channels[payment.channel];
  const order = {
    outTradeNo: payment.id,
    amountFen: payment.amountFen,
    channelMerchantId: payment.merchantId,
    description: payment.description ?? '门店收款',
  };
  let result: ChannelPaymentResult;
  try {
    if (body.method === 'payment_code') {
      result = await client.payWithAuthCode({ ...order, authCode: body.authCode });
    } else {
      if (!client.payWithCardToken) throw new Error(`${payment.channel} takes no card tokens`);
      result = await client.payWithCardToken({
        ...order,
        cardToken: body.card.hostToken,
        terminalId: body.terminalId,
      });
    }
  } catch (error) {
    deps.logger.warn(
      { err: error, paymentId: payment.id },
      'channel call failed; the check job follows up',
    );
    return payment;
  }
  return applyChannelResult(deps, payment.id, result);
}
