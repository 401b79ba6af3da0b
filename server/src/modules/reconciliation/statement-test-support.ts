import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Session } from '../../../test/factories.js';
import type { TestApp } from '../../../test/harness.js';
import { collectByCode } from '../../../test/payment-factories.js';
import { shanghaiDay, shanghaiDayStart } from '../../platform/clock.js';
import {
  collectBytes,
  type StatementRecord,
  statementWriters,
} from '../../simulators/statements/index.js';
import { type PaymentRow, payments, type RefundRow, refunds } from '../payments/tables.js';

/**
 * Test support for reconciliation: real payments made through the app on a business day of
 * the test's choosing, the channel's statement written from them (with whatever the test
 * changes), and the upload of that file as a user sends it.
 */

const dayMs = 24 * 3_600_000;

/** Moves the test clock to 10:00 Asia/Shanghai of `day` (YYYY-MM-DD). */
export function moveToDay(testApp: TestApp, day: string, hourShanghai = 10): void {
  testApp.clock.set(new Date(shanghaiDayStart(day).getTime() + hourShanghai * 3_600_000));
}

/** The Shanghai day after `day`. */
export function nextDay(day: string): string {
  return shanghaiDay(new Date(shanghaiDayStart(day).getTime() + dayMs));
}

export async function paymentById(testApp: TestApp, id: string): Promise<PaymentRow> {
  const [row] = await testApp.db.select().from(payments).where(eq(payments.id, id));
  if (!row) throw new Error(`No payment ${id}`);
  return row;
}

/** A WeChat payment-code payment at the merchant's till (`lastFour` steers the simulator). */
export async function wechatPayment(
  testApp: TestApp,
  till: { session: Session; storeId: string },
  amountFen: number,
  lastFour = '1234',
): Promise<PaymentRow> {
  const reply = await collectByCode(till.session, till.storeId, amountFen, { lastFour });
  if (reply.statusCode !== 201) throw new Error(`Payment refused: ${reply.body}`);
  return paymentById(testApp, reply.json().id);
}

/** A refund the channel completes at once (the simulator runs its due work). */
export async function completedRefund(
  testApp: TestApp,
  session: Session,
  paymentId: string,
  amountFen: number,
): Promise<RefundRow> {
  const reply = await session.request(
    'POST',
    `/api/v1/payments/${paymentId}/refunds`,
    { amountFen },
    { 'idempotency-key': randomUUID() },
  );
  if (reply.statusCode !== 201) throw new Error(`Refund refused: ${reply.body}`);
  testApp.clock.advance(5_000);
  await testApp.simulators.runDue();
  const [row] = await testApp.db.select().from(refunds).where(eq(refunds.id, reply.json().id));
  if (row?.status !== 'succeeded') throw new Error(`Refund not completed: ${row?.status}`);
  return row;
}

/** A payment as the channel lists it: paid, for its amount, booked when it succeeded. */
export function paymentRecord(
  payment: PaymentRow,
  change: Partial<StatementRecord> = {},
): StatementRecord {
  return {
    kind: 'payment',
    channelTransactionId: payment.channelTransactionId ?? `wx-${payment.id}`,
    outTradeNo: payment.id,
    amountFen: payment.amountFen,
    channelFeeFen: Math.floor(payment.amountFen * 0.002),
    status: 'succeeded',
    tradedAt: payment.succeededAt ?? payment.createdAt,
    channelMerchantId: payment.merchantId,
    description: '测试商品',
    ...change,
  };
}

export function refundRecord(
  refund: RefundRow,
  payment: PaymentRow,
  change: Partial<StatementRecord> = {},
): StatementRecord {
  return {
    kind: 'refund',
    channelTransactionId: payment.channelTransactionId ?? `wx-${payment.id}`,
    outTradeNo: payment.id,
    channelRefundId: refund.channelRefundId ?? `wxr-${refund.id}`,
    outRefundNo: refund.id,
    amountFen: refund.amountFen,
    channelFeeFen: 0,
    status: 'refunded',
    tradedAt: refund.closedAt ?? refund.createdAt,
    channelMerchantId: payment.merchantId,
    description: '测试商品',
    ...change,
  };
}

/** The channel's statement file of `day` with these records, written as the channel writes it. */
export async function statementFile(
  channel: 'wechat' | 'alipay' | 'unionpay',
  day: string,
  records: StatementRecord[],
): Promise<Buffer> {
  return collectBytes(statementWriters[channel](records, { day, channelMerchantId: '1900000109' }));
}

/** A user uploads the file, as the console does. */
export function uploadStatement(
  session: Session,
  channel: 'wechat' | 'alipay' | 'unionpay',
  day: string,
  file: Buffer,
) {
  return session.request(
    'POST',
    `/api/v1/reconciliation/imports?channel=${channel}&date=${day}`,
    file,
    {
      'content-type': 'application/octet-stream',
    },
  );
}
