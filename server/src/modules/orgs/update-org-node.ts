import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor, Principal } from '../../platform/auth/principal.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { recordAudit } from '../audit/index.js';
import { nodeInScope, type OrgNodeRow } from './org-scope.js';
import { findRegion } from './regions.js';
import type { updateOrgNodeSchema } from './schemas.js';
import { orgNodes } from './tables.js';

/** Renames a node or corrects its region; the code and the place in the tree stay. */
export async function updateOrgNode(
  tx: Db,
  clock: Clock,
  caller: { principal: Principal; actor: Actor },
  id: string,
  input: z.infer<typeof updateOrgNodeSchema>,
): Promise<OrgNodeRow> {
  const node = await nodeInScope(tx, caller.principal, id, { forUpdate: true });
  if (input.regionCode && !findRegion(input.regionCode))
    throw new AppError('region_unknown', { param: 'regionCode' });
  const changes = {
    name: input.name ?? node.name,
    regionCode: input.regionCode ?? node.regionCode,
  };
  if (changes.name === node.name && changes.regionCode === node.regionCode) return node;
  const [updated] = await tx
    .update(orgNodes)
    .set({ ...changes, updatedAt: clock.now() })
    .where(eq(orgNodes.id, id))
    .returning();
  await recordAudit(tx, clock, caller.actor, {
    action: changes.name !== node.name ? 'org.node.renamed' : 'org.node.updated',
    targetType: 'org_node',
    targetId: id,
    scopePath: node.path,
    before: { name: node.name, regionCode: node.regionCode },
    after: changes,
  });
  return updated ?? node;
}
