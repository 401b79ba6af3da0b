import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser, type Session, signIn } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { collectByCode, merchantAtTill, paymentRow } from '../../../test/payment-factories.js';
import { trialBalance } from '../ledger/index.js';
import { ledgerAccounts } from '../ledger/tables.js';
import { refunds } from './tables.js';

let testApp: TestApp;
let till: Awaited<ReturnType<typeof merchantAtTill>>;
let staff: Session;

beforeAll(async () => {
  testApp = await createTestApp();
  till = await merchantAtTill(testApp);
  const operator = await createStaffUser(testApp.db, {
    nodeCode: 'QD010',
    roles: ['branch_manager'],
  });
  staff = (await signIn(testApp, operator.username)).session;
});
afterAll(() => testApp.close());

async function refund(session: Session, paymentId: string, amountFen: number, key = randomUUID()) {
  return session.request(
    'POST',
    `/api/v1/payments/${paymentId}/refunds`,
    { amountFen },
    { 'idempotency-key': key },
  );
}

async function settleRefunds() {
  testApp.clock.advance(5_000);
  await testApp.simulators.runDue();
}

async function merchantBalance(merchantId: string): Promise<number> {
  const [account] = await testApp.db
    .select()
    .from(ledgerAccounts)
    .where(eq(ledgerAccounts.code, `merchant_payable:${merchantId}`));
  return account?.balanceFen ?? 0;
}

describe('refunds', () => {
  it('refunds in parts, each with its own id, async, giving the fee back pro rata', async () => {
    const payment = (await collectByCode(till.session, till.storeId, 10_000)).json();
    expect(payment.feeFen).toBe(60);
    const first = await refund(till.session, payment.id, 3_333);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ status: 'pending', amountFen: 3_333, feeReturnedFen: 20 });
    const second = await refund(till.session, payment.id, 6_667);
    expect(second.json()).toMatchObject({ status: 'pending', feeReturnedFen: 40 });
    expect(second.json().id).not.toBe(first.json().id);
    // Nothing is left to refund, even while both are pending.
    const third = await refund(till.session, payment.id, 1);
    expect(third.json().error.code).toBe('refund_exceeds_payment');

    await settleRefunds();
    const listed = (
      await till.session.request('GET', `/api/v1/payments/${payment.id}/refunds`)
    ).json().data;
    expect(listed.map((item: { status: string }) => item.status)).toEqual([
      'succeeded',
      'succeeded',
    ]);
    const row = await paymentRow(testApp, payment.id);
    expect(row).toMatchObject({ refundedFen: 10_000, refundingFen: 0, feeReturnedFen: 60 });
    const journals = (
      await till.session.request('GET', `/api/v1/payments/${payment.id}/journals`)
    ).json().data;
    expect(journals.map((journal: { kind: string }) => journal.kind)).toEqual([
      'payment',
      'refund',
      'refund',
      'refund_settled',
      'refund_settled',
    ]);
    for (const journal of journals) {
      expect(
        journal.entries.reduce(
          (sum: number, entry: { amountFen: number }) => sum + entry.amountFen,
          0,
        ),
      ).toBe(0);
    }
  });

  it('replays the same refund for the same Idempotency-Key instead of refunding twice', async () => {
    const payment = (await collectByCode(till.session, till.storeId, 5_000)).json();
    const key = randomUUID();
    const once = await refund(till.session, payment.id, 1_000, key);
    const again = await refund(till.session, payment.id, 1_000, key);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(once.json().id);
    const made = await testApp.db.select().from(refunds).where(eq(refunds.paymentId, payment.id));
    expect(made).toHaveLength(1);
  });

  it('concurrent refunds never exceed the captured amount', async () => {
    const payment = (await collectByCode(till.session, till.storeId, 10_000)).json();
    const replies = await Promise.all(
      Array.from({ length: 12 }, () => refund(till.session, payment.id, 1_000)),
    );
    const accepted = replies.filter((reply) => reply.statusCode === 201);
    expect(accepted).toHaveLength(10);
    for (const reply of replies.filter((item) => item.statusCode !== 201)) {
      expect(reply.json().error.code).toBe('refund_exceeds_payment');
    }
    await settleRefunds();
    const row = await paymentRow(testApp, payment.id);
    expect(row.refundedFen + row.refundingFen).toBe(10_000);
  });

  it('a refund the channel refuses gives the merchant its money back and frees the amount', async () => {
    const payment = (await collectByCode(till.session, till.storeId, 2_000)).json();
    const before = await merchantBalance(till.id);
    testApp.simulators.setFaults('wechat', { failNextRefunds: 1 });
    const accepted = (await refund(till.session, payment.id, 2_000)).json();
    expect(await merchantBalance(till.id)).toBe(before - (2_000 - payment.feeFen));
    await settleRefunds();
    // No notification for a failed refund at WeChat: the platform's query finds it.
    testApp.clock.advance(61_000);
    while ((await testApp.jobs.runDue()) > 0) {
      // Run every due follow-up.
    }
    const [row] = await testApp.db.select().from(refunds).where(eq(refunds.id, accepted.id));
    expect(row?.status).toBe('failed');
    expect(await merchantBalance(till.id)).toBe(before);
    expect((await paymentRow(testApp, payment.id)).refundingFen).toBe(0);
    const retry = await refund(till.session, payment.id, 2_000);
    expect(retry.statusCode).toBe(201);
  });

  it('refuses a refund the merchant’s balance cannot cover, writing nothing', async () => {
    const other = await merchantAtTill(testApp);
    const payment = (await collectByCode(other.session, other.storeId, 1_000)).json();
    await refund(other.session, payment.id, 500);
    // Take the rest of the merchant's balance out as a settlement would (a payout).
    const balance = await merchantBalance(other.id);
    const { postJournal } = await import('../ledger/index.js');
    await testApp.db.transaction((tx) =>
      postJournal(tx, testApp.clock, {
        kind: 'test_payout',
        sourceType: 'test',
        sourceId: `payout-${other.id}`,
        merchantId: other.id,
        description: 'payout in a test',
        lines: [
          {
            account: { kind: 'merchant_payable', ownerId: other.id, merchantId: other.id },
            amountFen: balance,
          },
          { account: { kind: 'payout_in_transit' }, amountFen: -balance },
        ],
      }),
    );
    const refused = await refund(other.session, payment.id, 500);
    expect(refused.json().error.code).toBe('insufficient_balance');
    const made = await testApp.db.select().from(refunds).where(eq(refunds.paymentId, payment.id));
    expect(made).toHaveLength(1);
  });

  it('lets branch staff refund a payment of their branch, and the books still balance', async () => {
    const payment = (await collectByCode(till.session, till.storeId, 888)).json();
    const reply = await refund(staff, payment.id, 88);
    expect(reply.statusCode).toBe(201);
    await settleRefunds();
    expect((await trialBalance(testApp.db)).balanced).toBe(true);
  });

  it('a cashier cannot refund', async () => {
    const { createMerchantUserIn, signInMerchant } = await import(
      '../../../test/merchant-factories.js'
    );
    const cashierUser = await createMerchantUserIn(testApp, {
      merchantId: till.id,
      role: 'merchant_cashier',
      storeId: till.storeId,
    });
    const cashier = await signInMerchant(testApp, cashierUser.mobile);
    const payment = (await collectByCode(cashier, till.storeId, 600)).json();
    expect(payment.status).toBe('succeeded');
    const reply = await refund(cashier, payment.id, 100);
    expect(reply.statusCode).toBe(403);
  });
});
