import { createHash, randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser, type Session, signIn } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { createActiveMerchant, signInMerchant } from '../../../test/merchant-factories.js';
import { wechatAuthCode } from '../../../test/payment-factories.js';
import { readPayoutFile } from '../../adapters/corebank/payout-file.js';
import { queryRows } from '../../platform/db/database.js';
import { formatYuan } from '../../platform/money.js';
import { simulatedPayeeAccount } from '../../simulators/corebank/simulated-core-bank.js';
import { trialBalance } from '../ledger/index.js';
import { ledgerAccounts } from '../ledger/tables.js';
import { merchants } from '../merchants/index.js';
import { payouts } from '../payouts/index.js';
import type { SettlementDeps, SettlementFaultPoint } from './deps.js';
import { runSettlement } from './run-settlement.js';
import { settlementLines } from './tables.js';

let testApp: TestApp;

/** A merchant that takes payments through its API key, which no clock jump logs out. */
type Till = { merchantId: string; storeId: string; secret: string; ownerMobile: string };

beforeAll(async () => {
  testApp = await createTestApp();
});
afterAll(() => testApp.close());

/** The instant of a Shanghai wall-clock time. */
function shanghai(dayAndTime: string): Date {
  return new Date(`${dayAndTime}+08:00`);
}

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

async function openTill(cycle?: 't1' | 'd1' | 'd0', d0PremiumBp?: number): Promise<Till> {
  const merchant = await createActiveMerchant(testApp);
  const owner = await signInMerchant(testApp, merchant.ownerMobile);
  const key = await owner.request('POST', '/api/v1/portal/api-keys', { name: '收银系统' });
  expect(key.statusCode, key.body).toBe(201);
  if (cycle) {
    const manager = await staffSession();
    const terms = await manager.request(
      'PUT',
      `/api/v1/merchants/${merchant.id}/settlement-terms`,
      {
        cycle,
        ...(d0PremiumBp === undefined ? {} : { d0PremiumBp }),
      },
    );
    expect(terms.statusCode, terms.body).toBe(200);
  }
  return {
    merchantId: merchant.id,
    storeId: merchant.storeId,
    secret: key.json().secret,
    ownerMobile: merchant.ownerMobile,
  };
}

async function staffSession(): Promise<Session> {
  const user = await createStaffUser(testApp.db, { nodeCode: 'QD010', roles: ['branch_manager'] });
  return (await signIn(testApp, user.username)).session;
}

async function withKey(till: Till, url: string, payload: object) {
  return testApp.app.inject({
    method: 'POST',
    url,
    headers: { authorization: `Bearer ${till.secret}`, 'idempotency-key': randomUUID() },
    payload,
  });
}

/** A WeChat payment code payment at the clock's time; answers what the merchant is owed by it. */
async function pay(till: Till, amountFen: number): Promise<{ id: string; owedFen: number }> {
  const reply = await withKey(till, '/api/v1/payments', {
    method: 'payment_code',
    storeId: till.storeId,
    amountFen,
    authCode: wechatAuthCode(),
  });
  expect(reply.statusCode, reply.body).toBe(201);
  const payment = reply.json();
  expect(payment.status).toBe('succeeded');
  return { id: payment.id, owedFen: payment.amountFen - payment.feeFen - payment.commissionFen };
}

/** A refund accepted now; answers what it takes back from the merchant. */
async function refund(till: Till, paymentId: string, amountFen: number): Promise<number> {
  const reply = await withKey(till, `/api/v1/payments/${paymentId}/refunds`, { amountFen });
  expect(reply.statusCode, reply.body).toBe(201);
  const accepted = reply.json();
  return accepted.amountFen - accepted.feeReturnedFen - (accepted.commissionReturnedFen ?? 0);
}

function deps(faultAt?: SettlementDeps['faultAt']): SettlementDeps {
  return {
    db: testApp.db,
    clock: testApp.clock,
    config: testApp.config,
    logger: pino({ level: 'silent' }),
    encryptor: testApp.encryptor,
    coreBank: testApp.coreBank,
    jobs: testApp.jobs,
    ...(faultAt ? { faultAt } : {}),
  };
}

/** Lets the core bank book and notify, and the sweeper submit what a crash left unsent. */
async function letPayoutsFinish(): Promise<void> {
  for (let round = 0; round < 3; round++) {
    await testApp.jobs.runDue();
    testApp.clock.advance(5_000);
    await testApp.simulators.runDue();
  }
}

async function settlementPayoutsOf(date: string) {
  return testApp.db
    .select()
    .from(payouts)
    .where(and(eq(payouts.purpose, 'settlement'), eq(payouts.settlementDate, date)));
}

async function linesOf(date: string) {
  return testApp.db.select().from(settlementLines).where(eq(settlementLines.settlementDate, date));
}

async function payableBalance(merchantId: string): Promise<number> {
  const [account] = await testApp.db
    .select({ balance: ledgerAccounts.balanceFen })
    .from(ledgerAccounts)
    .where(eq(ledgerAccounts.code, `merchant_payable:${merchantId}`));
  return account?.balance ?? 0;
}

class Killed extends Error {}

describe('a settlement run killed at any point and started again', () => {
  const merchantCount = 5;
  // Per merchant: line, journal, payout, submission; then the two ends of the run.
  const killPoints = merchantCount * 4 + 2;

  it(`pays each merchant exactly once per date, at all ${killPoints} points, to the fen`, async () => {
    testApp.clock.set(shanghai('2026-03-02T09:00:00'));
    const tills: Till[] = [];
    for (let i = 0; i < merchantCount; i++) tills.push(await openTill('d1'));
    let tradeDay = '2026-03-02';
    for (let kill = 1; kill <= killPoints; kill++) {
      testApp.clock.set(shanghai(`${tradeDay}T10:00:00`));
      const owed = new Map<string, number>();
      for (const [i, till] of tills.entries()) {
        const first = await pay(till, 1_000 + kill * 37 + i);
        const second = await pay(till, 25_000 + kill * 101 + i * 7);
        let total = first.owedFen + second.owedFen;
        if (i === 0) total -= await refund(till, second.id, 3_000);
        owed.set(till.merchantId, total);
      }
      const date = nextDay(tradeDay);
      testApp.clock.set(shanghai(`${date}T01:00:00`));
      let calls = 0;
      const seen: SettlementFaultPoint[] = [];
      await expect(
        runSettlement(
          deps((point) => {
            calls += 1;
            seen.push(point);
            if (calls === kill) throw new Killed(`killed at ${point}`);
          }),
          { date, startedByUserId: null },
        ),
      ).rejects.toBeInstanceOf(Killed);
      // Started again, twice (the schedule and an operator), then the bank answers.
      await runSettlement(deps(), { date, startedByUserId: null });
      await runSettlement(deps(), { date, startedByUserId: null });
      await letPayoutsFinish();

      const lines = (await linesOf(date)).filter((line) => owed.has(line.merchantId));
      expect(lines).toHaveLength(merchantCount);
      const paid = (await settlementPayoutsOf(date)).filter((payout) =>
        owed.has(payout.merchantId),
      );
      expect(paid, `kill at ${kill} (${seen.at(-1)})`).toHaveLength(merchantCount);
      for (const till of tills) {
        const mine = paid.filter((payout) => payout.merchantId === till.merchantId);
        expect(mine).toHaveLength(1);
        expect(mine[0]?.amountFen).toBe(owed.get(till.merchantId));
        expect(mine[0]?.status).toBe('succeeded');
        expect(lines.find((line) => line.merchantId === till.merchantId)?.netFen).toBe(
          owed.get(till.merchantId),
        );
        // Paid out in full: nothing of the day is left owed, nothing paid twice.
        expect(await payableBalance(till.merchantId)).toBe(0);
      }
      const payoutSum = paid.reduce((sum, payout) => sum + payout.amountFen, 0);
      const owedSum = [...owed.values()].reduce((sum, value) => sum + value, 0);
      expect(payoutSum).toBe(owedSum);
      const sent = await queryRows<{ n: number }>(
        testApp.db,
        sql`select count(*)::int as n from ledger_journals where kind = 'payout_sent'
            and source_id in (select json_array_elements_text(${JSON.stringify(paid.map((payout) => `${payout.id}:1`))}::json))`,
      );
      expect(sent[0]?.n).toBe(merchantCount);
      tradeDay = date;
    }
    const balance = await trialBalance(testApp.db);
    expect(balance.balanced).toBe(true);
    expect(balance.runningBalanceMismatches).toEqual([]);
  }, 240_000);

  it('writes the date’s payout file for the core bank: one line per payout, totals that agree', async () => {
    const manager = await staffSession();
    const runs = await manager.request('GET', '/api/v1/settlement/runs');
    const latest = runs.json().data[0];
    const file = await manager.request(
      'GET',
      `/api/v1/settlement/runs/${latest.settlementDate}/payout-file`,
    );
    expect(file.statusCode).toBe(200);
    const read = readPayoutFile(file.rawPayload);
    const paid = await settlementPayoutsOf(latest.settlementDate);
    expect(read.count).toBe(paid.length);
    expect(read.totalFen).toBe(paid.reduce((sum, payout) => sum + payout.amountFen, 0));
    expect(read.lines.map((line) => line.instructionId).sort()).toEqual(
      paid.map((payout) => payout.id).sort(),
    );
    expect(createHash('sha256').update(file.rawPayload).digest('hex')).toBe(
      latest.payoutFileSha256,
    );
  });
});

describe('settlement dates', () => {
  it('settles T+1 on the next working day: across the National Day holiday, at the cut-off, on a make-up Saturday', async () => {
    testApp.clock.set(shanghai('2026-09-30T12:00:00'));
    const till = await openTill();
    const beforeHoliday = await pay(till, 10_000);
    // 1 October is a holiday: the D+1 merchants settle, the T+1 one does not.
    testApp.clock.set(shanghai('2026-10-01T01:00:00'));
    await runSettlement(deps(), { date: '2026-10-01', startedByUserId: null });
    expect((await linesOf('2026-10-01')).some((line) => line.merchantId === till.merchantId)).toBe(
      false,
    );
    testApp.clock.set(shanghai('2026-10-08T22:59:59.999'));
    const lastOfDay = await pay(till, 20_000);
    testApp.clock.set(shanghai('2026-10-08T23:00:00.000'));
    const firstOfNext = await pay(till, 30_000);

    const settledOn = async (date: string) => {
      testApp.clock.set(
        new Date(Math.max(testApp.clock.now().getTime(), shanghai(`${date}T01:00:00`).getTime())),
      );
      await runSettlement(deps(), { date, startedByUserId: null });
      return (await linesOf(date)).find((line) => line.merchantId === till.merchantId);
    };
    // The first working day after the holiday carries the takings of 30 September only.
    expect((await settledOn('2026-10-08'))?.netFen).toBe(beforeHoliday.owedFen);
    // 22:59:59.999 is still 8 October's trade day, settled on the 9th; 23:00 is the 9th's.
    expect((await settledOn('2026-10-09'))?.netFen).toBe(lastOfDay.owedFen);
    // 10 October is a Saturday, but an official make-up working day (调休).
    expect((await settledOn('2026-10-10'))?.netFen).toBe(firstOfNext.owedFen);
    expect(await settledOn('2026-10-11')).toBeUndefined();
  });

  it('settles D0 the same day after the cut-off, less the premium, posted in the settlement journal', async () => {
    testApp.clock.set(shanghai('2026-11-02T09:00:00'));
    const till = await openTill('d0', 25);
    const payment = await pay(till, 100_000);
    testApp.clock.set(shanghai('2026-11-02T12:00:00'));
    await runSettlement(deps(), { date: '2026-11-02', startedByUserId: null });
    expect((await linesOf('2026-11-02')).some((line) => line.merchantId === till.merchantId)).toBe(
      false,
    );
    testApp.clock.set(shanghai('2026-11-02T23:05:00'));
    await runSettlement(deps(), { date: '2026-11-02', startedByUserId: null });
    const line = (await linesOf('2026-11-02')).find((row) => row.merchantId === till.merchantId);
    const premium = Math.floor((payment.owedFen * 25 + 5_000) / 10_000);
    expect(line).toMatchObject({
      cycle: 'd0',
      d0PremiumFen: premium,
      netFen: payment.owedFen - premium,
    });
    const journal = await queryRows<{ n: number }>(
      testApp.db,
      sql`select count(*)::int as n from ledger_journals where kind = 'settlement_premium' and source_id = ${line?.id ?? ''}`,
    );
    expect(journal[0]?.n).toBe(1);
    await letPayoutsFinish();
    expect(await payableBalance(till.merchantId)).toBe(0);
  });

  it('refuses to settle a date whose trade days have not closed', async () => {
    testApp.clock.set(shanghai('2026-11-10T12:00:00'));
    const manager = await staffSession();
    const reply = await manager.request('POST', '/api/v1/settlement/runs', { date: '2026-11-12' });
    expect(reply.statusCode).toBe(409);
    expect(reply.json().error.code).toBe('settlement_date_not_due');
  });
});

describe('a payout the core bank refuses', () => {
  it('returns the money to the merchant, holds it with the reason, and pays it on retry once the account is fixed', async () => {
    testApp.clock.set(shanghai('2026-11-16T10:00:00'));
    const till = await openTill('d1');
    await testApp.db
      .update(merchants)
      .set({
        settlementAccountNumberEnc: testApp.encryptor.encrypt(
          simulatedPayeeAccount('account_closed', 7),
        ),
      })
      .where(eq(merchants.id, till.merchantId));
    const payment = await pay(till, 50_000);
    testApp.clock.set(shanghai('2026-11-17T01:00:00'));
    await runSettlement(deps(), { date: '2026-11-17', startedByUserId: null });
    await letPayoutsFinish();
    const [failed] = (await settlementPayoutsOf('2026-11-17')).filter(
      (row) => row.merchantId === till.merchantId,
    );
    expect(failed).toMatchObject({ status: 'failed', failureCode: 'account_closed' });
    expect(await payableBalance(till.merchantId)).toBe(payment.owedFen);

    const clerk = await staffSession();
    const run = await clerk.request('GET', '/api/v1/settlement/runs/2026-11-17?limit=100');
    const line = run
      .json()
      .lines.find((row: { merchantId: string }) => row.merchantId === till.merchantId);
    expect(line).toMatchObject({ payoutStatus: 'failed', payoutFailure: '账户已销户' });

    // The next day's settlement leaves the held money alone.
    testApp.clock.set(shanghai('2026-11-18T01:00:00'));
    await runSettlement(deps(), { date: '2026-11-18', startedByUserId: null });
    expect(
      (await linesOf('2026-11-18')).find((row) => row.merchantId === till.merchantId),
    ).toMatchObject({
      netFen: 0,
      status: 'nothing_to_pay',
    });

    const manager = await staffSession();
    const tooEarly = await manager.request('POST', `/api/v1/payouts/${failed?.id}/retry`);
    expect(tooEarly.statusCode).toBe(200);
    await letPayoutsFinish();
    const stillClosed = await manager.request('GET', `/api/v1/payouts/${failed?.id}`);
    expect(stillClosed.json()).toMatchObject({ status: 'failed', attempt: 2 });

    await testApp.db
      .update(merchants)
      .set({ settlementAccountNumberEnc: testApp.encryptor.encrypt('6217000000000001234') })
      .where(eq(merchants.id, till.merchantId));
    const retried = await manager.request('POST', `/api/v1/payouts/${failed?.id}/retry`);
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json().payeeAccount).toBe('621700*********1234');
    await letPayoutsFinish();
    const done = await manager.request('GET', `/api/v1/payouts/${failed?.id}`);
    expect(done.json()).toMatchObject({
      status: 'succeeded',
      attempt: 3,
      amountFen: payment.owedFen,
    });
    expect(await payableBalance(till.merchantId)).toBe(0);
    const again = await manager.request('POST', `/api/v1/payouts/${failed?.id}/retry`);
    expect(again.json().error.code).toBe('payout_not_retryable');
  });
});

describe('what the merchant sees', () => {
  it('lists its settlements and payouts and downloads the daily statement as CSV and .xlsx', async () => {
    testApp.clock.set(shanghai('2026-11-23T10:00:00'));
    const till = await openTill('d1');
    const big = await pay(till, 12_345);
    const small = await pay(till, 678);
    const back = await refund(till, big.id, 1_000);
    testApp.clock.set(shanghai('2026-11-24T01:00:00'));
    await runSettlement(deps(), { date: '2026-11-24', startedByUserId: null });
    await letPayoutsFinish();
    const owner = await signInMerchant(testApp, till.ownerMobile);
    const settlements = await owner.request('GET', '/api/v1/portal/settlements');
    expect(settlements.json().data[0]).toMatchObject({
      settlementDate: '2026-11-24',
      paymentCount: 2,
      paymentsFen: 13_023,
      refundCount: 1,
      refundsFen: 1_000,
      netFen: big.owedFen + small.owedFen - back,
      payoutStatus: 'succeeded',
    });
    const own = await owner.request('GET', '/api/v1/payouts');
    expect(own.json().data.map((row: { merchantId: string }) => row.merchantId)).toEqual([
      till.merchantId,
    ]);

    const csv = await owner.request(
      'GET',
      '/api/v1/portal/settlements/2026-11-24/statement?format=csv',
    );
    expect(csv.headers['content-type']).toContain('text/csv');
    const text = csv.body.replace(/^\uFEFF/, '');
    expect(text).toContain('结算金额');
    expect(text).toContain('退款');
    expect(text.split('\r\n').filter((row) => row.includes(',收款,'))).toHaveLength(2);

    const xlsx = await owner.request('GET', '/api/v1/portal/settlements/2026-11-24/statement');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const detail = workbook.getWorksheet('明细');
    expect(detail?.rowCount).toBe(4);
    const summary = workbook.getWorksheet('汇总');
    const net = summary?.getRows(1, 8)?.find((row) => row.getCell(1).value === '结算金额');
    expect(net?.getCell(2).value).toBe(formatYuan(big.owedFen + small.owedFen - back));

    const other = await openTill('d1');
    const otherOwner = await signInMerchant(testApp, other.ownerMobile);
    const missing = await otherOwner.request(
      'GET',
      '/api/v1/portal/settlements/2026-11-24/statement',
    );
    expect(missing.statusCode).toBe(404);
  });
});

describe('a year whose official holidays are not installed yet', () => {
  it('still settles D+1 merchants, and holds T+1 ones with the reason on the run', async () => {
    testApp.clock.set(shanghai('2027-01-04T10:00:00'));
    const daily = await openTill('d1');
    const working = await openTill();
    const paid = await pay(daily, 4_321);
    await pay(working, 1_234);
    testApp.clock.set(shanghai('2027-01-05T01:00:00'));
    const run = await runSettlement(deps(), { date: '2027-01-05', startedByUserId: null });
    expect(run.lastError).toBe('t1: settlement_calendar_missing');
    const lines = await linesOf('2027-01-05');
    expect(lines.find((line) => line.merchantId === daily.merchantId)?.netFen).toBe(paid.owedFen);
    expect(lines.some((line) => line.merchantId === working.merchantId)).toBe(false);
  });
});
