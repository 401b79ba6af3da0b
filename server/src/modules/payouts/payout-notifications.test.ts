import { randomUUID } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { createActiveMerchant } from '../../../test/merchant-factories.js';
import type { Db } from '../../platform/db/database.js';
import { simulatedPayeeAccount } from '../../simulators/corebank/simulated-core-bank.js';
import { auditEvents } from '../audit/tables.js';
import { postJournal } from '../ledger/index.js';
import { ledgerJournals } from '../ledger/tables.js';
import { createPayout } from './create-payout.js';
import { submitPayout } from './submit-payout.js';
import { payouts } from './tables.js';

let testApp: TestApp;

beforeAll(async () => {
  // A lost answer is a client timeout: short here, so the test does not wait ten seconds.
  testApp = await createTestApp({ CHANNEL_TIMEOUT_MS: '300' });
});
afterAll(() => testApp.close());

function payoutDeps() {
  return {
    db: testApp.db,
    clock: testApp.clock,
    config: testApp.config,
    logger: testApp.app.log as never,
    encryptor: testApp.encryptor,
    coreBank: testApp.coreBank,
  };
}

/** A merchant owed `amountFen`, and an async payout of it to `accountNumber`, submitted. */
async function submittedPayout(amountFen: number, accountNumber: string) {
  const merchant = await createActiveMerchant(testApp);
  const payable = {
    kind: 'merchant_payable' as const,
    ownerId: merchant.id,
    merchantId: merchant.id,
  };
  const payout = await testApp.db.transaction(async (tx: Db) => {
    await postJournal(tx, testApp.clock, {
      kind: 'test_takings',
      sourceType: 'test',
      sourceId: randomUUID(),
      merchantId: merchant.id,
      description: 'takings',
      lines: [
        { account: { kind: 'channel_receivable', ownerId: 'wechat' }, amountFen },
        { account: payable, amountFen: -amountFen },
      ],
    });
    return createPayout(tx, testApp, {
      purpose: 'settlement',
      sourceId: randomUUID(),
      merchantId: merchant.id,
      amountFen,
      from: 'merchant_payable',
      payee: { accountNumber, name: '青岛市测试商户', bankCode: '314' },
      memo: '结算',
      mode: 'async',
    });
  });
  const submitted = await submitPayout(payoutDeps(), payout.id);
  expect(submitted.status).toBe('submitted');
  return submitted;
}

async function payoutRow(id: string) {
  const [row] = await testApp.db.select().from(payouts).where(eq(payouts.id, id));
  return row;
}

async function journalsOf(payoutId: string) {
  return testApp.db
    .select({ kind: ledgerJournals.kind })
    .from(ledgerJournals)
    .where(eq(ledgerJournals.sourceId, `${payoutId}:1`));
}

describe('the core bank’s payout notifications', () => {
  it('confirms a payout once, however often the bank sends the notification', async () => {
    const payout = await submittedPayout(12_345, simulatedPayeeAccount('duplicate_notification'));
    testApp.clock.advance(5_000);
    await testApp.simulators.runDue();
    expect(await payoutRow(payout.id)).toMatchObject({ status: 'succeeded' });
    expect((await journalsOf(payout.id)).map((row) => row.kind).sort()).toEqual([
      'payout_confirmed',
      'payout_sent',
    ]);
  });

  it('ignores a forged or tampered notification and audits it as a security event', async () => {
    testApp.simulators.corebank.engine.setFaults({
      badNotificationSignatures: 1,
      tamperedNotificationAmounts: 1,
    });
    const forged = await submittedPayout(50_000, '6217000000000005678');
    testApp.clock.advance(5_000);
    await testApp.simulators.runDue();
    const [rejected] = await testApp.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'security.notification_rejected'))
      .orderBy(desc(auditEvents.seq));
    expect(rejected?.targetType).toBe('payout');
    // The honest retry that follows still confirms it.
    for (let i = 0; i < 4 && (await payoutRow(forged.id))?.status !== 'succeeded'; i++) {
      testApp.clock.advance(60_000);
      await testApp.simulators.runDue();
    }
    expect(await payoutRow(forged.id)).toMatchObject({ status: 'succeeded', amountFen: 50_000 });
    expect(
      (await journalsOf(forged.id)).filter((row) => row.kind === 'payout_confirmed'),
    ).toHaveLength(1);
    testApp.simulators.corebank.engine.setFaults({ reset: true });
  });

  it('a payout the bank never answered is resubmitted by the sweeper and booked once', async () => {
    const payout = await submittedPayout(7_777, simulatedPayeeAccount('timeout'));
    expect(payout.status).toBe('submitted');
    testApp.clock.advance(10 * 60_000);
    await testApp.jobs.runDue();
    testApp.clock.advance(5_000);
    await testApp.simulators.runDue();
    await testApp.jobs.runDue();
    expect(await payoutRow(payout.id)).toMatchObject({ status: 'succeeded' });
    const booked = testApp.simulators.corebank.engine.bookings(payout.id);
    expect(booked).toEqual({ count: 1, totalFen: 7_777 });
  });
});
