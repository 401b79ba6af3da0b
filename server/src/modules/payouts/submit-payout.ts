import { eq, sql } from 'drizzle-orm';
import type { PayoutInstruction, PayoutResult } from '../../adapters/corebank/corebank-client.js';
import { type Db, queryRows } from '../../platform/db/database.js';
import { backoffMs } from '../../platform/jobs/job-queue.js';
import { type PayoutDeps, payoutNotifyUrl } from './deps.js';
import { applyPayoutOutcome } from './payout-outcome.js';
import { type PayoutRow, payouts } from './tables.js';

/** How long an accepted payout waits for the bank's notification before we ask. */
const acceptedQueryAfterMs = 5 * 60_000;
/** A claimed payout is not picked up again for this long, even if its submitter died. */
const claimLeaseMs = 2 * 60_000;

/**
 * The core bank's instruction id of an attempt: the payout id the first time, `<id>-<n>` for
 * the n-th attempt after a retry, because the bank never pays one instruction id twice and a
 * refused instruction stays refused.
 */
export function instructionIdOf(payout: Pick<PayoutRow, 'id' | 'attempt'>): string {
  return payout.attempt === 1 ? payout.id : `${payout.id}-${payout.attempt}`;
}

export function parseInstructionId(instructionId: string): { payoutId: string; attempt: number } {
  const match = /^(pyo_[0-9a-z]{26})(?:-(\d+))?$/.exec(instructionId);
  if (!match) throw new Error(`Not a payout instruction id: ${instructionId}`);
  return { payoutId: match[1] as string, attempt: match[2] ? Number(match[2]) : 1 };
}

/**
 * Sends an open payout (created, or submitted with no final answer yet) to the core bank and
 * applies what it answers. Called after the commit that created the payout, by the sweeper for
 * payouts whose submitter died, and again for payouts left unanswered: the bank treats a
 * repeated instruction id as the same instruction, so sending twice never pays twice. Returns
 * the payout as it is afterwards (still `submitted` when the answer is pending or unknown).
 */
export async function submitPayout(deps: PayoutDeps, payoutId: string): Promise<PayoutRow> {
  const now = deps.clock.now();
  const [claimed] = await deps.db
    .update(payouts)
    .set({
      status: 'submitted',
      submittedAt: sql`coalesce(${payouts.submittedAt}, ${now.toISOString()}::timestamptz)`,
      nextCheckAt: new Date(now.getTime() + claimLeaseMs),
      updatedAt: now,
    })
    .where(sql`${payouts.id} = ${payoutId} and ${payouts.status} in ('created', 'submitted')`)
    .returning();
  if (!claimed) return payoutById(deps.db, payoutId);
  const result = await deps.coreBank.submit(instructionFor(deps, claimed));
  return applyResult(deps, claimed, result);
}

/** The bank's answer to a submission or a query, applied; open answers set the next check. */
export async function applyResult(
  deps: PayoutDeps,
  payout: PayoutRow,
  result: PayoutResult,
): Promise<PayoutRow> {
  if (result.status === 'succeeded' || result.status === 'failed') {
    const { payout: after } = await deps.db.transaction((tx: Db) =>
      applyPayoutOutcome(tx, deps.clock, payout.id, payout.attempt, result),
    );
    return after;
  }
  const checks = result.status === 'unknown' ? payout.checkAttempts + 1 : 0;
  if (result.status === 'unknown') {
    deps.logger.warn({ payoutId: payout.id, reason: result.reason }, 'payout result unknown');
  }
  const wait = result.status === 'accepted' ? acceptedQueryAfterMs : backoffMs(checks);
  const [after] = await deps.db
    .update(payouts)
    .set({
      gatewayReference:
        result.status === 'accepted' ? result.gatewayReference : payout.gatewayReference,
      checkAttempts: checks,
      nextCheckAt: new Date(deps.clock.now().getTime() + wait),
      updatedAt: deps.clock.now(),
    })
    .where(
      sql`${payouts.id} = ${payout.id} and ${payouts.status} = 'submitted' and ${payouts.attempt} = ${payout.attempt}`,
    )
    .returning();
  return after ?? payoutById(deps.db, payout.id);
}

function instructionFor(deps: PayoutDeps, payout: PayoutRow): PayoutInstruction {
  return {
    instructionId: instructionIdOf(payout),
    purpose: payout.purpose,
    amountFen: payout.amountFen,
    payeeAccountNumber: deps.encryptor.decrypt(payout.payeeAccountNumberEnc),
    payeeName: deps.encryptor.decrypt(payout.payeeNameEnc),
    payeeBankCode: payout.payeeBankCode,
    memo: payout.memo,
    mode: payout.mode,
    notifyUrl: payoutNotifyUrl(deps.config),
  };
}

export async function payoutById(db: Db, payoutId: string): Promise<PayoutRow> {
  const [payout] = await db.select().from(payouts).where(eq(payouts.id, payoutId));
  if (!payout) throw new Error(`Payout ${payoutId} not found`);
  return payout;
}

/** The sweeper: open payouts whose next check is due, resubmitted (idempotent at the bank). */
export async function sweepDuePayouts(deps: PayoutDeps, limit: number): Promise<number> {
  const now = deps.clock.now();
  const due = await queryRows<{ id: string }>(
    deps.db,
    sql`select id from payouts
        where status in ('created', 'submitted') and next_check_at <= ${now.toISOString()}::timestamptz
        order by next_check_at limit ${limit}`,
  );
  for (const row of due) {
    try {
      await submitPayout(deps, row.id);
    } catch (error) {
      deps.logger.warn({ err: error, payoutId: row.id }, 'payout follow-up failed');
    }
  }
  return due.length;
}
