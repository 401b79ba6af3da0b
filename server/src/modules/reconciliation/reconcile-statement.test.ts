import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createStaffUser, type Session, signIn } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { merchantAtTill } from '../../../test/payment-factories.js';
import { journalsForSources, ledgerJournals, trialBalance } from '../ledger/index.js';
import { importStatement } from './import-statement.js';
import type { reconBreakSchema } from './schemas.js';
import type { StatementLine } from './statement-line.js';
import {
  completedRefund,
  moveToDay,
  nextDay,
  paymentRecord,
  refundRecord,
  statementFile,
  uploadStatement,
  wechatPayment,
} from './statement-test-support.js';

let testApp: TestApp;

beforeAll(async () => {
  testApp = await createTestApp();
});
afterAll(() => testApp.close());

/** A reconciliation operator (maker), signed in on the test clock's current day. */
async function operator(): Promise<Session> {
  const user = await createStaffUser(testApp.db, { nodeCode: 'QD000', roles: ['operator'] });
  return (await signIn(testApp, user.username)).session;
}

async function breaksOf(session: Session, importId: string) {
  const reply = await session.request(
    'GET',
    `/api/v1/reconciliation/breaks?importId=${importId}&limit=100`,
  );
  expect(reply.statusCode).toBe(200);
  return reply.json().data as z.infer<typeof reconBreakSchema>[];
}

async function settlementJournals(sourceId: string) {
  return testApp.db
    .select()
    .from(ledgerJournals)
    .where(
      and(eq(ledgerJournals.kind, 'channel_settlement'), eq(ledgerJournals.sourceId, sourceId)),
    );
}

describe('reconciling a WeChat statement', () => {
  it('finds every kind of break with both sides’ values, and settles the matched net once', async () => {
    const before = '2027-03-01';
    const day = nextDay(before);
    moveToDay(testApp, before);
    const till = await merchantAtTill(testApp);
    const yesterdays = await wechatPayment(testApp, till, 1_500);
    moveToDay(testApp, day);
    const tillToday = await merchantAtTill(testApp);
    const matched = await wechatPayment(testApp, tillToday, 10_000);
    const refund = await completedRefund(testApp, tillToday.session, matched.id, 1_000);
    const short = await wechatPayment(testApp, tillToday, 5_000);
    const unlisted = await wechatPayment(testApp, tillToday, 3_000);
    const failed = await wechatPayment(testApp, tillToday, 700, '9999');
    expect(failed.status).toBe('failed');
    const twice = await wechatPayment(testApp, tillToday, 2_000);

    const file = await statementFile('wechat', day, [
      paymentRecord(matched),
      refundRecord(refund, matched),
      paymentRecord(short, { amountFen: 4_999 }),
      paymentRecord(failed, { channelTransactionId: '4200000999000000000001' }),
      paymentRecord(twice),
      paymentRecord(twice),
      paymentRecord(yesterdays),
      paymentRecord(matched, {
        channelTransactionId: '4200000999000000000002',
        outTradeNo: 'pay_unknown_to_us',
        amountFen: 777,
      }),
    ]);
    moveToDay(testApp, nextDay(day));
    const staff = await operator();
    const reply = await uploadStatement(staff, 'wechat', day, file);
    expect(reply.statusCode).toBe(201);
    const result = reply.json();
    expect(result).toMatchObject({
      channel: 'wechat',
      statementDate: day,
      status: 'matched',
      source: 'upload',
      lineCount: 8,
      breakCount: 6,
      matched: { paymentCount: 2, paymentTotalFen: 12_000, refundCount: 1, refundTotalFen: 1_000 },
      ours: { paymentCount: 4, paymentTotalFen: 20_000, refundCount: 1, refundTotalFen: 1_000 },
      settledNetFen: 11_000,
      breaksByKind: {
        missing_ours: 1,
        missing_channel: 1,
        amount_differs: 1,
        status_differs: 1,
        duplicate: 1,
        cross_day: 1,
      },
    });

    const breaks = await breaksOf(staff, result.id);
    const byKind = Object.fromEntries(breaks.map((found) => [found.kind, found]));
    expect(byKind.amount_differs).toMatchObject({
      paymentId: short.id,
      theirs: { lineNumber: expect.any(Number), amountFen: 4_999, status: 'succeeded' },
      ours: { amountFen: 5_000, status: 'succeeded' },
      status: 'open',
    });
    expect(byKind.missing_channel).toMatchObject({
      paymentId: unlisted.id,
      theirs: null,
      ours: { amountFen: 3_000, status: 'succeeded' },
    });
    expect(byKind.status_differs).toMatchObject({
      paymentId: failed.id,
      theirs: { amountFen: 700, status: 'succeeded' },
      ours: { amountFen: 700, status: 'failed' },
    });
    expect(byKind.missing_ours).toMatchObject({
      paymentId: null,
      theirs: { channelTransactionId: '4200000999000000000002', amountFen: 777 },
      ours: null,
    });
    expect(byKind.duplicate).toMatchObject({
      paymentId: twice.id,
      theirs: { channelTransactionId: twice.channelTransactionId, amountFen: 2_000 },
    });
    expect(byKind.cross_day).toMatchObject({
      paymentId: yesterdays.id,
      theirs: { amountFen: 1_500 },
      ours: { amountFen: 1_500, bookedAt: yesterdays.succeededAt?.toISOString() },
    });
    // The duplicate is the later of the two lines; the earlier one matched.
    const twiceLines = breaks.filter((found) => found.paymentId === twice.id);
    expect(twiceLines).toHaveLength(1);

    const journals = await settlementJournals(`wechat:${day}`);
    expect(journals).toHaveLength(1);
    const tb = await trialBalance(testApp.db);
    expect(tb.balanced).toBe(true);
    const bank = tb.accounts.find((account) => account.code === 'bank_settlement');
    expect(bank?.balanceFen).toBeGreaterThanOrEqual(11_000);

    // The same file again: the same import, nothing doubled.
    const again = await uploadStatement(staff, 'wechat', day, file);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: result.id, breakCount: 6, settledNetFen: 11_000 });
    expect(await breaksOf(staff, result.id)).toHaveLength(6);
    expect(await settlementJournals(`wechat:${day}`)).toHaveLength(1);
    const list = (await staff.request('GET', `/api/v1/reconciliation/imports?date=${day}`)).json();
    expect(list.data.map((item: { id: string }) => item.id)).toEqual([result.id]);
  });

  it('a clean file gives no break and settles payments less refunds', async () => {
    const day = '2027-03-05';
    moveToDay(testApp, day);
    const till = await merchantAtTill(testApp);
    const first = await wechatPayment(testApp, till, 8_800);
    const second = await wechatPayment(testApp, till, 1_234);
    const refund = await completedRefund(testApp, till.session, first.id, 800);
    const file = await statementFile('wechat', day, [
      paymentRecord(first),
      paymentRecord(second),
      refundRecord(refund, first),
    ]);
    moveToDay(testApp, nextDay(day));
    const staff = await operator();
    const result = (await uploadStatement(staff, 'wechat', day, file)).json();
    expect(result).toMatchObject({
      breakCount: 0,
      settledNetFen: 8_800 + 1_234 - 800,
      theirs: { paymentTotalFen: 10_034, refundTotalFen: 800 },
    });
    const [journal] = await journalsForSources(testApp.db, [`wechat:${day}`]);
    expect(journal?.kind).toBe('channel_settlement');
    expect(journal?.entries.map((entry) => [entry.accountCode, entry.amountFen]).sort()).toEqual([
      ['bank_settlement', 9_234],
      ['channel_receivable:wechat', -9_234],
    ]);
    expect((await trialBalance(testApp.db)).balanced).toBe(true);
  });

  it('refuses a day that has not ended, and a file the reader cannot read', async () => {
    const day = '2027-03-08';
    moveToDay(testApp, day);
    const staff = await operator();
    const today = await uploadStatement(
      staff,
      'wechat',
      day,
      await statementFile('wechat', day, []),
    );
    expect(today.json().error.code).toBe('statement_date_not_closed');
    moveToDay(testApp, nextDay(day));
    const staffNextDay = await operator();
    const garbled = await uploadStatement(staffNextDay, 'wechat', day, Buffer.from('not,a,bill\n'));
    expect(garbled.statusCode).toBe(422);
    expect(garbled.json().error.code).toBe('statement_malformed');
    const list = (
      await staffNextDay.request('GET', `/api/v1/reconciliation/imports?date=${day}`)
    ).json();
    expect(list.data).toEqual([]);
  });
});

describe('matching lines built directly', () => {
  const actor = {
    userId: null,
    username: 'test',
    roles: [],
    orgNodeId: null,
    ip: null,
    requestId: null,
  };
  const line = (n: number, change: Partial<StatementLine>): StatementLine => ({
    channel: 'wechat',
    lineNumber: n,
    kind: 'payment',
    channelTransactionId: `txn-${n}`,
    outTradeNo: null,
    channelRefundId: null,
    outRefundNo: null,
    amountFen: 100,
    channelFeeFen: 0,
    status: 'succeeded',
    tradedAt: testApp.clock.now(),
    ...change,
  });
  async function run(day: string, sha256: string, lines: StatementLine[]) {
    return importStatement(
      testApp,
      {
        channel: 'wechat',
        statementDate: day,
        sha256,
        bytes: 1,
        source: 'upload',
        importedByUserId: null,
        actor,
      },
      () => ({
        lines: (async function* () {
          yield* lines;
        })(),
        summary: Promise.resolve({
          lineCount: lines.length,
          paymentTotalFen: 0,
          refundTotalFen: 0,
          channelFeeTotalFen: 0,
        }),
      }),
    );
  }

  it('keeps each payment in one place: listed again on a later date it is cross-day there', async () => {
    const day = '2027-03-10';
    moveToDay(testApp, day);
    const till = await merchantAtTill(testApp);
    const payment = await wechatPayment(testApp, till, 4_200);
    const listing = line(1, {
      channelTransactionId: payment.channelTransactionId as string,
      amountFen: 4_200,
    });
    moveToDay(testApp, nextDay(nextDay(day)));
    const onItsDay = await run(day, 'a'.repeat(64), [listing]);
    expect(onItsDay.statementImport).toMatchObject({ breakCount: 0, matchedPaymentCount: 1 });
    const onTheNext = await run(nextDay(day), 'b'.repeat(64), [listing]);
    expect(onTheNext.statementImport).toMatchObject({ breakCount: 1, matchedPaymentCount: 0 });
    const staff = await operator();
    const [found] = await breaksOf(staff, onTheNext.statementImport.id);
    expect(found).toMatchObject({ kind: 'cross_day', paymentId: payment.id });
  });

  it('a repeated id is a duplicate even when neither line is ours, and a failed line we lack is no break', async () => {
    const day = '2027-03-14';
    moveToDay(testApp, nextDay(day));
    const outcome = await run(day, 'c'.repeat(64), [
      line(1, { channelTransactionId: 'twice', amountFen: 300 }),
      line(2, { channelTransactionId: 'twice', amountFen: 300 }),
      line(3, { channelTransactionId: 'refused', status: 'failed' }),
    ]);
    const staff = await operator();
    const kinds = (await breaksOf(staff, outcome.statementImport.id))
      .map((found) => `${found.kind}@${found.theirs?.lineNumber}`)
      .sort();
    expect(kinds).toEqual(['duplicate@2', 'missing_ours@1']);
  });
});
