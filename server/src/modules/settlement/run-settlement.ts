import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { writePayoutFile } from '../../adapters/corebank/payout-file.js';
import { type Db, queryRows } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { newId } from '../../platform/ids.js';
import { payouts } from '../payouts/index.js';
import type { SettlementDeps } from './deps.js';
import { type DueMerchant, settleMerchant } from './settle-merchant.js';
import {
  lastTradeDaySettledOn,
  type SettlementCycle,
  settlementCycles,
  tradeDayEnd,
} from './settlement-date.js';
import { type SettlementRunRow, settlementRuns } from './tables.js';

/**
 * Settles every merchant due on a date: those whose cycle's trade days for the date have all
 * closed by now (T+1 and D+1 from the morning on, D0 from the date's own cut-off). Starting it
 * again, by the schedule or an operator, after a crash or while another start is still going,
 * resumes the same run: each merchant's steps skip what is done, so there is never a second
 * line, journal or payout. Ends by writing the date's payout file for the core bank.
 */
export async function runSettlement(
  deps: SettlementDeps,
  input: { date: string; startedByUserId: string | null },
): Promise<SettlementRunRow> {
  const now = deps.clock.now();
  const { windowEnds, calendarMissing } = dueWindowEnds(
    input.date,
    deps.config.settlementCutoffMinutes,
    now,
  );
  if (windowEnds.size === 0) throw calendarMissing ?? new AppError('settlement_date_not_due');
  const run = await openRun(deps, input);
  const due = await dueMerchants(deps.db, input.date, windowEnds);
  // Without the year's official holidays T+1 merchants wait; D+1 and D0 ones are still paid.
  let lastError: string | null = calendarMissing ? `t1: ${calendarMissing.code}` : null;
  for (const merchant of due) {
    try {
      await settleMerchant(deps, run.id, input.date, merchant);
    } catch (error) {
      // A merchant the bank cannot pay (no settlement account) must not hold up the others;
      // anything else is a fault of the run itself and stops it, to be resumed.
      if (!(error instanceof AppError)) throw error;
      lastError = `${merchant.merchantId}: ${error.code}`;
      deps.logger.warn({ merchantId: merchant.merchantId, code: error.code }, 'not settled');
    }
  }
  deps.faultAt?.('lines_done', null);
  const finished = await finishRun(deps, run.id, input.date, lastError);
  deps.faultAt?.('file_written', null);
  return finished;
}

/**
 * For each cycle with a settlement on the date, the close of its last trade day, if past; and
 * the refusal of a cycle whose calendar is not installed (T+1 past the package's last year).
 */
export function dueWindowEnds(
  date: string,
  cutoffMinutes: number,
  now: Date,
): { windowEnds: Map<SettlementCycle, Date>; calendarMissing: AppError | null } {
  const windowEnds = new Map<SettlementCycle, Date>();
  let calendarMissing: AppError | null = null;
  for (const cycle of settlementCycles) {
    let lastTradeDay: string | null;
    try {
      lastTradeDay = lastTradeDaySettledOn(date, cycle);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'settlement_calendar_missing') throw error;
      calendarMissing = error;
      continue;
    }
    if (!lastTradeDay) continue;
    const end = tradeDayEnd(lastTradeDay, cutoffMinutes);
    if (end.getTime() <= now.getTime()) windowEnds.set(cycle, end);
  }
  return { windowEnds, calendarMissing };
}

async function openRun(
  deps: SettlementDeps,
  input: { date: string; startedByUserId: string | null },
): Promise<SettlementRunRow> {
  const now = deps.clock.now();
  const [run] = await deps.db
    .insert(settlementRuns)
    .values({
      id: newId('settlementRun', now.getTime()),
      settlementDate: input.date,
      status: 'running',
      startedByUserId: input.startedByUserId,
      startedAt: now,
    })
    .onConflictDoUpdate({
      target: settlementRuns.settlementDate,
      set: { status: 'running', lastError: null, finishedAt: null, startedAt: now },
    })
    .returning();
  return run as SettlementRunRow;
}

/**
 * Active merchants with a payable account whose cycle is due and who are not finished for the
 * date yet (a line that paid out or had nothing to pay is final; its payout, if lost before
 * submission, is the payouts sweeper's).
 */
async function dueMerchants(
  db: Db,
  date: string,
  windowEnds: Map<SettlementCycle, Date>,
): Promise<DueMerchant[]> {
  const rows = await queryRows<{
    merchant_id: string;
    cycle: SettlementCycle;
    d0_premium_bp: number;
  }>(
    db,
    sql`select m.id as merchant_id, coalesce(t.cycle, 't1') as cycle, coalesce(t.d0_premium_bp, 0) as d0_premium_bp
        from merchants m
        join ledger_accounts a on a.code = 'merchant_payable:' || m.id
        left join settlement_terms t on t.merchant_id = m.id
        where m.status = 'active'
          and coalesce(t.cycle, 't1') = any(array(select json_array_elements_text(${JSON.stringify([...windowEnds.keys()])}::json)))
          and not exists (
            select 1 from settlement_lines l
            where l.merchant_id = m.id and l.settlement_date = ${date}
              and l.status in ('paid_out', 'nothing_to_pay')
          )
        order by m.id`,
  );
  return rows.map((row) => ({
    merchantId: row.merchant_id,
    cycle: row.cycle,
    d0PremiumBp: Number(row.d0_premium_bp),
    windowEnd: windowEnds.get(row.cycle) as Date,
  }));
}

/** The run's totals from its lines, and the date's payout file from its settlement payouts. */
async function finishRun(
  deps: SettlementDeps,
  runId: string,
  date: string,
  lastError: string | null,
): Promise<SettlementRunRow> {
  const [totals] = await queryRows<{
    merchants: number;
    payments: number;
    refunds: number;
    fees: number;
    net: number;
  }>(
    deps.db,
    sql`select count(*)::int as merchants, coalesce(sum(payments_fen), 0)::bigint as payments,
               coalesce(sum(refunds_fen), 0)::bigint as refunds, coalesce(sum(fees_fen + d0_premium_fen), 0)::bigint as fees,
               coalesce(sum(net_fen), 0)::bigint as net
        from settlement_lines where settlement_date = ${date}`,
  );
  const dayPayouts = await deps.db
    .select()
    .from(payouts)
    .where(and(eq(payouts.purpose, 'settlement'), eq(payouts.settlementDate, date)))
    .orderBy(payouts.id);
  const file = writePayoutFile({
    batchId: `settlement-${date}`,
    createdAt: deps.clock.now(),
    settlementDate: date,
    debitAccount: deps.config.bankSettlementAccount,
    lines: dayPayouts.map((payout) => ({
      instructionId: payout.id,
      payeeAccountNumber: deps.encryptor.decrypt(payout.payeeAccountNumberEnc),
      payeeName: deps.encryptor.decrypt(payout.payeeNameEnc),
      payeeBankCode: payout.payeeBankCode,
      amountFen: payout.amountFen,
      memo: payout.memo,
    })),
  });
  const [finished] = await deps.db
    .update(settlementRuns)
    .set({
      status: 'completed',
      lastError,
      merchantCount: Number(totals?.merchants ?? 0),
      paymentsFen: Number(totals?.payments ?? 0),
      refundsFen: Number(totals?.refunds ?? 0),
      feesFen: Number(totals?.fees ?? 0),
      netFen: Number(totals?.net ?? 0),
      payoutCount: dayPayouts.length,
      // The file holds account numbers in clear for the core bank: kept encrypted at rest.
      payoutFile: deps.encryptor.encrypt(file.toString('utf8')),
      payoutFileSha256: createHash('sha256').update(file).digest('hex'),
      finishedAt: deps.clock.now(),
    })
    .where(eq(settlementRuns.id, runId))
    .returning();
  return finished as SettlementRunRow;
}
