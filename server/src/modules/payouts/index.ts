export { createPayout, type PayoutRequest } from './create-payout.js';
export type { PayoutDeps } from './deps.js';
export { registerPayoutJobs } from './payout-jobs.js';
export { payoutRoutes } from './routes.js';
export { settlementPayee } from './settlement-payee.js';
export { submitPayout } from './submit-payout.js';
export { type PayoutRow, type PayoutStatus, payouts } from './tables.js';
