import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { newId } from '../../platform/ids.js';
import { applyBasisPoints } from '../../platform/money.js';
import { postJournal } from '../ledger/index.js';
import { merchants } from '../merchants/index.js';
import { createPayout, settlementPayee, submitPayout } from '../payouts/index.js';
import type { SettlementDeps } from './deps.js';
import type { SettlementCycle } from './settlement-date.js';
import { takingsInWindow } from './settlement-window.js';
import { type SettlementLineRow, settlementLines } from './tables.js';

/** Before a merchant's first settlement: its window opens at the beginning of time. */
const beginning = new Date(0);

export type DueMerchant = {
  merchantId: string;
  cycle: SettlementCycle;
  d0PremiumBp: number;
  windowEnd: Date;
};

/**
 * Settles one merchant on one date in three steps, each its own transaction and each keyed by
 * a unique constraint, so a run killed anywhere and started again finishes the merchant
 * exactly once: the line (unique per merchant and date), the settlement journal (unique per
 * line), the payout (unique per line). Then the payout is submitted; should that be lost, the
 * payouts sweeper submits it.
 */
export async function settleMerchant(
  deps: SettlementDeps,
  runId: string,
  date: string,
  due: DueMerchant,
): Promise<SettlementLineRow> {
  let line = await computeLine(deps, runId, date, due);
  deps.faultAt?.('line_computed', due.merchantId);
  if (line.status === 'computed') line = await postSettlementJournal(deps, line);
  deps.faultAt?.('journal_posted', due.merchantId);
  if (line.status === 'posted') line = await createLinePayout(deps, line);
  deps.faultAt?.('payout_created', due.merchantId);
  if (line.payoutId) await submitPayout(deps, line.payoutId);
  deps.faultAt?.('payout_submitted', due.merchantId);
  return line;
}

/**
 * The line: the merchant's takings since its previous line ended. A negative window (refunds
 * drawing on money held from a failed payout) pays nothing and covers nothing, so its postings
 * roll into the next settlement instead of being lost.
 */
async function computeLine(
  deps: SettlementDeps,
  runId: string,
  date: string,
  due: DueMerchant,
): Promise<SettlementLineRow> {
  return deps.db.transaction(async (tx: Db) => {
    const [existing] = await lineOf(tx, due.merchantId, date);
    if (existing) return existing;
    const [previous] = await tx
      .select({ windowEnd: settlementLines.windowEnd })
      .from(settlementLines)
      .where(eq(settlementLines.merchantId, due.merchantId))
      .orderBy(desc(settlementLines.windowEnd))
      .limit(1);
    const windowStart = previous?.windowEnd ?? beginning;
    const takings = await takingsInWindow(tx, due.merchantId, windowStart, due.windowEnd);
    const premium =
      due.cycle === 'd0' && takings.creditedFen > 0
        ? applyBasisPoints(takings.creditedFen, due.d0PremiumBp)
        : 0;
    const net = Math.max(0, takings.creditedFen - premium);
    const now = deps.clock.now();
    const [inserted] = await tx
      .insert(settlementLines)
      .values({
        id: newId('settlementLine', now.getTime()),
        runId,
        merchantId: due.merchantId,
        settlementDate: date,
        cycle: due.cycle,
        windowStart,
        windowEnd: takings.creditedFen < 0 ? windowStart : due.windowEnd,
        ...takings,
        d0PremiumFen: premium,
        netFen: net,
        status: net > 0 ? 'computed' : 'nothing_to_pay',
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: [settlementLines.merchantId, settlementLines.settlementDate] })
      .returning();
    if (inserted) return inserted;
    const [raced] = await lineOf(tx, due.merchantId, date);
    if (!raced) throw new Error(`Settlement line of ${due.merchantId} on ${date} vanished`);
    return raced;
  });
}

/** The D0 premium (and, once merchant credit exists, loan instalments) out of the payable. */
async function postSettlementJournal(
  deps: SettlementDeps,
  line: SettlementLineRow,
): Promise<SettlementLineRow> {
  return stepOnLockedLine(deps, line, 'computed', async (tx, locked) => {
    let journalId: string | null = null;
    if (locked.d0PremiumFen > 0) {
      const posted = await postJournal(tx, deps.clock, {
        kind: 'settlement_premium',
        sourceType: 'settlement_line',
        sourceId: locked.id,
        merchantId: locked.merchantId,
        description: `D0 垫资服务费 ${locked.settlementDate}`,
        lines: [
          {
            account: {
              kind: 'merchant_payable',
              ownerId: locked.merchantId,
              merchantId: locked.merchantId,
            },
            amountFen: locked.d0PremiumFen,
          },
          { account: { kind: 'fee_revenue' }, amountFen: -locked.d0PremiumFen },
        ],
      });
      journalId = posted.journalId;
    }
    const [updated] = await tx
      .update(settlementLines)
      .set({ status: 'posted', journalId, updatedAt: deps.clock.now() })
      .where(eq(settlementLines.id, locked.id))
      .returning();
    return updated as SettlementLineRow;
  });
}

/** The payout instruction of the line: the net leaves the payable for payout in transit. */
async function createLinePayout(
  deps: SettlementDeps,
  line: SettlementLineRow,
): Promise<SettlementLineRow> {
  return stepOnLockedLine(deps, line, 'posted', async (tx, locked) => {
    const [merchant] = await tx.select().from(merchants).where(eq(merchants.id, locked.merchantId));
    if (!merchant) throw new Error(`Merchant ${locked.merchantId} not found`);
    const payout = await createPayout(tx, deps, {
      purpose: 'settlement',
      sourceId: locked.id,
      merchantId: locked.merchantId,
      amountFen: locked.netFen,
      from: 'merchant_payable',
      payee: settlementPayee(deps.encryptor, merchant),
      memo: `结算 ${locked.settlementDate}`,
      mode: 'async',
      settlementDate: locked.settlementDate,
    });
    const [updated] = await tx
      .update(settlementLines)
      .set({ status: 'paid_out', payoutId: payout.id, updatedAt: deps.clock.now() })
      .where(eq(settlementLines.id, locked.id))
      .returning();
    return updated as SettlementLineRow;
  });
}

/**
 * One step of a line in its own transaction, under the line's row lock, taken only while the
 * line is still at the status the step starts from: a repeated or concurrent step finds it
 * moved on and returns it as it is.
 */
async function stepOnLockedLine(
  deps: SettlementDeps,
  line: SettlementLineRow,
  from: SettlementLineRow['status'],
  step: (tx: Db, locked: SettlementLineRow) => Promise<SettlementLineRow>,
): Promise<SettlementLineRow> {
  return deps.db.transaction(async (tx: Db) => {
    const [locked] = await tx
      .select()
      .from(settlementLines)
      .where(eq(settlementLines.id, line.id))
      .for('update');
    if (locked?.status !== from) return locked ?? line;
    return step(tx, locked);
  });
}

function lineOf(db: Db, merchantId: string, date: string) {
  return db
    .select()
    .from(settlementLines)
    .where(
      and(eq(settlementLines.merchantId, merchantId), eq(settlementLines.settlementDate, date)),
    );
}
