import type { PayoutDeps } from '../payouts/index.js';

/**
 * What the farmers module's use cases take: paying a farmer is a payout, so the payouts
 * module's dependencies (the core bank among them) are all it needs.
 */
export type FarmerDeps = PayoutDeps;
