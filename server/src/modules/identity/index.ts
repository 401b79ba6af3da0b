export { authRoutes } from './auth-routes.js';
export { sessionAuthenticator } from './sessions.js';
export { staffByRole, staffCountsByNode } from './staff-directory.js';
export { staffRoutes } from './staff-routes.js';
export { userRoles, users } from './tables.js';
