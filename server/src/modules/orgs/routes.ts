import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { idempotent } from '../../platform/http/idempotency.js';
import { callerOf, principalOf } from '../../platform/http/route-access.js';
import { staffCountsByNode } from '../identity/index.js';
import { createOrgNode } from './create-org-node.js';
import { moveOrgNode } from './move-org-node.js';
import { findNode, nodesInScope, type OrgNodeRow } from './org-scope.js';
import { childRegions, regionFullName } from './regions.js';
import {
  createOrgNodeSchema,
  moveOrgNodeSchema,
  orgNodeSchema,
  regionSchema,
  updateOrgNodeSchema,
} from './schemas.js';
import { updateOrgNode } from './update-org-node.js';

export function toOrgNodeView(node: OrgNodeRow, staffCount: number): z.infer<typeof orgNodeSchema> {
  return {
    id: node.id,
    parentId: node.parentId,
    code: node.code,
    name: node.name,
    kind: node.kind,
    regionCode: node.regionCode,
    regionName: regionFullName(node.regionCode),
    depth: node.depth,
    staffCount,
    createdAt: node.createdAt.toISOString(),
  };
}

export function orgRoutes(deps: { db: Db; clock: Clock }): FastifyPluginAsyncZod {
  const { db, clock } = deps;
  const idParams = z.object({ id: z.string() });
  const withCount = async (tx: Db, node: OrgNodeRow) =>
    toOrgNodeView(node, (await staffCountsByNode(tx, [node.id])).get(node.id) ?? 0);

  return async (app) => {
    app.get(
      '/api/v1/org-nodes',
      {
        config: { access: { permission: 'org:read' } },
        schema: {
          tags: ['organisation'],
          summary:
            'The nodes of the caller’s scope, or of their home subtree (for the org switcher)',
          querystring: z.object({ within: z.enum(['scope', 'home']).default('scope') }),
          response: { 200: z.object({ data: z.array(orgNodeSchema) }) },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        // The switcher offers every node the user may switch to: the home subtree, which stays
        // the same whatever node the session currently shows.
        const home =
          request.query.within === 'home' && principal.homeOrgNodeId
            ? await findNode(db, principal.homeOrgNodeId)
            : undefined;
        const nodes = await nodesInScope(db, home?.path ?? principal.scopePath ?? '/nowhere/');
        const counts = await staffCountsByNode(
          db,
          nodes.map((node) => node.id),
        );
        return { data: nodes.map((node) => toOrgNodeView(node, counts.get(node.id) ?? 0)) };
      },
    );
    app.post(
      '/api/v1/org-nodes',
      {
        config: { access: { permission: 'org:write' } },
        schema: {
          tags: ['organisation'],
          summary: 'Add a branch or sub-branch',
          body: createOrgNodeSchema,
          response: { 201: orgNodeSchema },
        },
      },
      (request, reply) =>
        idempotent(deps, request, reply, 201, async (tx) =>
          withCount(tx, await createOrgNode(tx, clock, callerOf(request), request.body)),
        ),
    );
    app.patch(
      '/api/v1/org-nodes/:id',
      {
        config: { access: { permission: 'org:write' } },
        schema: {
          tags: ['organisation'],
          summary: 'Rename a node or correct its region',
          params: idParams,
          body: updateOrgNodeSchema,
          response: { 200: orgNodeSchema },
        },
      },
      (request) =>
        db.transaction(async (tx) =>
          withCount(
            tx,
            await updateOrgNode(tx, clock, callerOf(request), request.params.id, request.body),
          ),
        ),
    );
    app.post(
      '/api/v1/org-nodes/:id/move',
      {
        config: { access: { permission: 'org:write' } },
        schema: {
          tags: ['organisation'],
          summary: 'Move a node and its subtree under another parent',
          params: idParams,
          body: moveOrgNodeSchema,
          response: { 200: orgNodeSchema },
        },
      },
      (request, reply) =>
        idempotent(deps, request, reply, 200, async (tx) =>
          withCount(
            tx,
            await moveOrgNode(
              tx,
              clock,
              callerOf(request),
              request.params.id,
              request.body.parentId,
            ),
          ),
        ),
    );
    app.get(
      '/api/v1/regions',
      {
        // Public: the merchant application form, before any login, picks its region here.
        config: { access: { permission: 'public' } },
        schema: {
          tags: ['organisation'],
          summary: 'GB/T 2260 divisions: provinces, or the divisions under a code',
          querystring: z.object({
            parent: z
              .string()
              .regex(/^\d{6}$/)
              .optional(),
          }),
          response: { 200: z.object({ data: z.array(regionSchema) }) },
        },
      },
      async (request) => ({
        data: childRegions(request.query.parent ?? null).map(
          ({ code, name, level, hasChildren }) => ({ code, name, level, hasChildren }),
        ),
      }),
    );
  };
}
