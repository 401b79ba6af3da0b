import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { type JournalInput, postJournal, postJournals } from './post-journal.js';
import { ledgerAccounts } from './tables.js';
import { unbalancedJournals } from './trial-balance.js';

let testApp: TestApp;
beforeAll(async () => {
  testApp = await createTestApp();
});
afterAll(() => testApp.close());

/** A capture's journal: the channel owes the amount, the merchant is owed it less a fee. */
function capture(merchantId: string, amountFen: number, feeFen = 1): JournalInput {
  return {
    kind: 'payment',
    sourceType: 'payment',
    sourceId: `pay_${randomUUID()}`,
    merchantId,
    description: '收款',
    lines: [
      { account: { kind: 'channel_receivable', ownerId: 'card' }, amountFen },
      {
        account: { kind: 'merchant_payable', ownerId: merchantId, merchantId },
        amountFen: -(amountFen - feeFen),
      },
      { account: { kind: 'fee_revenue' }, amountFen: -feeFen },
    ],
  };
}

async function balancesOf(merchantIds: string[]) {
  const rows = await testApp.db
    .select({ code: ledgerAccounts.code, balance: ledgerAccounts.balanceFen })
    .from(ledgerAccounts)
    .where(
      inArray(
        ledgerAccounts.code,
        merchantIds.map((id) => `merchant_payable:${id}`),
      ),
    );
  return Object.fromEntries(rows.map((row) => [row.code, row.balance]));
}

describe('postJournals (many journals in one statement)', () => {
  it('posts each new journal once with its balances, and skips one posted already', async () => {
    const [a, b] = [`mch_batch_${randomUUID()}`, `mch_batch_${randomUUID()}`];
    const earlier = capture(a, 500);
    const first = await testApp.db.transaction((tx) => postJournal(tx, testApp.clock, earlier));
    const batch = [capture(a, 1_000), earlier, capture(b, 2_000), capture(a, 300)];
    const posted = await testApp.db.transaction((tx) => postJournals(tx, testApp.clock, batch));

    expect(posted.map((p) => p.posted)).toEqual([true, false, true, true]);
    expect(posted[1]?.journalId).toBe(first.journalId);
    expect(new Set(posted.map((p) => p.journalId)).size).toBe(4);
    // a: 499 + 999 + 299, b: 1,999; the repeated journal added nothing.
    expect(await balancesOf([a, b])).toEqual({
      [`merchant_payable:${a}`]: 1_797,
      [`merchant_payable:${b}`]: 1_999,
    });
    expect(await unbalancedJournals(testApp.db)).toEqual([]);
  });

  it('refuses the whole call when one journal would take a balance below zero', async () => {
    const merchantId = `mch_batch_${randomUUID()}`;
    const giveBack: JournalInput = {
      kind: 'refund',
      sourceType: 'refund',
      sourceId: `rfd_${randomUUID()}`,
      merchantId,
      description: '退款',
      lines: [
        {
          account: { kind: 'merchant_payable', ownerId: merchantId, merchantId },
          amountFen: 5_000,
        },
        { account: { kind: 'refund_clearing' }, amountFen: -5_000 },
      ],
    };
    const attempt = testApp.db.transaction((tx) =>
      postJournals(tx, testApp.clock, [capture(merchantId, 1_000), giveBack]),
    );
    await expect(attempt).rejects.toMatchObject({ code: 'insufficient_balance' });
    expect(await balancesOf([merchantId])).toEqual({});
  });
});
