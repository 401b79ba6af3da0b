import type { FastifyPluginAsync } from 'fastify';
import { cashierRoutes } from './cashier-routes.js';
import { checkSweeper, sweepDueChecks } from './check-payment.js';
import type { PaymentDeps } from './deps.js';
import { feePlanRoutes } from './fee-plan-routes.js';
import { notificationRoutes } from './notification-routes.js';
import { paymentRoutes } from './payment-routes.js';
import { checkRefund, checkRefundJob } from './refund-payment.js';
import { storeCodeRoutes } from './store-code-routes.js';

export { channelForAuthCode } from './channel-routing.js';
export type { PaymentDeps } from './deps.js';
export { type Channel, channels, payments, refunds } from './tables.js';

/** Every HTTP route of the payments module. */
export function paymentsModuleRoutes(deps: PaymentDeps): FastifyPluginAsync {
  return async (app) => {
    await app.register(paymentRoutes(deps));
    await app.register(storeCodeRoutes(deps));
    await app.register(feePlanRoutes(deps));
    await app.register(cashierRoutes(deps));
    await app.register(notificationRoutes(deps));
  };
}

/**
 * The follow-ups of pending payments and refunds, registered once on the app's job queue:
 * payments by the sweeper over their `next_check_at`, refunds by a job each.
 */
export function registerPaymentJobs(deps: PaymentDeps): void {
  deps.jobs.registerSweeper(checkSweeper, (limit) => sweepDueChecks(deps, limit));
  deps.jobs.register(checkRefundJob, (payload) =>
    checkRefund(deps, (payload as { refundId: string }).refundId),
  );
}
