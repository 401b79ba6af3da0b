import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor, Principal } from '../../platform/auth/principal.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { recordAudit } from '../audit/index.js';
import { nodeInScope } from '../orgs/index.js';
import { assertMayGrant, assertMayManage } from './role-grants.js';
import type { updateStaffBodySchema } from './schemas.js';
import { type StaffView, staffInScope, toStaffView } from './staff-directory.js';
import { userRoles, users } from './tables.js';

/**
 * Changes a staff user's name, node or roles, for a user the caller may see and who holds no
 * permission the caller lacks; new roles must lie within the caller's powers too.
 */
export async function updateStaff(
  tx: Db,
  clock: Clock,
  caller: { principal: Principal; actor: Actor },
  id: string,
  input: z.infer<typeof updateStaffBodySchema>,
): Promise<StaffView> {
  const current = await staffInScope(tx, caller.principal, id, { forUpdate: true });
  assertMayManage(caller.principal, current.roles);
  const node = input.orgNodeId
    ? await nodeInScope(tx, caller.principal, input.orgNodeId)
    : current.node;
  const roles = input.roles ? [...new Set(input.roles)].sort() : current.roles;
  if (input.roles) {
    if (id === caller.principal.userId)
      throw new AppError('cannot_change_self', { param: 'roles' });
    // Both what is taken away and what is given must lie within the caller's own powers.
    assertMayGrant(caller.principal, [...current.roles, ...roles]);
  }
  const displayName = input.displayName ?? current.user.displayName;
  const [user] = await tx
    .update(users)
    .set({ displayName, orgNodeId: node.id, updatedAt: clock.now() })
    .where(eq(users.id, id))
    .returning();
  if (input.roles) {
    await tx.delete(userRoles).where(eq(userRoles.userId, id));
    await tx.insert(userRoles).values(roles.map((role) => ({ userId: id, role })));
  }
  await recordAudit(tx, clock, caller.actor, {
    action: 'staff.updated',
    targetType: 'user',
    targetId: id,
    scopePath: node.path,
    before: {
      displayName: current.user.displayName,
      orgNodeId: current.node.id,
      roles: current.roles,
    },
    after: { displayName, orgNodeId: node.id, roles },
  });
  return toStaffView(user ?? current.user, node, roles);
}
