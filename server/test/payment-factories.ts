import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { payments } from '../src/modules/payments/tables.js';
import type { Session } from './factories.js';
import type { TestApp } from './harness.js';
import { createActiveMerchant, signInMerchant } from './merchant-factories.js';

/** WeChat payment codes: 18 digits starting 13; the last four tell the simulator what to do. */
export function wechatAuthCode(lastFour = '1234'): string {
  return `13${String(Math.floor(Math.random() * 1e12)).padStart(12, '0')}${lastFour}`;
}

/** An active merchant whose owner is signed in to the portal. */
export async function merchantAtTill(testApp: TestApp, options: { nodeCode?: string } = {}) {
  const merchant = await createActiveMerchant(testApp, options);
  const owner = await signInMerchant(testApp, merchant.ownerMobile);
  return { ...merchant, session: owner };
}

/** The cashier scans a customer's WeChat code: the payment as POST /payments answers it. */
export async function collectByCode(
  session: Session,
  storeId: string,
  amountFen: number,
  options: { lastFour?: string; idempotencyKey?: string } = {},
) {
  return session.request(
    'POST',
    '/api/v1/payments',
    { method: 'payment_code', storeId, amountFen, authCode: wechatAuthCode(options.lastFour) },
    { 'idempotency-key': options.idempotencyKey ?? randomUUID() },
  );
}

/** The store's aggregated code, as the portal lists it. */
export async function storeCodeOf(session: Session): Promise<string> {
  const reply = await session.request('GET', '/api/v1/portal/store-codes');
  return reply.json().data[0].code as string;
}

/**
 * A payer scans the store code, types the amount and confirms in the simulated wallet; the
 * channel's notification is then delivered. Returns the cashier's answer to the payment.
 */
export async function payStoreCode(
  testApp: TestApp,
  code: string,
  amountFen: number,
  options: {
    channel?: 'wechat' | 'alipay' | 'unionpay' | 'bankapp';
    payerRef?: string;
    deliver?: boolean;
  } = {},
) {
  const payerRef = options.payerRef ?? `payer-${randomUUID().slice(0, 8)}`;
  const created = await testApp.app.inject({
    method: 'POST',
    url: `/api/v1/cashier/store-codes/${code}/payments`,
    headers: { 'idempotency-key': randomUUID() },
    payload: { amountFen, channel: options.channel ?? 'wechat', payerRef },
  });
  if (created.statusCode !== 201) return { created, paymentId: null };
  const { paymentId, wallet } = created.json();
  await testApp.app.inject({
    method: 'POST',
    url: wallet.confirmUrl,
    payload: { prepayId: wallet.prepayId, payerRef },
  });
  if (options.deliver !== false) await testApp.simulators.runDue();
  return { created, paymentId: paymentId as string };
}

export async function paymentRow(testApp: TestApp, paymentId: string) {
  const [row] = await testApp.db.select().from(payments).where(eq(payments.id, paymentId));
  if (!row) throw new Error(`No payment ${paymentId}`);
  return row;
}
