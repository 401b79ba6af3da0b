import { eq, like, sql } from 'drizzle-orm';
import type { Actor, Principal } from '../../platform/auth/principal.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { escapeLike, recordAudit } from '../audit/index.js';
import { childKindOf, nodeInScope, type OrgNodeRow } from './org-scope.js';
import { orgNodes } from './tables.js';

/**
 * Moves a node, with its whole subtree, under another parent of the right kind: a sub-branch
 * to another branch. Staff of the moved nodes then belong to the new parent's subtree.
 */
export async function moveOrgNode(
  tx: Db,
  clock: Clock,
  caller: { principal: Principal; actor: Actor },
  id: string,
  newParentId: string,
): Promise<OrgNodeRow> {
  const node = await nodeInScope(tx, caller.principal, id, { forUpdate: true });
  if (!node.parentId) throw new AppError('org_node_is_root');
  const parent = await nodeInScope(tx, caller.principal, newParentId, { forUpdate: true });
  if (parent.path.startsWith(node.path) || childKindOf(parent.kind) !== node.kind) {
    throw new AppError('org_node_invalid_parent', { param: 'parentId' });
  }
  if (parent.id === node.parentId) return node;

  const newPath = `${parent.path}${node.id}/`;
  const depthDelta = parent.depth + 1 - node.depth;
  await tx
    .update(orgNodes)
    .set({
      path: sql`${newPath} || substr(${orgNodes.path}, ${node.path.length + 1})`,
      depth: sql`${orgNodes.depth} + ${depthDelta}`,
      updatedAt: clock.now(),
    })
    .where(like(orgNodes.path, `${escapeLike(node.path)}%`));
  const [moved] = await tx
    .update(orgNodes)
    .set({ parentId: parent.id })
    .where(eq(orgNodes.id, id))
    .returning();
  await recordAudit(tx, clock, caller.actor, {
    action: 'org.node.moved',
    targetType: 'org_node',
    targetId: id,
    scopePath: newPath,
    before: { parentId: node.parentId },
    after: { parentId: parent.id },
  });
  return moved ?? node;
}
