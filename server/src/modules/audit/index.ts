export { type AuditEntry, diffChanges, recordAudit } from './record-audit.js';
export { auditRoutes } from './routes.js';
export { searchAudit, toAuditView, escapeLike } from './search-audit.js';
export { auditEventSchema } from './schemas.js';
export { verifyAuditChain } from './verify-chain.js';
