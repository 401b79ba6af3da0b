export type { MerchantDeps } from './deps.js';
export { registerMerchantJobs } from './merchant-jobs.js';
export {
  merchantForCaller,
  merchantIsVisible,
  merchantScopePath,
  merchantVisibleTo,
} from './merchant-scope.js';
export { toMerchantView, toMerchantViews } from './merchant-view.js';
export { type NotificationKind, notifyMerchant } from './notify-merchant.js';
export {
  type CheckedPersonAccount,
  checkPersonAccount,
  type PersonAccountInput,
  personAccountMessages,
} from './person-account-checks.js';
export { merchantRoutes } from './routes.js';
export { type MerchantRow, merchants, type StoreRow, stores } from './tables.js';
