import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import {
  collectByCode,
  merchantAtTill,
  payStoreCode,
  storeCodeOf,
} from '../../../test/payment-factories.js';
import { merchants } from '../merchants/tables.js';
import { reserveLimits } from './limits.js';
import { dailyUsage } from './tables.js';

let testApp: TestApp;

beforeAll(async () => {
  testApp = await createTestApp({
    PAYMENT_VELOCITY_MAX: '3',
    PAYMENT_VELOCITY_WINDOW_SECONDS: '60',
  });
});
afterAll(() => testApp.close());

function limitOf(reply: {
  json(): { error: { code: string; errors?: { code: string; message: string }[] } };
}) {
  const error = reply.json().error;
  return { code: error.code, limit: error.errors?.[0]?.code, message: error.errors?.[0]?.message };
}

describe('risk limits', () => {
  it('a payer pays at most 500 CNY a day by static codes, across stores (PBOC level D)', async () => {
    const first = await merchantAtTill(testApp);
    const second = await merchantAtTill(testApp);
    const payerRef = 'o_limit_payer';
    const codeA = await storeCodeOf(first.session);
    const codeB = await storeCodeOf(second.session);
    expect((await payStoreCode(testApp, codeA, 30_000, { payerRef })).created.statusCode).toBe(201);
    expect((await payStoreCode(testApp, codeB, 20_000, { payerRef })).created.statusCode).toBe(201);
    const over = await payStoreCode(testApp, codeB, 1, { payerRef });
    expect(over.created.statusCode).toBe(422);
    expect(limitOf(over.created)).toMatchObject({
      code: 'payment_limit_exceeded',
      limit: 'static_code_payer_daily_limit',
    });
    expect(limitOf(over.created).message).toContain('500.00 元');
    // Another payer is not affected, and the next day the payer may pay again.
    expect(
      (await payStoreCode(testApp, codeB, 100, { payerRef: 'o_other' })).created.statusCode,
    ).toBe(201);
    testApp.clock.advance(24 * 3_600_000);
    expect((await payStoreCode(testApp, codeB, 100, { payerRef })).created.statusCode).toBe(201);
  });

  it('refuses above the merchant’s single-payment limit of its risk level, in words', async () => {
    const till = await merchantAtTill(testApp);
    await testApp.db.update(merchants).set({ riskLevel: 'high' }).where(eq(merchants.id, till.id));
    const over = await collectByCode(till.session, till.storeId, 500_001);
    expect(limitOf(over)).toMatchObject({
      code: 'payment_limit_exceeded',
      limit: 'merchant_single_limit',
    });
    expect(limitOf(over).message).toBe('超出商户单笔收款限额 5,000.00 元');
    const english = await till.session.request(
      'POST',
      '/api/v1/payments',
      {
        method: 'payment_code',
        storeId: till.storeId,
        amountFen: 500_001,
        authCode: '134567890123456781',
      },
      { 'accept-language': 'en' },
    );
    expect(limitOf(english).message).toBe(
      "Above the merchant's single-payment limit of CNY 5,000.00",
    );
  });

  it('refuses once the merchant’s day total would pass its daily limit; a failed payment gives its share back', async () => {
    const till = await merchantAtTill(testApp);
    await testApp.db.update(merchants).set({ riskLevel: 'high' }).where(eq(merchants.id, till.id));
    expect((await collectByCode(till.session, till.storeId, 500_000)).json().status).toBe(
      'succeeded',
    );
    const failed = await collectByCode(till.session, till.storeId, 400_000, { lastFour: '9999' });
    expect(failed.json().status).toBe('failed');
    expect((await collectByCode(till.session, till.storeId, 500_000)).json().status).toBe(
      'succeeded',
    );
    const over = await collectByCode(till.session, till.storeId, 1);
    expect(limitOf(over)).toMatchObject({ limit: 'merchant_daily_limit' });
  });

  it('takes concurrent payments against the day total in order: those that fit pass, the one that does not is refused', async () => {
    const till = await merchantAtTill(testApp);
    await testApp.db.update(merchants).set({ riskLevel: 'high' }).where(eq(merchants.id, till.id));
    // High risk: 10,000 CNY a day. Sent at once, they are summed in one batch, which passes
    // the limit, so they are taken one by one.
    const replies = await Promise.all(
      [400_000, 400_000, 400_000, 100_000].map((amountFen) =>
        collectByCode(till.session, till.storeId, amountFen),
      ),
    );
    const refused = replies.filter((reply) => reply.statusCode !== 201);
    expect(refused.map(limitOf)).toMatchObject([{ limit: 'merchant_daily_limit' }]);
    const paid = replies.filter((reply) => reply.statusCode === 201).map((reply) => reply.json());
    expect(paid.map((payment) => payment.amountFen).sort()).toEqual([100_000, 400_000, 400_000]);
    const [usage] = await testApp.db
      .select()
      .from(dailyUsage)
      .where(eq(dailyUsage.subject, `merchant:${till.id}`));
    expect(usage).toMatchObject({ amountFen: 900_000, count: 3 });
  });

  it('refuses a payer who pays too often in a short window (velocity)', async () => {
    const till = await merchantAtTill(testApp);
    const code = await storeCodeOf(till.session);
    const payerRef = 'o_fast_payer';
    for (let i = 0; i < 3; i++) {
      expect((await payStoreCode(testApp, code, 100, { payerRef })).created.statusCode).toBe(201);
    }
    const fourth = await payStoreCode(testApp, code, 100, { payerRef });
    expect(limitOf(fourth.created)).toMatchObject({ limit: 'payer_velocity' });
    testApp.clock.advance(61_000);
    expect((await payStoreCode(testApp, code, 100, { payerRef })).created.statusCode).toBe(201);
  });

  it('counts a payer’s earlier payments in the same batch towards the velocity rule', async () => {
    const till = await merchantAtTill(testApp);
    const subject = {
      merchantId: till.id,
      riskLevel: 'low' as const,
      amountFen: 100,
      codeKind: 'static' as const,
      payerRef: 'o_batch_payer',
      at: testApp.clock.now(),
    };
    const answers = await testApp.db.transaction((tx) =>
      reserveLimits(tx, testApp.config, [subject, subject, subject, subject]),
    );
    // PAYMENT_VELOCITY_MAX is 3 in this file.
    expect(answers.slice(0, 3)).toEqual([null, null, null]);
    expect(answers[3]?.fieldErrors?.[0]?.code).toBe('payer_velocity');
  });
});
