import { and, asc, eq, like } from 'drizzle-orm';
import type { Principal } from '../../platform/auth/principal.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { escapeLike } from '../audit/index.js';
import { orgNodes } from './tables.js';

export type OrgNodeRow = typeof orgNodes.$inferSelect;

/** The caller's visible subtree, ordered so that every parent comes before its children. */
export async function nodesInScope(db: Db, scopePath: string): Promise<OrgNodeRow[]> {
  return db
    .select()
    .from(orgNodes)
    .where(like(orgNodes.path, `${escapeLike(scopePath)}%`))
    .orderBy(asc(orgNodes.path));
}

/**
 * A node the caller may see, or a 404 that does not tell a node outside the scope from one
 * that does not exist. `forUpdate` row-locks it for a change.
 */
export async function nodeInScope(
  db: Db,
  principal: Principal,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<OrgNodeRow> {
  const query = db
    .select()
    .from(orgNodes)
    .where(
      and(
        eq(orgNodes.id, id),
        like(orgNodes.path, `${escapeLike(principal.scopePath ?? '/nowhere/')}%`),
      ),
    );
  const [node] = options.forUpdate ? await query.for('update') : await query;
  if (!node) throw new AppError('resource_not_found');
  return node;
}

export async function findNode(db: Db, id: string): Promise<OrgNodeRow | undefined> {
  const [node] = await db.select().from(orgNodes).where(eq(orgNodes.id, id));
  return node;
}

/** Whether `path` lies in the subtree whose root has `scopePath`. */
export function isWithin(path: string, scopePath: string | null): boolean {
  return scopePath !== null && path.startsWith(scopePath);
}

/** The kind a child of this node has; sub-branches have no children. */
export function childKindOf(kind: OrgNodeRow['kind']): OrgNodeRow['kind'] | null {
  if (kind === 'head_office') return 'branch';
  if (kind === 'branch') return 'sub_branch';
  return null;
}
