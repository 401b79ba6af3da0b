import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor, Principal } from '../../platform/auth/principal.js';
import type { Clock } from '../../platform/clock.js';
import { hashPassword, temporaryPassword } from '../../platform/crypto/passwords.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { newId } from '../../platform/ids.js';
import { recordAudit } from '../audit/index.js';
import { nodeInScope } from '../orgs/index.js';
import { assertMayGrant } from './role-grants.js';
import type { createStaffBodySchema } from './schemas.js';
import { type StaffView, toStaffView } from './staff-directory.js';
import { userRoles, users } from './tables.js';

/**
 * Creates a staff user in a node of the caller's scope with a temporary password, returned once
 * and never stored in clear; the user must change it at first login.
 */
export async function createStaff(
  tx: Db,
  clock: Clock,
  caller: { principal: Principal; actor: Actor },
  input: z.infer<typeof createStaffBodySchema>,
): Promise<{ staff: StaffView; temporaryPassword: string }> {
  const node = await nodeInScope(tx, caller.principal, input.orgNodeId);
  const roles = [...new Set(input.roles)].sort();
  assertMayGrant(caller.principal, roles);
  const [taken] = await tx
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.realm, 'staff'),
        eq(sql`lower(${users.username})`, input.username.toLowerCase()),
      ),
    );
  if (taken) throw new AppError('username_taken', { param: 'username' });

  const password = temporaryPassword();
  const now = clock.now();
  const [user] = await tx
    .insert(users)
    .values({
      id: newId('user', now.getTime()),
      realm: 'staff',
      username: input.username,
      displayName: input.displayName,
      orgNodeId: node.id,
      passwordHash: await hashPassword(password),
      mustChangePassword: true,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!user) throw new AppError('internal_error');
  await tx.insert(userRoles).values(roles.map((role) => ({ userId: user.id, role })));
  await recordAudit(tx, clock, caller.actor, {
    action: 'staff.created',
    targetType: 'user',
    targetId: user.id,
    scopePath: node.path,
    after: { username: user.username, displayName: user.displayName, orgNodeId: node.id, roles },
  });
  return { staff: toStaffView(user, node, roles), temporaryPassword: password };
}
