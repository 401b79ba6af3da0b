import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { merchantAtTill, wechatAuthCode } from '../../../test/payment-factories.js';
import { settlementLines, settlementRuns } from './tables.js';

let testApp: TestApp;

beforeAll(async () => {
  testApp = await createTestApp({ SETTLEMENT_SCHEDULE: 'on' });
});
afterAll(() => testApp.close());

async function runOf(date: string) {
  const [run] = await testApp.db
    .select()
    .from(settlementRuns)
    .where(eq(settlementRuns.settlementDate, date));
  return run;
}

describe('the settlement schedule', () => {
  it('settles T+1 after midnight and D0 after the cut-off, each once', async () => {
    testApp.clock.set('2026-11-24T02:00:00.000Z');
    const till = await merchantAtTill(testApp);
    const paid = await till.session.request(
      'POST',
      '/api/v1/payments',
      {
        method: 'payment_code',
        storeId: till.storeId,
        amountFen: 8_800,
        authCode: wechatAuthCode(),
      },
      { 'idempotency-key': randomUUID() },
    );
    expect(paid.json().status).toBe('succeeded');
    // 24 November, 23:30 Shanghai: the 24th's trade day has closed, but the 25th has not begun.
    testApp.clock.set('2026-11-24T15:30:00.000Z');
    await testApp.jobs.runDue();
    expect(await runOf('2026-11-25')).toBeUndefined();
    // 00:15 on the 25th: the T+1 run of the 25th settles the 24th's takings.
    testApp.clock.set('2026-11-24T16:15:00.000Z');
    await testApp.jobs.runDue();
    const morning = await runOf('2026-11-25');
    expect(morning?.status).toBe('completed');
    const [line] = await testApp.db
      .select()
      .from(settlementLines)
      .where(
        and(
          eq(settlementLines.merchantId, till.id),
          eq(settlementLines.settlementDate, '2026-11-25'),
        ),
      );
    expect(line).toMatchObject({ paymentsFen: 8_800, status: 'paid_out' });
    // An hour later nothing new is due: the run is not started again.
    testApp.clock.set('2026-11-24T17:20:00.000Z');
    await testApp.jobs.runDue();
    expect((await runOf('2026-11-25'))?.startedAt).toEqual(morning?.startedAt);
    // After the 25th's own cut-off the D0 merchants are due: the same run resumes.
    testApp.clock.set('2026-11-25T15:15:00.000Z');
    await testApp.jobs.runDue();
    expect((await runOf('2026-11-25'))?.startedAt.getTime()).toBeGreaterThan(
      morning?.startedAt.getTime() ?? 0,
    );
  });
});
