import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor, Principal } from '../../platform/auth/principal.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { newId } from '../../platform/ids.js';
import { recordAudit } from '../audit/index.js';
import { childKindOf, nodeInScope, type OrgNodeRow } from './org-scope.js';
import { findRegion } from './regions.js';
import type { createOrgNodeSchema } from './schemas.js';
import { orgNodes } from './tables.js';

type Caller = { principal: Principal; actor: Actor };

/** Adds a branch under the head office or a sub-branch under a branch of the caller's scope. */
export async function createOrgNode(
  tx: Db,
  clock: Clock,
  caller: Caller,
  input: z.infer<typeof createOrgNodeSchema>,
): Promise<OrgNodeRow> {
  const parent = await nodeInScope(tx, caller.principal, input.parentId, { forUpdate: true });
  const kind = childKindOf(parent.kind);
  if (!kind) throw new AppError('org_node_invalid_parent', { param: 'parentId' });
  if (!findRegion(input.regionCode)) throw new AppError('region_unknown', { param: 'regionCode' });
  const [taken] = await tx
    .select({ id: orgNodes.id })
    .from(orgNodes)
    .where(eq(orgNodes.code, input.code));
  if (taken) throw new AppError('org_node_code_taken', { param: 'code' });

  const now = clock.now();
  const id = newId('orgNode', now.getTime());
  const node: OrgNodeRow = {
    id,
    parentId: parent.id,
    code: input.code,
    name: input.name,
    kind,
    regionCode: input.regionCode,
    path: `${parent.path}${id}/`,
    depth: parent.depth + 1,
    createdAt: now,
    updatedAt: now,
  };
  await tx.insert(orgNodes).values(node);
  await recordAudit(tx, clock, caller.actor, {
    action: 'org.node.created',
    targetType: 'org_node',
    targetId: id,
    scopePath: node.path,
    after: {
      code: node.code,
      name: node.name,
      kind: node.kind,
      regionCode: node.regionCode,
      parentId: parent.id,
    },
  });
  return node;
}
