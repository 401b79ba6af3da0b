import type { JobQueue } from '../../platform/jobs/job-queue.js';
import type { PayoutDeps } from './deps.js';
import { sweepDuePayouts } from './submit-payout.js';

export const payoutSweeper = 'payouts.follow-up';

/** Payouts created but never submitted (a crash), or submitted and still unanswered. */
export function registerPayoutJobs(jobs: JobQueue, deps: PayoutDeps): void {
  jobs.registerSweeper(payoutSweeper, (limit) => sweepDuePayouts(deps, limit));
}
