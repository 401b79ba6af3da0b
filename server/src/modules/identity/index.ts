export { resetAccountMfa, unlockAccount } from './account-recovery.js';
export {
  apiKeyAuthenticator,
  apiKeyPermissions,
  requestAuthenticator,
} from './api-key-authenticator.js';
export { authRoutes } from './auth-routes.js';
export {
  type ApiKeyMerchant,
  createMerchantApiKey,
  maxActiveApiKeys,
} from './create-merchant-api-key.js';
export { listMerchantApiKeys } from './list-merchant-api-keys.js';
export { type MerchantApiKeyView, toApiKeyView } from './merchant-api-key-view.js';
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
export { revokeMerchantApiKey } from './revoke-merchant-api-key.js';
export {
  apiKeyPageSchema,
  apiKeySchema,
  createApiKeyBodySchema,
  createdApiKeySchema,
} from './schemas.js';
export { sessionAuthenticator } from './sessions.js';
export { staffByRole, staffCountsByNode } from './staff-directory.js';
export { staffRoutes } from './staff-routes.js';
export { userRoles, users } from './tables.js';
