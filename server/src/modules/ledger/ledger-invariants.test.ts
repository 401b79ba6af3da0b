import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { createActiveMerchant } from '../../../test/merchant-factories.js';
import type { Principal } from '../../platform/auth/principal.js';
import { type Db, queryRows } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { marketMemberships, markets } from '../markets/tables.js';
import type { PaymentDeps } from '../payments/deps.js';
import { openPayment } from '../payments/open-payment.js';
import { endPayment, lockPayment, succeedPayment } from '../payments/payment-transitions.js';
import { failRefund, settleRefund } from '../payments/refund-outcome.js';
import { openRefund } from '../payments/refund-payment.js';
import { trialBalance, unbalancedJournals } from './trial-balance.js';

/**
 * The ledger's invariants under random sequences of payments, partial refunds and failures:
 * after every step the books balance, every journal sums to zero, running balances agree with
 * the entries, no merchant is owed less than nothing, refunds stay within their payments, and
 * each succeeded payment and each refund step has posted exactly once. Each sequence runs in a
 * transaction that is rolled back, so every sequence starts from the same books.
 */
let testApp: TestApp;
let shop: { id: string; storeId: string };
let member: { id: string; storeId: string };
let operatorId: string;

beforeAll(async () => {
  testApp = await createTestApp();
  shop = await createActiveMerchant(testApp);
  const operator = await createActiveMerchant(testApp, { kind: 'market_operator' });
  member = await createActiveMerchant(testApp);
  operatorId = operator.id;
  const now = testApp.clock.now();
  await testApp.db.insert(markets).values({
    id: 'mkt_01invariants0000000000000000',
    operatorMerchantId: operator.id,
    name: '不变量批发市场',
    kind: 'wholesale',
    commissionBp: 150,
    status: 'open',
    createdAt: now,
    updatedAt: now,
  });
  await testApp.db.insert(marketMemberships).values({
    id: 'mbr_01invariants0000000000000000',
    marketId: 'mkt_01invariants0000000000000000',
    merchantId: member.id,
    status: 'accepted',
    requestedAt: now,
    decidedAt: now,
  });
});
afterAll(() => testApp.close());

type Step =
  | { kind: 'pay'; who: 0 | 1; amountFen: number; outcome: 'succeeded' | 'failed' | 'cancelled' }
  | { kind: 'refund'; pick: number; share: number; outcome: 'succeeded' | 'failed' | 'pending' }
  | { kind: 'settle'; pick: number; outcome: 'succeeded' | 'failed' };

const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('pay' as const),
    who: fc.constantFrom(0 as const, 1 as const),
    amountFen: fc.integer({ min: 1, max: 2_000_000 }),
    outcome: fc.constantFrom(
      'succeeded' as const,
      'succeeded' as const,
      'failed' as const,
      'cancelled' as const,
    ),
  }),
  fc.record({
    kind: fc.constant('refund' as const),
    pick: fc.nat(),
    share: fc.integer({ min: 1, max: 100 }),
    outcome: fc.constantFrom('succeeded' as const, 'failed' as const, 'pending' as const),
  }),
  fc.record({
    kind: fc.constant('settle' as const),
    pick: fc.nat(),
    outcome: fc.constantFrom('succeeded' as const, 'failed' as const),
  }),
);

function ownerOf(merchantId: string): Principal {
  return {
    userId: `usr_${merchantId}`,
    username: 'owner',
    realm: 'merchant',
    roles: ['merchant_owner'],
    permissions: new Set(['portal:refund']),
    homeOrgNodeId: null,
    scopeOrgNodeId: null,
    scopePath: null,
    merchantId,
    storeId: null,
    sessionId: 'ses_test',
    csrfToken: 'x',
    mfaRequired: false,
    mfaPassed: true,
    mustChangePassword: false,
  };
}

/**
 * The invariants, limited to the merchants of this test so each check stays cheap however big
 * the rest of the database is; the whole books are checked once at the end.
 */
async function checkInvariants(tx: Db, merchantIds: string[]): Promise<void> {
  const ids = sql.join(
    merchantIds.map((id) => sql`${id}`),
    sql`, `,
  );
  // One statement, one row: how many of each kind of violation there are (all must be zero).
  const [violations] = await queryRows<Record<string, string>>(
    tx,
    sql`select
      (select count(*) from (select journal_id from ledger_entries e join ledger_journals j on j.id = e.journal_id
         where j.merchant_id in (${ids}) group by journal_id having sum(e.amount_fen) <> 0) u) as unbalanced_journals,
      (select count(*) from ledger_accounts a where a.merchant_id in (${ids}) and (a.balance_fen < 0 or a.balance_fen <>
         -coalesce((select sum(e.amount_fen) from ledger_entries e where e.account_id = a.id), 0))) as bad_balances,
      (select count(*) from payments p where p.merchant_id in (${ids}) and (
         (p.status = 'succeeded') <> exists (select 1 from ledger_journals j where j.kind = 'payment' and j.source_id = p.id)
         or p.refunded_fen + p.refunding_fen > p.amount_fen
         or p.refunded_fen <> (select coalesce(sum(amount_fen), 0) from refunds r where r.payment_id = p.id and r.status = 'succeeded')
         or p.refunding_fen <> (select coalesce(sum(amount_fen), 0) from refunds r where r.payment_id = p.id and r.status = 'pending'))) as bad_payments,
      (select count(*) from refunds r where r.merchant_id in (${ids}) and (
         (select count(*) from ledger_journals j where j.source_id = r.id and j.kind = 'refund') <> 1
         or (select count(*) from ledger_journals j where j.source_id = r.id and j.kind = 'refund_settled') <> (case when r.status = 'succeeded' then 1 else 0 end)
         or (select count(*) from ledger_journals j where j.source_id = r.id and j.kind = 'refund_reversed') <> (case when r.status = 'failed' then 1 else 0 end))) as bad_refunds`,
  );
  expect(violations).toEqual({
    unbalanced_journals: '0',
    bad_balances: '0',
    bad_payments: '0',
    bad_refunds: '0',
  });
}

const rollback = new Error('roll back the sequence');

async function runSequence(steps: Step[]): Promise<void> {
  const deps = {
    clock: testApp.clock,
    config: testApp.config,
    jobs: testApp.jobs,
  } as unknown as PaymentDeps;
  const succeeded: string[] = [];
  const pendingRefunds: string[] = [];
  await testApp.db
    .transaction(async (tx) => {
      for (const step of steps) {
        if (step.kind === 'pay') {
          const merchant = step.who === 0 ? shop : member;
          const opened = await openPayment(tx, deps, {
            merchantId: merchant.id,
            storeId: merchant.storeId,
            method: 'payment_code',
            channel: 'wechat',
            amountFen: step.amountFen,
            codeKind: 'dynamic',
          }).catch((error: unknown) => {
            if (error instanceof AppError && error.code === 'payment_limit_exceeded') return null;
            throw error;
          });
          if (!opened) continue;
          const payment = await lockPayment(tx, opened.id);
          if (step.outcome === 'succeeded') {
            await succeedPayment(tx, testApp.clock, payment, {
              channelTransactionId: `wx_${payment.id}`,
            });
            // A duplicated confirmation changes nothing.
            expect(
              await succeedPayment(tx, testApp.clock, await lockPayment(tx, payment.id), {
                channelTransactionId: `wx_${payment.id}`,
              }),
            ).toBe(false);
            succeeded.push(payment.id);
          } else {
            await endPayment(tx, testApp.clock, payment, step.outcome);
          }
        } else if (step.kind === 'refund' && succeeded.length > 0) {
          const paymentId = succeeded[step.pick % succeeded.length] as string;
          const payment = await lockPayment(tx, paymentId);
          const room = payment.amountFen - payment.refundedFen - payment.refundingFen;
          const amountFen = Math.max(1, Math.floor((room * step.share) / 100));
          const refund = await tx
            .transaction(async (savepoint) =>
              openRefund(savepoint, deps, ownerOf(payment.merchantId), paymentId, { amountFen }),
            )
            .catch((error: unknown) => {
              if (
                error instanceof AppError &&
                ['refund_exceeds_payment', 'refund_limit_reached', 'insufficient_balance'].includes(
                  error.code,
                )
              )
                return null;
              throw error;
            });
          if (!refund) continue;
          if (step.outcome === 'succeeded')
            await settleRefund(tx, testApp.clock, refund.id, `wxr_${refund.id}`);
          else if (step.outcome === 'failed')
            await failRefund(tx, testApp.clock, refund.id, { code: 'x', message: 'x' });
          else pendingRefunds.push(refund.id);
        } else if (step.kind === 'settle' && pendingRefunds.length > 0) {
          const [refundId] = pendingRefunds.splice(step.pick % pendingRefunds.length, 1) as [
            string,
          ];
          if (step.outcome === 'succeeded')
            await settleRefund(tx, testApp.clock, refundId, `wxr_${refundId}`);
          else await failRefund(tx, testApp.clock, refundId, { code: 'x', message: 'x' });
          // A late duplicate of either outcome changes nothing.
          expect(await settleRefund(tx, testApp.clock, refundId, `wxr_${refundId}`)).toBe(false);
        }
        await checkInvariants(tx, [shop.id, member.id, operatorId]);
      }
      throw rollback;
    })
    .catch((error: unknown) => {
      if (error !== rollback) throw error;
    });
}

describe('ledger invariants', () => {
  it('hold after every step of random payments, partial refunds and failures', async () => {
    const before = await trialBalance(testApp.db);
    await fc.assert(
      fc.asyncProperty(fc.array(stepArbitrary, { minLength: 1, maxLength: 8 }), runSequence),
      { numRuns: Number(process.env.LEDGER_PROPERTY_RUNS ?? 1000) },
    );
    // The sequences rolled back: the books are as they were, and balanced.
    const after = await trialBalance(testApp.db);
    expect(after).toEqual(before);
    expect(after.balanced).toBe(true);
    expect(await unbalancedJournals(testApp.db)).toEqual([]);
  }, 600_000);

  it('refuses to change or delete a posted entry', async () => {
    const posted = await testApp.db.transaction(async (tx) => {
      const payment = await openPayment(
        tx,
        { clock: testApp.clock, config: testApp.config },
        {
          merchantId: shop.id,
          storeId: shop.storeId,
          method: 'payment_code',
          channel: 'wechat',
          amountFen: 100,
          codeKind: 'dynamic',
        },
      );
      await succeedPayment(tx, testApp.clock, payment, { channelTransactionId: 'wx_append_only' });
      return payment.id;
    });
    const [journal] = await queryRows<{ id: string }>(
      testApp.db,
      sql`select id from ledger_journals where source_id = ${posted}`,
    );
    const refusal = (statement: ReturnType<typeof sql>) =>
      testApp.db.execute(statement).then(
        () => 'changed',
        (error: Error & { cause?: Error }) => (error.cause ?? error).message,
      );
    expect(
      await refusal(
        sql`update ledger_entries set amount_fen = 1 where journal_id = ${journal?.id}`,
      ),
    ).toMatch(/append-only/);
    expect(
      await refusal(sql`delete from ledger_entries where journal_id = ${journal?.id}`),
    ).toMatch(/append-only/);
    expect(await refusal(sql`delete from ledger_journals where id = ${journal?.id}`)).toMatch(
      /append-only/,
    );
  });
});
