import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser, signIn } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { merchantAtTill } from '../../../test/payment-factories.js';
import { jobs } from '../../platform/jobs/tables.js';
import { moveToDay, nextDay, wechatPayment } from './statement-test-support.js';
import { statementImports } from './tables.js';

let testApp: TestApp;

beforeAll(async () => {
  testApp = await createTestApp();
});
afterAll(() => testApp.close());

async function runAllDue(): Promise<void> {
  for (let round = 0; round < 10 && (await testApp.jobs.runDue()) > 0; round++) {
    // Every due job and sweep, until nothing is left.
  }
}

const importsOf = (day: string) =>
  testApp.db.select().from(statementImports).where(eq(statementImports.statementDate, day));

describe('the daily statement fetch', () => {
  it('downloads yesterday’s statements once after 10:00 Shanghai and matches them', async () => {
    const day = '2027-05-03';
    moveToDay(testApp, day);
    const till = await merchantAtTill(testApp);
    const payment = await wechatPayment(testApp, till, 6_600);

    moveToDay(testApp, nextDay(day), 9.9);
    await runAllDue();
    expect(await importsOf(day)).toEqual([]);

    moveToDay(testApp, nextDay(day), 10.1);
    await runAllDue();
    const fetched = await importsOf(day);
    const wechat = fetched.find((row) => row.channel === 'wechat');
    expect(wechat).toMatchObject({
      source: 'download',
      importedByUserId: null,
      breakCount: 0,
      matchedPaymentCount: 1,
      matchedPaymentTotalFen: payment.amountFen,
    });
    // Later polls the same day schedule nothing more and import nothing twice.
    testApp.clock.advance(3 * 3_600_000);
    await runAllDue();
    expect(await importsOf(day)).toHaveLength(fetched.length);
    const fetchJobs = await testApp.db
      .select()
      .from(jobs)
      .where(eq(jobs.kind, 'reconciliation.fetch-statement'));
    expect(fetchJobs.every((job) => job.status === 'done')).toBe(true);
  });

  it('a user fetches a day’s statement on demand; a second fetch returns the same import', async () => {
    const day = '2027-05-07';
    moveToDay(testApp, day);
    const till = await merchantAtTill(testApp);
    await wechatPayment(testApp, till, 1_100);
    moveToDay(testApp, nextDay(day), 8);
    const user = await createStaffUser(testApp.db, { nodeCode: 'QD000', roles: ['operator'] });
    const { session } = await signIn(testApp, user.username);
    const first = await session.request('POST', '/api/v1/reconciliation/imports/fetch', {
      channel: 'wechat',
      date: day,
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ source: 'download', breakCount: 0 });
    const again = await session.request('POST', '/api/v1/reconciliation/imports/fetch', {
      channel: 'wechat',
      date: day,
    });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
  });
});
