import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { merchants, stores } from '../merchants/index.js';
import { scheduleCheck } from './check-payment.js';
import { notifyUrl, type PaymentDeps } from './deps.js';
import { openPayment } from './open-payment.js';
import { lockPayment } from './payment-transitions.js';
import { storeByCode } from './store-codes.js';
import { type Channel, type PaymentRow, payments } from './tables.js';

/** The wallets a payer can pay a store code or an order code with. */
export const walletChannels: Channel[] = ['wechat', 'alipay', 'unionpay', 'bankapp'];

/** A wallet order (JSAPI prepay) lives two hours at the channels (DOMAIN.md §3). */
const walletOrderLifeMs = 2 * 3_600_000;

export type WalletHandle = { prepayId: string; confirmUrl: string } | null;

function requireWallet(channel: Channel): void {
  if (!walletChannels.includes(channel))
    throw new AppError('channel_not_accepted', { param: 'channel' });
}

/**
 * A payer scanned a store's static code and typed the amount: the pending payment, tagged
 * static for the PBOC level-D limit of the payer, and its follow-up query.
 */
export async function openStoreCodePayment(
  tx: Db,
  deps: PaymentDeps,
  code: string,
  body: { amountFen?: number; channel: Channel; payerRef: string },
): Promise<PaymentRow> {
  requireWallet(body.channel);
  if (body.amountFen === undefined) {
    throw new AppError('validation_failed', {
      param: 'amountFen',
      fieldErrors: [
        {
          param: 'amountFen',
          code: 'required',
          message: { zh: '请输入金额', en: 'Enter the amount' },
        },
      ],
    });
  }
  const store = await storeByCode(tx, code);
  const now = deps.clock.now();
  const payment = await openPayment(tx, deps, {
    merchantId: store.merchantId,
    storeId: store.storeId,
    method: 'store_code',
    channel: body.channel,
    amountFen: body.amountFen,
    codeKind: 'static',
    payerRef: `${body.channel}:${body.payerRef}`,
    expiresAt: new Date(now.getTime() + walletOrderLifeMs),
  });
  await scheduleCheck(tx, payment.id, new Date(now.getTime() + 60_000));
  return payment;
}

/** The payer of an order code picked a wallet: the order is bound to it from then on. */
export async function chooseOrderWallet(
  deps: PaymentDeps,
  paymentId: string,
  body: { channel: Channel; payerRef: string },
): Promise<PaymentRow> {
  requireWallet(body.channel);
  return deps.db.transaction(async (tx) => {
    const payment = await lockPayment(tx, paymentId);
    const now = deps.clock.now();
    const expired = payment.expiresAt !== null && now >= payment.expiresAt;
    if (payment.method !== 'order_code') throw new AppError('resource_not_found');
    if (payment.status !== 'pending' || expired) throw new AppError('order_not_payable');
    // Once a wallet holds the order, another wallet must not take a second payment for it.
    if (payment.channel && payment.channel !== body.channel) {
      throw new AppError('channel_not_accepted', { param: 'channel' });
    }
    const [updated] = await tx
      .update(payments)
      .set({ channel: body.channel, payerRef: `${body.channel}:${body.payerRef}`, updatedAt: now })
      .where(eq(payments.id, paymentId))
      .returning();
    await scheduleCheck(tx, paymentId, new Date(now.getTime() + 60_000));
    return updated as PaymentRow;
  });
}

/**
 * Opens the wallet's side of a pending payment (WeChat JSAPI prepay, Alipay trade.create, …)
 * after the payment is committed. Asking again for the same order gives the same prepay, so a
 * replayed request is safe. Null when the channel did not answer: the payer may retry.
 */
export async function openWallet(deps: PaymentDeps, payment: PaymentRow): Promise<WalletHandle> {
  if (payment.status !== 'pending' || !payment.channel) return null;
  const answer = await deps.channels[payment.channel]
    .createOrder({
      outTradeNo: payment.id,
      amountFen: payment.amountFen,
      channelMerchantId: payment.merchantId,
      description: payment.description ?? '门店收款',
      payerRef: payment.payerRef ?? '',
      notifyUrl: notifyUrl(deps.config, payment.channel),
    })
    .catch((error: unknown) => {
      deps.logger.warn({ err: error, paymentId: payment.id }, 'wallet order not created');
      return null;
    });
  if (!answer || !('prepayId' in answer)) return null;
  // The simulated wallets confirm beside their order page (…/wallet/orders/<id> →
  // …/wallet/confirm); the cashier posts there from the payer's browser, so the path is
  // relative to this installation.
  const page = new URL(answer.walletUrl, deps.config.publicUrl);
  return {
    prepayId: answer.prepayId,
    confirmUrl: page.pathname.replace(/\/wallet\/orders\/[^/]*$/, '/wallet/confirm'),
  };
}

/** The names a payer sees of where they pay: the store and its merchant. */
export async function namesOfStore(db: Db, storeId: string) {
  const [row] = await db
    .select({ storeName: stores.name, merchantName: merchants.shortName })
    .from(stores)
    .innerJoin(merchants, eq(merchants.id, stores.merchantId))
    .where(eq(stores.id, storeId));
  return {
    storeName: row?.storeName ?? '',
    merchantName: row?.merchantName ?? row?.storeName ?? '',
  };
}

/** The payer's view: the result page needs no fee, no merchant ids, nothing of the ledger. */
export async function cashierPaymentView(db: Db, payment: PaymentRow, wallet: WalletHandle) {
  return {
    paymentId: payment.id,
    status: payment.status,
    amountFen: payment.amountFen,
    channel: payment.channel,
    ...(await namesOfStore(db, payment.storeId)),
    succeededAt: payment.succeededAt?.toISOString() ?? null,
    failureMessage: payment.failureMessage,
    wallet,
  };
}
