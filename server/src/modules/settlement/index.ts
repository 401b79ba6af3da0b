import type { JobQueue } from '../../platform/jobs/job-queue.js';
import type { SettlementDeps } from './deps.js';
import { settlementScheduler, settlementSweeper } from './settlement-schedule.js';

export type { SettlementDeps, SettlementFaultPoint } from './deps.js';
export { settlementRoutes } from './routes.js';
export { runSettlement } from './run-settlement.js';
export { settlementLines, settlementRuns, settlementTerms } from './tables.js';

/** The daily schedule, unless SETTLEMENT_SCHEDULE is off (tests start runs themselves). */
export function registerSettlementJobs(jobs: JobQueue, deps: SettlementDeps): void {
  if (deps.config.settlementSchedule) {
    jobs.registerSweeper(settlementSweeper, settlementScheduler(deps));
  }
}
