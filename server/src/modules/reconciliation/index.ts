import {
  dailyFetchSweeper,
  fetchStatementJob,
  runFetchStatementJob,
  scheduleDailyFetch,
} from './daily-fetch.js';
import type { ReconDeps } from './deps.js';

export type { ReconDeps } from './deps.js';
export { importStatement } from './import-statement.js';
export { importStatementFile } from './import-statement-file.js';
export { reconciliationRoutes } from './routes.js';
export type { StatementLine, StatementSummary } from './statement-line.js';
export { reconBreaks, statementImports } from './tables.js';

/** The daily statement fetch: its sweeper (which schedules) and its job (which downloads). */
export function registerReconciliationJobs(deps: ReconDeps): void {
  deps.jobs.registerSweeper(dailyFetchSweeper, () => scheduleDailyFetch(deps));
  deps.jobs.register(fetchStatementJob, (payload, context) =>
    runFetchStatementJob(deps, payload as Parameters<typeof runFetchStatementJob>[1], context),
  );
}
