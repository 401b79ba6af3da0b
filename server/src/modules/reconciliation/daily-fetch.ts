import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/principal.js';
import { shanghaiDay, shanghaiDayStart } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { ReconDeps } from './deps.js';
import { fetchStatement } from './fetch-statement.js';
import {
  dailyFetches,
  type StatementChannel,
  statementChannels,
  statementImports,
} from './tables.js';

export const dailyFetchSweeper = 'reconciliation.daily-fetch';
export const fetchStatementJob = 'reconciliation.fetch-statement';

/** Channels publish the previous day's statement by about 09:00; we ask from 10:00 Shanghai. */
const fetchFromHourShanghai = 10;

/** The audit's actor for what the scheduler does on nobody's request. */
const schedulerActor: Actor = {
  userId: null,
  username: 'system:recon-daily-fetch',
  roles: [],
  orgNodeId: null,
  ip: null,
  requestId: null,
};

/**
 * The daily fetch, as a sweeper (the job queue has no recurring schedule): from 10:00 Asia/
 * Shanghai, the first poll of the day that finds yesterday's downloads unscheduled schedules
 * them, one job per channel. The insert into recon_daily_fetches is the claim, so every process
 * schedules a day once; the jobs then retry with the queue's backoff until a statement is in.
 */
export async function scheduleDailyFetch(
  deps: Pick<ReconDeps, 'db' | 'clock' | 'jobs' | 'channels'>,
): Promise<number> {
  const now = deps.clock.now();
  const today = shanghaiDay(now);
  const fetchFrom = shanghaiDayStart(today).getTime() + fetchFromHourShanghai * 3_600_000;
  if (now.getTime() < fetchFrom) return 0;
  const yesterday = shanghaiDay(new Date(shanghaiDayStart(today).getTime() - 1));
  return deps.db.transaction(async (tx: Db) => {
    const claimed = await tx
      .insert(dailyFetches)
      .values({ statementDate: yesterday, scheduledAt: now })
      .onConflictDoNothing()
      .returning();
    if (claimed.length === 0) return 0;
    // A channel whose client offers no download is imported by upload only.
    const downloadable = statementChannels.filter(
      (channel) => deps.channels[channel].downloadStatement,
    );
    for (const channel of downloadable) {
      await deps.jobs.enqueue(tx, fetchStatementJob, { channel, statementDate: yesterday });
    }
    return downloadable.length;
  });
}

/** One channel's download: nothing to do when a statement of that day is in already. */
export async function runFetchStatementJob(
  deps: ReconDeps,
  payload: { channel: StatementChannel; statementDate: string },
  context: { jobId: string },
): Promise<void> {
  const [present] = await deps.db
    .select({ id: statementImports.id })
    .from(statementImports)
    .where(
      and(
        eq(statementImports.channel, payload.channel),
        eq(statementImports.statementDate, payload.statementDate),
        eq(statementImports.status, 'matched'),
      ),
    );
  if (present) return;
  await fetchStatement(deps, {
    ...payload,
    importedByUserId: null,
    actor: { ...schedulerActor, requestId: context.jobId },
  });
}
