import { eq, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import {
  ledgerAccounts,
  ledgerEntries,
  ledgerJournals,
  trialBalance,
  unbalancedJournals,
} from '../modules/ledger/index.js';
import { merchants } from '../modules/merchants/tables.js';
import { channelForAuthCode } from '../modules/payments/channel-routing.js';
import {
  channels,
  dailyUsage,
  type PaymentRow,
  payments,
  type RefundRow,
  refunds,
} from '../modules/payments/tables.js';
import { todayTotals } from '../modules/payments/today-totals.js';
import type { Principal } from '../platform/auth/principal.js';
import { shanghaiDay } from '../platform/clock.js';
import { isDemoSeeded } from './demo-bank.js';
import {
  demoPaymentDays,
  isDemoPaymentsSeeded,
  loadDemoMerchants,
  planDemoPayments,
  seedDemoPayments,
} from './demo-payments.js';

// The test template holds the demo bank without its payment history (global-setup), so this
// file seeds the history on its own copy, at 15:30 in Shanghai.
const now = new Date('2026-01-20T07:30:00.000Z');
const dayMs = 86_400_000;

let testApp: TestApp;
let made: number;
let all: PaymentRow[];
let allRefunds: RefundRow[];
let journals: Array<typeof ledgerJournals.$inferSelect>;

beforeAll(async () => {
  testApp = await createTestApp();
  testApp.clock.set(now);
  expect(await isDemoPaymentsSeeded(testApp.db)).toBe(false);
  made = await seedDemoPayments(testApp.db, testApp.clock);
  all = await testApp.db.select().from(payments);
  allRefunds = await testApp.db.select().from(refunds);
  journals = await testApp.db.select().from(ledgerJournals);
}, 180_000);
afterAll(() => testApp.close());

async function tableCounts() {
  const count = async (table: PgTable) =>
    (await testApp.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]?.n;
  return {
    payments: await count(payments),
    refunds: await count(refunds),
    journals: await count(ledgerJournals),
    entries: await count(ledgerEntries),
    usage: await count(dailyUsage),
  };
}

describe('demo payments', () => {
  it('makes a few thousand payments on each of the last 30 days and today, none after now', () => {
    expect(made).toBe(all.length);
    expect(all.length).toBeGreaterThanOrEqual(2_000);
    expect(all.length).toBeLessThanOrEqual(4_000);
    const perDay = new Map<string, number>();
    for (const payment of all) {
      const day = shanghaiDay(payment.createdAt);
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
      expect(payment.createdAt.getTime()).toBeLessThan(now.getTime());
      expect(payment.closedAt?.getTime() ?? Number.POSITIVE_INFINITY).toBeLessThan(now.getTime());
      expect(payment.updatedAt.getTime()).toBeLessThan(now.getTime());
    }
    for (let daysAgo = 0; daysAgo <= demoPaymentDays; daysAgo++) {
      const day = shanghaiDay(new Date(now.getTime() - daysAgo * dayMs));
      expect(perDay.get(day) ?? 0, day).toBeGreaterThan(daysAgo === 0 ? 10 : 30);
    }
    expect(perDay.size).toBe(demoPaymentDays + 1);
  });

  it('keeps ids in the order of creation', () => {
    const byId = [...all].sort((a, b) => (a.id < b.id ? -1 : 1));
    for (let index = 1; index < byId.length; index++) {
      const [before, after] = [byId[index - 1] as PaymentRow, byId[index] as PaymentRow];
      expect(before.createdAt.getTime()).toBeLessThanOrEqual(after.createdAt.getTime());
    }
  });

  it('uses every channel and tags each method with its code kind', () => {
    const succeeded = all.filter((p) => p.status === 'succeeded');
    expect(new Set(succeeded.map((p) => p.channel))).toEqual(new Set(channels));
    const kindOf = {
      store_code: 'static',
      payment_code: 'dynamic',
      order_code: 'dynamic',
      card: 'none',
    };
    expect(new Set(all.map((p) => p.method))).toEqual(new Set(Object.keys(kindOf)));
    for (const payment of all) {
      expect(payment.codeKind, payment.id).toBe(kindOf[payment.method]);
      expect(Number.isInteger(payment.amountFen) && payment.amountFen > 0).toBe(true);
      if (payment.method === 'card') {
        expect(payment.channel).toBe('card');
        expect(payment.cardBin).toMatch(/^\d{6}$/);
        expect(payment.cardLast4).toMatch(/^\d{4}$/);
        expect(['debit', 'credit']).toContain(payment.cardType);
        expect(payment.terminalId).toMatch(/^T\d{7}$/);
        expect(payment.reverseAt).not.toBeNull();
      } else {
        expect(payment.channel).not.toBe('card');
        expect([payment.cardBin, payment.cardLast4, payment.cardType, payment.cardToken]).toEqual([
          null,
          null,
          null,
          null,
        ]);
      }
      if (payment.method === 'payment_code') {
        // The code's first four digits route to the payment's channel (channel-routing.ts).
        const digits = { wechat: 18, alipay: 18, unionpay: 19 }[payment.channel as 'wechat'];
        const code = (payment.authCodePrefix ?? '').padEnd(digits, '0');
        expect(channelForAuthCode(code), payment.id).toBe(payment.channel);
      } else expect(payment.authCodePrefix).toBeNull();
      if (payment.method === 'store_code') {
        expect(payment.amountFen).toBeLessThanOrEqual(testApp.config.staticPayerDailyLimitFen);
        expect(payment.payerRef).toMatch(new RegExp(`^${payment.channel}:`));
        expect(payment.createdByUserId).toBeNull();
      } else expect(payment.createdByUserId).not.toBeNull();
      if (payment.method === 'order_code') expect(payment.orderReference).toMatch(/^D\d{12}$/);
    }
  });

  it('has a few payments that failed, expired or were cancelled, and none left pending', () => {
    const statuses = new Map<string, number>();
    for (const payment of all)
      statuses.set(payment.status, (statuses.get(payment.status) ?? 0) + 1);
    expect(statuses.get('pending')).toBeUndefined();
    for (const status of ['failed', 'expired', 'cancelled']) {
      expect(statuses.get(status) ?? 0, status).toBeGreaterThan(0);
      expect(statuses.get(status) ?? 0, status).toBeLessThan(all.length * 0.03);
    }
    for (const payment of all.filter((p) => p.status === 'failed')) {
      expect(payment.failureCode).toBeTruthy();
      expect(payment.failureMessage).toBeTruthy();
    }
    for (const payment of all.filter((p) => p.status === 'expired'))
      expect(payment.closedAt).toEqual(payment.expiresAt);
    for (const payment of all.filter((p) => p.status === 'cancelled'))
      expect(payment.closedAt).toEqual(payment.reverseAt);
    // An order code nobody opened in a wallet expires without a channel.
    expect(all.some((p) => p.method === 'order_code' && p.channel === null)).toBe(true);
  });

  it('takes amounts typical of each trade', async () => {
    const merchantRows = await testApp.db.select().from(merchants);
    const amountsOf = (shortName: string) => {
      const id = merchantRows.find((m) => m.shortName === shortName)?.id;
      return all.filter((p) => p.merchantId === id).map((p) => p.amountFen);
    };
    const fruit = amountsOf('王记水果店');
    expect(fruit.length).toBeGreaterThan(100);
    expect(Math.min(...fruit)).toBeGreaterThanOrEqual(500);
    expect(Math.max(...fruit)).toBeLessThanOrEqual(8_000);
    const stall = amountsOf('城阳老孙蔬菜');
    expect(stall.length).toBeGreaterThan(20);
    expect(Math.min(...stall)).toBeGreaterThanOrEqual(20_000);
    expect(Math.max(...stall)).toBeLessThanOrEqual(300_000);
    // Only active merchants trade.
    const active = new Set(merchantRows.filter((m) => m.status === 'active').map((m) => m.id));
    for (const payment of all) expect(active.has(payment.merchantId)).toBe(true);
  });

  it('posts each succeeded payment once, at its own time, as the live path does', () => {
    const paymentJournals = new Map(
      journals.filter((j) => j.kind === 'payment').map((j) => [j.sourceId, j]),
    );
    const succeeded = all.filter((p) => p.status === 'succeeded');
    expect(paymentJournals.size).toBe(succeeded.length);
    expect(journals.filter((j) => j.kind === 'payment').length).toBe(succeeded.length);
    for (const payment of succeeded) {
      const journal = paymentJournals.get(payment.id);
      expect(journal, payment.id).toBeDefined();
      expect(journal?.postedAt).toEqual(payment.succeededAt);
      expect(payment.feeFen).toBeGreaterThan(0);
      expect(payment.channelTransactionId).toBeTruthy();
    }
    expect(new Set(succeeded.map((p) => `${p.channel}|${p.channelTransactionId}`)).size).toBe(
      succeeded.length,
    );
    // Market members pay their market's commission.
    expect(succeeded.filter((p) => p.commissionFen > 0).length).toBeGreaterThan(100);
  });

  it('refunds some payments in full and some in part, and one or two refunds fail', () => {
    const paymentOf = new Map(all.map((p) => [p.id, p]));
    const ok = allRefunds.filter((r) => r.status === 'succeeded');
    const failed = allRefunds.filter((r) => r.status === 'failed');
    expect(ok.length).toBeGreaterThanOrEqual(10);
    expect(failed.length).toBeGreaterThanOrEqual(1);
    expect(failed.length).toBeLessThanOrEqual(2);
    expect(allRefunds.some((r) => r.status === 'pending')).toBe(false);
    const full = ok.filter((r) => r.amountFen === paymentOf.get(r.paymentId)?.amountFen);
    expect(full.length).toBeGreaterThan(0);
    expect(ok.length - full.length).toBeGreaterThan(0);
    const kinds = (refundId: string) =>
      journals
        .filter((j) => j.sourceId === refundId)
        .map((j) => j.kind)
        .sort();
    for (const refund of ok) {
      expect(kinds(refund.id)).toEqual(['refund', 'refund_settled']);
      expect(refund.channelRefundId).toBeTruthy();
    }
    for (const refund of failed) {
      expect(kinds(refund.id)).toEqual(['refund', 'refund_reversed']);
      expect(refund.failureCode).toBeTruthy();
    }
    for (const payment of all) {
      const settled = ok.filter((r) => r.paymentId === payment.id);
      expect(payment.refundedFen).toBe(settled.reduce((sum, r) => sum + r.amountFen, 0));
      expect(payment.refundingFen).toBe(0);
      if (settled.length > 0) {
        expect(settled.every((r) => r.createdAt > (payment.succeededAt as Date))).toBe(true);
      }
    }
  });

  it('leaves the books balanced and no merchant owed less than nothing', async () => {
    const balance = await trialBalance(testApp.db);
    expect(balance.balanced).toBe(true);
    expect(balance.runningBalanceMismatches).toEqual([]);
    expect(await unbalancedJournals(testApp.db)).toEqual([]);
    const owed = await testApp.db
      .select({ code: ledgerAccounts.code, balanceFen: ledgerAccounts.balanceFen })
      .from(ledgerAccounts)
      .where(sql`${ledgerAccounts.kind} in ('merchant_payable', 'market_payable')`);
    expect(owed.length).toBeGreaterThan(30);
    for (const account of owed) expect(account.balanceFen ?? 0, account.code).toBeGreaterThan(0);
  });

  it("shows in a merchant's totals for today and in its day's limit usage", async () => {
    const [wang] = await testApp.db
      .select()
      .from(merchants)
      .where(eq(merchants.shortName, '王记水果店'));
    const principal = {
      realm: 'merchant',
      merchantId: wang?.id ?? '',
      storeId: null,
      scopePath: null,
    } as unknown as Principal;
    const totals = await todayTotals(testApp.db, testApp.clock, principal);
    const today = all.filter(
      (p) =>
        p.merchantId === wang?.id &&
        p.status === 'succeeded' &&
        shanghaiDay(p.succeededAt as Date) === shanghaiDay(now),
    );
    expect(today.length).toBeGreaterThan(0);
    expect(totals.count).toBe(today.length);
    expect(totals.amountFen).toBe(today.reduce((sum, p) => sum + p.amountFen, 0));
    const [usage] = await testApp.db
      .select()
      .from(dailyUsage)
      .where(
        sql`${dailyUsage.subject} = ${`merchant:${wang?.id}`} and ${dailyUsage.day} = ${shanghaiDay(now)} and ${dailyUsage.scope} = 'all'`,
      );
    expect(usage).toMatchObject({ count: today.length, amountFen: totals.amountFen });
  });

  it('plans the same history every time', async () => {
    const demoMerchants = await loadDemoMerchants(testApp.db);
    const first = planDemoPayments(demoMerchants, now);
    expect(planDemoPayments(demoMerchants, now)).toEqual(first);
    expect(first.map((p) => p.amountFen)).toEqual(
      [...all].sort((a, b) => (a.id < b.id ? -1 : 1)).map((p) => p.amountFen),
    );
  });

  it('adds nothing when seeded again', async () => {
    expect(await isDemoPaymentsSeeded(testApp.db)).toBe(true);
    expect(await isDemoSeeded(testApp.db)).toBe(true);
    const before = await tableCounts();
    testApp.clock.set(new Date(now.getTime() + 3_600_000));
    expect(await seedDemoPayments(testApp.db, testApp.clock)).toBe(0);
    expect(await tableCounts()).toEqual(before);
  });
});
