export { type AuditEntry, diffChanges, recordAudit } from './record-audit.js';
export { auditRoutes } from './routes.js';
export { auditEventSchema } from './schemas.js';
export { auditTrailOf, escapeLike, searchAudit, toAuditView } from './search-audit.js';
export { verifyAuditChain } from './verify-chain.js';
