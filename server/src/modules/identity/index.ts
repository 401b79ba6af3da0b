export { resetAccountMfa, unlockAccount } from './account-recovery.js';
export { authRoutes } from './auth-routes.js';
export {
  countFailedStepUp,
  createMerchantUser,
  disableMerchantUsers,
  findMerchantUser,
  hasChosenPassword,
  issueSetupCode,
  listMerchantUsers,
  type MerchantUserRecord,
  merchantUserIds,
  merchantUsername,
  redeemSetupCode,
  setMerchantPassword,
  updateMerchantUser,
  verifyStepUpCode,
} from './merchant-users.js';
export { sessionAuthenticator } from './sessions.js';
export { staffByRole, staffCountsByNode } from './staff-directory.js';
export { staffRoutes } from './staff-routes.js';
export { userRoles, users } from './tables.js';
