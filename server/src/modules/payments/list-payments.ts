import { and, desc, eq, gt, gte, lt, lte, or, type SQL } from 'drizzle-orm';
import type { Principal } from '../../platform/auth/principal.js';
import type { Db } from '../../platform/db/database.js';
import { toPage } from '../../platform/pagination.js';
import { paymentVisibleTo } from './payment-scope.js';
import type { PaymentListQuery } from './schemas.js';
import { type PaymentRow, payments } from './tables.js';

/**
 * Payments the caller may see, newest first, filtered. `updatedAfter` is the portal's live
 * list: only what changed since its last look, oldest change first so none is skipped.
 */
export async function listPayments(
  db: Db,
  principal: Principal,
  query: PaymentListQuery,
): Promise<{ data: PaymentRow[]; hasMore: boolean }> {
  const filters: (SQL | undefined)[] = [
    paymentVisibleTo(db, principal),
    query.status ? eq(payments.status, query.status) : undefined,
    query.channel ? eq(payments.channel, query.channel) : undefined,
    query.method ? eq(payments.method, query.method) : undefined,
    query.merchantId ? eq(payments.merchantId, query.merchantId) : undefined,
    query.storeId ? eq(payments.storeId, query.storeId) : undefined,
    query.q
      ? or(
          eq(payments.id, query.q),
          eq(payments.channelTransactionId, query.q),
          eq(payments.orderReference, query.q),
        )
      : undefined,
    query.createdFrom ? gte(payments.createdAt, new Date(query.createdFrom)) : undefined,
    query.createdTo ? lte(payments.createdAt, new Date(query.createdTo)) : undefined,
  ];
  if (query.updatedAfter) {
    const rows = await db
      .select()
      .from(payments)
      .where(and(...filters, gt(payments.updatedAt, new Date(query.updatedAfter))))
      .orderBy(payments.updatedAt)
      .limit(query.limit + 1);
    return toPage(rows, query.limit);
  }
  const rows = await db
    .select()
    .from(payments)
    .where(and(...filters, query.startingAfter ? lt(payments.id, query.startingAfter) : undefined))
    .orderBy(desc(payments.id))
    .limit(query.limit + 1);
  return toPage(rows, query.limit);
}
