import {
  and,
  count,
  desc,
  eq,
  ilike,
  inArray,
  isNotNull,
  isNull,
  like,
  lt,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { z } from 'zod';
import type { Principal } from '../../platform/auth/principal.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { toPage } from '../../platform/pagination.js';
import { escapeLike } from '../audit/index.js';
import { nodeInScope, orgNodes } from '../orgs/index.js';
import type { UserRow } from './credentials.js';
import type { staffListQuerySchema, staffSchema } from './schemas.js';
import { rolesOf } from './sessions.js';
import { userRoles, users } from './tables.js';

export type StaffView = z.infer<typeof staffSchema>;

function inScope(principal: Principal): SQL {
  return like(orgNodes.path, `${escapeLike(principal.scopePath ?? '/nowhere/')}%`);
}

/** Staff of the caller's subtree, newest first, with search and filters. */
export async function listStaff(
  db: Db,
  principal: Principal,
  query: z.infer<typeof staffListQuerySchema>,
) {
  const filters: SQL[] = [eq(users.realm, 'staff'), inScope(principal)];
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    filters.push(or(ilike(users.username, pattern), ilike(users.displayName, pattern)) as SQL);
  }
  if (query.orgNodeId) {
    const node = await nodeInScope(db, principal, query.orgNodeId);
    filters.push(like(orgNodes.path, `${escapeLike(node.path)}%`));
  }
  if (query.role) {
    filters.push(
      inArray(
        users.id,
        db.select({ id: userRoles.userId }).from(userRoles).where(eq(userRoles.role, query.role)),
      ),
    );
  }
  if (query.status)
    filters.push(query.status === 'locked' ? isNotNull(users.lockedAt) : isNull(users.lockedAt));
  if (query.startingAfter) filters.push(lt(users.id, query.startingAfter));
  const rows = await db
    .select({ user: users, node: orgNodes })
    .from(users)
    .innerJoin(orgNodes, eq(orgNodes.id, users.orgNodeId))
    .where(and(...filters))
    .orderBy(desc(users.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit);
  const roles = await rolesOf(
    db,
    page.data.map((row) => row.user.id),
  );
  return {
    data: page.data.map((row) => toStaffView(row.user, row.node, roles.get(row.user.id) ?? [])),
    hasMore: page.hasMore,
  };
}

/** One staff user of the caller's subtree; anyone else is a 404. `forUpdate` row-locks it. */
export async function staffInScope(
  db: Db,
  principal: Principal,
  id: string,
  options: { forUpdate?: boolean } = {},
) {
  const query = db
    .select({ user: users, node: orgNodes })
    .from(users)
    .innerJoin(orgNodes, eq(orgNodes.id, users.orgNodeId))
    .where(and(eq(users.id, id), eq(users.realm, 'staff'), inScope(principal)));
  const [row] = options.forUpdate ? await query.for('update', { of: users }) : await query;
  if (!row) throw new AppError('resource_not_found');
  const roles = (await rolesOf(db, [id])).get(id) ?? [];
  return { ...row, roles };
}

export function toStaffView(
  user: UserRow,
  node: typeof orgNodes.$inferSelect | null,
  roles: string[],
): StaffView {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    orgNode: node ? { id: node.id, code: node.code, name: node.name, kind: node.kind } : null,
    roles,
    status: user.lockedAt ? 'locked' : 'active',
    mfaEnabled: user.mfaEnabledAt !== null,
    mustChangePassword: user.mustChangePassword,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
  };
}

/** Staff directly attached to each of the given nodes. */
export async function staffCountsByNode(db: Db, nodeIds: string[]): Promise<Map<string, number>> {
  if (nodeIds.length === 0) return new Map();
  const rows = await db
    .select({ nodeId: users.orgNodeId, n: count() })
    .from(users)
    .where(and(eq(users.realm, 'staff'), inArray(users.orgNodeId, nodeIds)))
    .groupBy(users.orgNodeId);
  return new Map(rows.map((row) => [row.nodeId ?? '', Number(row.n)]));
}

/** Staff of a subtree by role, for the console home. */
export async function staffByRole(
  db: Db,
  scopePath: string,
): Promise<{ total: number; byRole: Record<string, number> }> {
  const members = db
    .select({ id: users.id })
    .from(users)
    .innerJoin(orgNodes, eq(orgNodes.id, users.orgNodeId))
    .where(and(eq(users.realm, 'staff'), like(orgNodes.path, `${escapeLike(scopePath)}%`)));
  const [total] = await db.select({ n: count() }).from(members.as('members'));
  const rows = await db
    .select({ role: userRoles.role, n: sql<string>`count(*)` })
    .from(userRoles)
    .where(inArray(userRoles.userId, members))
    .groupBy(userRoles.role);
  return {
    total: Number(total?.n ?? 0),
    byRole: Object.fromEntries(rows.map((row) => [row.role, Number(row.n)])),
  };
}
