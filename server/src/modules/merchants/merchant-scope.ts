import { and, eq, inArray, like, type SQL } from 'drizzle-orm';
import type { Principal } from '../../platform/auth/principal.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { escapeLike } from '../audit/index.js';
import { orgNodes } from '../orgs/index.js';
import { type MerchantRow, merchants } from './tables.js';

/**
 * The merchants a caller may see: bank staff those of their branch subtree, a merchant user
 * only their own. Every merchant query goes through this, so a forgotten filter cannot leak.
 */
export function merchantVisibleTo(db: Db, principal: Principal): SQL {
  if (principal.realm === 'merchant') {
    return eq(merchants.id, principal.merchantId ?? 'mch_none');
  }
  if (principal.realm !== 'staff' || !principal.scopePath) return eq(merchants.id, 'mch_none');
  return inArray(
    merchants.orgNodeId,
    db
      .select({ id: orgNodes.id })
      .from(orgNodes)
      .where(like(orgNodes.path, `${escapeLike(principal.scopePath)}%`)),
  );
}

/**
 * A merchant the caller may see, or a 404 that does not tell one outside the scope from one
 * that does not exist. `forUpdate` row-locks it for a change.
 */
export async function merchantForCaller(
  db: Db,
  principal: Principal,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<MerchantRow> {
  const query = db
    .select()
    .from(merchants)
    .where(and(eq(merchants.id, id), merchantVisibleTo(db, principal)));
  const [merchant] = options.forUpdate ? await query.for('update') : await query;
  if (!merchant) throw new AppError('resource_not_found');
  return merchant;
}

/** Whether the caller may see a merchant, for records of other modules that name one. */
export async function merchantIsVisible(
  db: Db,
  principal: Principal,
  id: string,
): Promise<boolean> {
  const [row] = await db
    .select({ id: merchants.id })
    .from(merchants)
    .where(and(eq(merchants.id, id), merchantVisibleTo(db, principal)));
  return Boolean(row);
}

/** The org path of a merchant's branch, which its audit records carry for branch search. */
export async function merchantScopePath(db: Db, merchant: MerchantRow): Promise<string | null> {
  const [node] = await db
    .select({ path: orgNodes.path })
    .from(orgNodes)
    .where(eq(orgNodes.id, merchant.orgNodeId));
  return node?.path ?? null;
}
