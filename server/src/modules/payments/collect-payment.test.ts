import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { signInMerchant } from '../../../test/merchant-factories.js';
import {
  collectByCode,
  merchantAtTill,
  paymentRow,
  wechatAuthCode,
} from '../../../test/payment-factories.js';
import { ledgerJournals } from '../ledger/tables.js';
import { parseEmvcoPayload } from './emvco.js';
import { payments } from './tables.js';

let testApp: TestApp;
let till: Awaited<ReturnType<typeof merchantAtTill>>;

beforeAll(async () => {
  testApp = await createTestApp();
  till = await merchantAtTill(testApp);
});
afterAll(() => testApp.close());

async function journalsOf(sourceId: string) {
  return testApp.db.select().from(ledgerJournals).where(eq(ledgerJournals.sourceId, sourceId));
}

describe('collecting a customer’s payment code', () => {
  it('succeeds synchronously when the channel answers, with the fee and one journal', async () => {
    const reply = await collectByCode(till.session, till.storeId, 1234);
    expect(reply.statusCode).toBe(201);
    const payment = reply.json();
    expect(payment).toMatchObject({
      status: 'succeeded',
      channel: 'wechat',
      feeFen: 7,
      netFen: 1227,
    });
    expect(await journalsOf(payment.id)).toHaveLength(1);
  });

  it('routes Alipay and UnionPay codes to their channels and refuses a code no channel issues', async () => {
    const scan = (authCode: string) =>
      till.session.request('POST', '/api/v1/payments', {
        method: 'payment_code',
        storeId: till.storeId,
        amountFen: 500,
        authCode,
      });
    expect((await scan('281234567890123456')).json()).toMatchObject({
      channel: 'alipay',
      status: 'succeeded',
    });
    expect((await scan('6212345678901234567')).json()).toMatchObject({
      channel: 'unionpay',
      status: 'succeeded',
    });
    const unknown = await scan('991234567890123456');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('payment_code_unrecognised');
  });

  it('fails when the payer’s balance is short, posting nothing', async () => {
    const reply = await collectByCode(till.session, till.storeId, 800, { lastFour: '9999' });
    expect(reply.json().status).toBe('failed');
    expect(reply.json().failureMessage).toBeTruthy();
    expect(await journalsOf(reply.json().id)).toHaveLength(0);
  });

  it('polls while the payer enters a password and settles when the channel says paid', async () => {
    const reply = await collectByCode(till.session, till.storeId, 2000, { lastFour: '0000' });
    expect(reply.json().status).toBe('pending');
    testApp.clock.advance(6_000);
    await testApp.jobs.runDue();
    expect((await paymentRow(testApp, reply.json().id)).status).toBe('succeeded');
    expect(await journalsOf(reply.json().id)).toHaveLength(1);
  });

  it('reverses a payment the channel never answers after 30 s, as the channels do', async () => {
    const shortTimeout = await createTestApp({ CHANNEL_TIMEOUT_MS: '200' });
    try {
      const local = await merchantAtTill(shortTimeout);
      // The channel never receives the order: the call times out, and every query says unknown.
      shortTimeout.simulators.setFaults('wechat', { timeouts: 1, timeoutsAfterProcessing: false });
      const reply = await collectByCode(local.session, local.storeId, 3000);
      expect(reply.json().status).toBe('pending');
      const seen: string[] = [];
      for (let second = 5; second <= 35; second += 5) {
        shortTimeout.clock.advance(5_000);
        await shortTimeout.jobs.runDue();
        seen.push((await paymentRow(shortTimeout, reply.json().id)).status);
      }
      // Pending while the platform polls every 5 s; cancelled once 30 s have passed.
      expect(seen.slice(0, 5)).toEqual(['pending', 'pending', 'pending', 'pending', 'pending']);
      expect(seen.at(-1)).toBe('cancelled');
      const journals = await shortTimeout.db
        .select()
        .from(ledgerJournals)
        .where(eq(ledgerJournals.sourceId, reply.json().id));
      expect(journals).toHaveLength(0);
    } finally {
      await shortTimeout.close();
    }
  });
});

describe('idempotent capture', () => {
  it('50 concurrent identical requests make one payment and one journal', async () => {
    const key = randomUUID();
    const body = {
      method: 'payment_code',
      storeId: till.storeId,
      amountFen: 4321,
      authCode: wechatAuthCode(),
    };
    const replies = await Promise.all(
      Array.from({ length: 50 }, () =>
        till.session.request('POST', '/api/v1/payments', body, { 'idempotency-key': key }),
      ),
    );
    const ok = replies.filter((reply) => reply.statusCode === 201);
    expect(ok.length).toBeGreaterThan(0);
    for (const reply of replies) expect([201, 409]).toContain(reply.statusCode);
    const ids = new Set(ok.map((reply) => reply.json().id));
    expect(ids.size).toBe(1);
    const [id] = [...ids] as [string];
    const made = await testApp.db.select().from(payments).where(eq(payments.amountFen, 4321));
    expect(made).toHaveLength(1);
    expect(await journalsOf(id)).toHaveLength(1);
    const again = await till.session.request('POST', '/api/v1/payments', body, {
      'idempotency-key': key,
    });
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toMatchObject({ id, status: 'succeeded' });
  });
});

describe('captures committed together (group commit)', () => {
  it('answers each of many concurrent captures on its own: refusals among them leave nothing, the rest post once each', async () => {
    const other = await merchantAtTill(testApp);
    const countOf = async (merchantId: string) =>
      (await testApp.db.select().from(payments).where(eq(payments.merchantId, merchantId))).length;
    const before = { till: await countOf(till.id), other: await countOf(other.id) };
    const good = [
      ...Array.from(
        { length: 8 },
        (_, i) => () => collectByCode(till.session, till.storeId, 100 + i),
      ),
      ...Array.from(
        { length: 8 },
        (_, i) => () => collectByCode(other.session, other.storeId, 200 + i),
      ),
    ];
    // Another merchant's store, and an amount above every risk level's single limit.
    const refused = [
      () => collectByCode(till.session, other.storeId, 300),
      () => collectByCode(other.session, other.storeId, 5_000_001),
    ];
    const calls = [
      ...good.slice(0, 5),
      refused[0],
      ...good.slice(5, 12),
      refused[1],
      ...good.slice(12),
    ];
    const replies = await Promise.all(
      calls.map((call) => call?.() as ReturnType<typeof collectByCode>),
    );

    const [notFound, overLimit] = [replies[5], replies[13]];
    expect(notFound?.json().error.code).toBe('resource_not_found');
    expect(overLimit?.json().error.code).toBe('payment_limit_exceeded');
    const succeeded = replies
      .filter((reply) => reply.statusCode === 201)
      .map((reply) => reply.json());
    expect(succeeded).toHaveLength(16);
    expect(succeeded.every((payment) => payment.status === 'succeeded')).toBe(true);
    expect(new Set(succeeded.map((payment) => payment.id)).size).toBe(16);
    for (const payment of succeeded) expect(await journalsOf(payment.id)).toHaveLength(1);
    expect(await countOf(till.id)).toBe(before.till + 8);
    expect(await countOf(other.id)).toBe(before.other + 8);
  });
});

describe('cards from a terminal', () => {
  const card = { bin: '622848', last4: '0018', hostToken: 'ctk_7f3a9c21e4b8', cardType: 'debit' };

  it('takes BIN, last four and the host token, and shows the card masked', async () => {
    const reply = await till.session.request('POST', '/api/v1/payments', {
      method: 'card',
      storeId: till.storeId,
      terminalId: 'T0001',
      amountFen: 500_000,
      card,
    });
    expect(reply.statusCode).toBe(201);
    expect(reply.json()).toMatchObject({
      status: 'succeeded',
      channel: 'card',
      card: { masked: '622848******0018', cardType: 'debit' },
      // 0.35% of 5,000 CNY is 17.50 CNY, capped at 13 CNY for a debit card.
      feeFen: 1300,
    });
  });

  it('refuses a full card number with a clear error, and keeps it nowhere', async () => {
    const pan = '6228480402564890018';
    const reply = await till.session.request('POST', '/api/v1/payments', {
      method: 'card',
      storeId: till.storeId,
      terminalId: 'T0001',
      amountFen: 100,
      card: { ...card, number: pan },
    });
    expect(reply.statusCode).toBe(400);
    expect(reply.json().error.code).toBe('card_number_not_allowed');
    expect(reply.body).not.toContain(pan);
    const stored = await testApp.db
      .select()
      .from(payments)
      .where(eq(payments.cardToken, card.hostToken));
    expect(JSON.stringify(stored)).not.toContain(pan);
  });
});

describe('order codes', () => {
  it('makes a dynamic code for a fixed amount and reference, which expires unpaid', async () => {
    const reply = await till.session.request('POST', '/api/v1/payments', {
      method: 'order_code',
      storeId: till.storeId,
      amountFen: 2350,
      orderReference: 'ORD-20261202-1',
      expiresInMinutes: 30,
    });
    expect(reply.statusCode).toBe(201);
    const payment = reply.json();
    expect(payment.orderCode.url).toMatch(new RegExp(`/q/o/${payment.id}$`));
    const emvco = parseEmvcoPayload(payment.orderCode.emvco);
    expect(emvco.crcValid).toBe(true);
    expect(emvco.fields['01']).toBe('12');
    expect(emvco.fields['54']).toBe('23.50');

    const opened = await testApp.app.inject({
      method: 'GET',
      url: `/api/v1/cashier/orders/${payment.id}`,
    });
    expect(opened.json()).toMatchObject({ amountFen: 2350, status: 'pending' });

    testApp.clock.advance(31 * 60_000);
    await testApp.jobs.runDue();
    expect((await paymentRow(testApp, payment.id)).status).toBe('expired');
    const late = await testApp.app.inject({
      method: 'POST',
      url: `/api/v1/cashier/orders/${payment.id}/pay`,
      payload: { channel: 'wechat', payerRef: 'o_late' },
    });
    expect(late.json().error.code).toBe('order_not_payable');
  });

  it('is paid by the wallet the payer picks, and only by that wallet', async () => {
    // The previous test moved the clock past the session's idle timeout.
    const session = await signInMerchant(testApp, till.ownerMobile);
    const created = await session.request('POST', '/api/v1/payments', {
      method: 'order_code',
      storeId: till.storeId,
      amountFen: 990,
      orderReference: 'ORD-20261202-2',
    });
    expect(created.statusCode, created.body).toBe(201);
    const order = created.json();
    const pay = await testApp.app.inject({
      method: 'POST',
      url: `/api/v1/cashier/orders/${order.id}/pay`,
      payload: { channel: 'alipay', payerRef: '2088001' },
    });
    expect(pay.statusCode, pay.body).toBe(200);
    const other = await testApp.app.inject({
      method: 'POST',
      url: `/api/v1/cashier/orders/${order.id}/pay`,
      payload: { channel: 'wechat', payerRef: 'o_x' },
    });
    expect(other.json().error.code).toBe('channel_not_accepted');
    const { wallet } = pay.json();
    await testApp.app.inject({
      method: 'POST',
      url: wallet.confirmUrl,
      payload: { prepayId: wallet.prepayId, payerRef: '2088001' },
    });
    await testApp.simulators.runDue();
    expect((await paymentRow(testApp, order.id)).status).toBe('succeeded');
  });
});
