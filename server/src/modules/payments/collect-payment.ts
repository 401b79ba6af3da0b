import type { ChannelPaymentResult } from '../../adapters/channels/channel-client.js';
import type { Principal } from '../../platform/auth/principal.js';
import { Batcher, captureBatching, type Settled } from '../../platform/db/batcher.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { type Creation, idempotentCreations } from '../../platform/http/idempotent-creations.js';
import { applyChannelResult } from './apply-channel-result.js';
import { channelForAuthCode } from './channel-routing.js';
import type { PaymentDeps } from './deps.js';
import { type NewPayment, type Opened, openPayments } from './open-payment.js';
import { type PendingSuccess, succeedPendingPayments } from './payment-transitions.js';
import type { CreatePaymentBody } from './schemas.js';
import type { PaymentRow } from './tables.js';

/** A store the caller may take payments for: its merchant's, and a cashier's own store. */
function storeFor(principal: Principal, storeId: string): string {
  if (principal.storeId && principal.storeId !== storeId) {
    throw new AppError('resource_not_found', { param: 'storeId' });
  }
  return storeId;
}

/** Payment codes and cards are first followed up this long after the call (DOMAIN.md §3). */
const firstCheckAfterMs = 5_000;

/** One POST /payments: who collects, and what. */
export type Collection = { principal: Principal; body: CreatePaymentBody };

/** The pending payment a request asks for, or its refusal before any row is read. */
function newPaymentOf(deps: PaymentDeps, { principal, body }: Collection): NewPayment {
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
    return {
      ...common,
      method: 'order_code',
      codeKind: 'dynamic',
      orderReference: body.orderReference,
      expiresAt,
      nextCheckAt: expiresAt,
    };
  }
  const reverseAt = new Date(now.getTime() + deps.config.paymentCodeReverseMs);
  const nextCheckAt = new Date(now.getTime() + firstCheckAfterMs);
  if (body.method === 'payment_code') {
    const channel = channelForAuthCode(body.authCode);
    if (!channel) throw new AppError('payment_code_unrecognised', { param: 'authCode' });
    return {
      ...common,
      method: 'payment_code',
      channel,
      codeKind: 'dynamic',
      orderReference: body.orderReference ?? null,
      authCodePrefix: body.authCode.slice(0, 4),
      reverseAt,
      nextCheckAt,
    };
  }
  return {
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
    nextCheckAt,
  };
}

/**
 * The first half of POST /payments, in the Idempotency-Key transaction of a batch of
 * requests: the pending payments and the times of their follow-ups (`next_check_at`, in the
 * same insert) are recorded before any channel is called, so a crash after this point leaves
 * payments the sweeper settles (by query, then reversal), never a lost one.
 */
export async function openCollections(
  tx: Db,
  deps: PaymentDeps,
  collections: readonly Collection[],
): Promise<Settled<Opened>[]> {
  const answers: Settled<Opened>[] = [];
  const valid: { index: number; input: NewPayment }[] = [];
  for (const [index, collection] of collections.entries()) {
    try {
      valid.push({ index, input: newPaymentOf(deps, collection) });
    } catch (error) {
      answers[index] = { ok: false, error };
    }
  }
  const opened = await openPayments(
    tx,
    deps,
    valid.map((entry) => entry.input),
  );
  for (const [k, { index }] of valid.entries()) answers[index] = opened[k] as Settled<Opened>;
  return answers;
}

/**
 * The capture path's two group commits: the intents of concurrent requests, with their
 * Idempotency-Keys, in one transaction; and the successes the channels answered, in another.
 */
export function paymentCollector(deps: PaymentDeps) {
  const intents = idempotentCreations(
    deps,
    (tx, collections: readonly Collection[]) => openCollections(tx, deps, collections),
    (opened: Opened) => opened.payment.id,
    captureBatching,
  );
  const successes = new Batcher(
    (items: readonly PendingSuccess[]) =>
      deps.db.transaction(async (tx) =>
        (await succeedPendingPayments(tx, deps.clock, items)).map((value) => ({
          ok: true as const,
          value,
        })),
      ),
    captureBatching,
  );
  return {
    open: (creation: Creation<Collection>) => intents.submit(creation),
    complete: (opened: Opened, body: CreatePaymentBody) =>
      completeCollection(deps, (success) => successes.submit(success), opened, body),
  };
}

/**
 * The second half, after the commit: the customer's code or card goes to its channel, and a
 * synchronous answer settles the payment at once. The auth code is used here and never stored.
 * A timeout or an unknown answer leaves it pending for the sweeper.
 */
async function completeCollection(
  deps: PaymentDeps,
  succeed: (success: PendingSuccess) => Promise<PaymentRow | null>,
  opened: Opened,
  body: CreatePaymentBody,
): Promise<PaymentRow> {
  const { payment, context } = opened;
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
      'channel call failed; the sweeper follows up',
    );
    return payment;
  }
  if (result.status === 'succeeded') {
    const settled = await succeed({ payment, facts: result, context });
    if (settled) return settled;
  }
  if (result.status === 'pending' || result.status === 'unknown') return payment;
  return applyChannelResult(deps, payment.id, result);
}
