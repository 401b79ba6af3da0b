import { eq } from 'drizzle-orm';
import { shanghaiDay } from '../../platform/clock.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { SettlementDeps } from './deps.js';
import { dueWindowEnds, runSettlement } from './run-settlement.js';
import { settlementRuns } from './tables.js';

export const settlementSweeper = 'settlement.schedule';

/** A D0 settlement starts this long after the cut-off, so postings committing at it are all in. */
const graceMs = 10 * 60_000;

/**
 * The schedule: today's settlement runs once the T+1 and D+1 trade days have closed (just
 * after midnight) and again after today's own cut-off for the D0 merchants. It checks at most
 * once a minute whether the last window due by now is newer than today's run; the run itself
 * is resumable, so an overlap with an operator's start is harmless.
 */
export function settlementScheduler(deps: SettlementDeps): (limit: number) => Promise<number> {
  let lastCheck = 0;
  return async () => {
    const now = deps.clock.now();
    if (now.getTime() - lastCheck < 60_000) return 0;
    lastCheck = now.getTime();
    const date = shanghaiDay(now);
    const dueUntil = latestDueWindowEnd(date, deps.config.settlementCutoffMinutes, now);
    if (!dueUntil) return 0;
    const [run] = await deps.db
      .select({ startedAt: settlementRuns.startedAt, status: settlementRuns.status })
      .from(settlementRuns)
      .where(eq(settlementRuns.settlementDate, date));
    if (run && run.status === 'completed' && run.startedAt.getTime() >= dueUntil.getTime())
      return 0;
    try {
      await runSettlement(deps, { date, startedByUserId: null });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      deps.logger.error({ code: error.code, date }, 'scheduled settlement could not run');
    }
    return 1;
  };
}

/** The newest trade-day close that is due (with the grace) for today's settlement, if any. */
function latestDueWindowEnd(date: string, cutoffMinutes: number, now: Date): Date | null {
  const { windowEnds } = dueWindowEnds(date, cutoffMinutes, new Date(now.getTime() - graceMs));
  const ends = [...windowEnds.values()];
  return ends.length === 0 ? null : new Date(Math.max(...ends.map((end) => end.getTime())));
}
