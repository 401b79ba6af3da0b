import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.js';
import { principalOf } from '../../platform/http/route-access.js';
import {
  auditEventSchema,
  auditPageSchema,
  auditSearchQuerySchema,
  chainVerificationSchema,
} from './schemas.js';
import { getAuditEvent, searchAudit } from './search-audit.js';
import { verifyAuditChain } from './verify-chain.js';

export function auditRoutes(deps: { db: Db }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/audit-events',
      {
        config: { access: { permission: 'audit:read' } },
        schema: {
          tags: ['audit'],
          summary: 'Search the audit log',
          querystring: auditSearchQuerySchema,
          response: { 200: auditPageSchema },
        },
      },
      (request) => searchAudit(deps.db, principalOf(request), request.query),
    );
    app.get(
      '/api/v1/audit-events/verification',
      {
        config: { access: { permission: 'audit:read' } },
        schema: {
          tags: ['audit'],
          summary: 'Verify the hash chain and report the first broken link',
          response: { 200: chainVerificationSchema },
        },
      },
      () => verifyAuditChain(deps.db),
    );
    app.get(
      '/api/v1/audit-events/:id',
      {
        config: { access: { permission: 'audit:read' } },
        schema: {
          tags: ['audit'],
          summary: 'One audit event with its before/after',
          params: z.object({ id: z.string() }),
          response: { 200: auditEventSchema },
        },
      },
      (request) => getAuditEvent(deps.db, principalOf(request), request.params.id),
    );
  };
}
