import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { Principal } from '../../platform/auth/principal.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { merchants, merchantVisibleTo } from '../merchants/index.js';
import { type PaymentRow, payments } from './tables.js';

/**
 * The payments a caller may see: bank staff those of the merchants of their branch subtree, a
 * merchant user (or API key) their merchant's, a cashier tied to a store only that store's.
 * Every payment query goes through this.
 */
export function paymentVisibleTo(db: Db, principal: Principal): SQL {
  if (principal.realm === 'merchant') {
    const own = eq(payments.merchantId, principal.merchantId ?? 'mch_none');
    return principal.storeId ? (and(own, eq(payments.storeId, principal.storeId)) as SQL) : own;
  }
  return inArray(
    payments.merchantId,
    db.select({ id: merchants.id }).from(merchants).where(merchantVisibleTo(db, principal)),
  );
}

/** A payment the caller may see, or the 404 that does not tell it from a missing one. */
export async function paymentForCaller(
  db: Db,
  principal: Principal,
  paymentId: string,
  options: { forUpdate?: boolean } = {},
): Promise<PaymentRow> {
  const query = db
    .select()
    .from(payments)
    .where(and(eq(payments.id, paymentId), paymentVisibleTo(db, principal)));
  const [payment] = options.forUpdate ? await query.for('update') : await query;
  if (!payment) throw new AppError('resource_not_found');
  return payment;
}
