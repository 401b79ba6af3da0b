import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.js';
import { principalOf } from '../../platform/http/route-access.js';
import { auditEventSchema, searchAudit } from '../audit/index.js';
import { staffByRole } from '../identity/index.js';
import { nodesInScope } from '../orgs/index.js';

const summarySchema = z.object({
  orgNodeCount: z.number().int(),
  branchCount: z.number().int(),
  subBranchCount: z.number().int(),
  staffCount: z.number().int(),
  staffByRole: z.record(z.string(), z.number().int()),
  recentAuditEvents: z.array(auditEventSchema),
});

/** The console home: what exists in the caller's scope, and what happened last. */
export function consoleRoutes(deps: { db: Db }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/console/summary',
      {
        config: { access: { permission: 'dashboard:read' } },
        schema: {
          tags: ['console'],
          summary: 'Figures for the console home, within the caller’s scope',
          response: { 200: summarySchema },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        const scopePath = principal.scopePath ?? '/nowhere/';
        const nodes = await nodesInScope(deps.db, scopePath);
        const staff = await staffByRole(deps.db, scopePath);
        // Audit events need audit:read; others see the figures without the trail.
        const recent = principal.permissions.has('audit:read')
          ? (await searchAudit(deps.db, principal, { limit: 8 })).data
          : [];
        return {
          orgNodeCount: nodes.length,
          branchCount: nodes.filter((node) => node.kind === 'branch').length,
          subBranchCount: nodes.filter((node) => node.kind === 'sub_branch').length,
          staffCount: staff.total,
          staffByRole: staff.byRole,
          recentAuditEvents: recent,
        };
      },
    );
  };
}
