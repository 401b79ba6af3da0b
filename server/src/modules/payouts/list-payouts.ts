import { and, desc, eq, inArray, lt, type SQL } from 'drizzle-orm';
import type { Principal } from '../../platform/auth/principal.js';
import type { Encryptor } from '../../platform/crypto/encryption.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { maskField } from '../../platform/masking.js';
import { toPage } from '../../platform/pagination.js';
import { merchants, merchantVisibleTo } from '../merchants/index.js';
import type { PayoutListQuery, PayoutView } from './schemas.js';
import { type PayoutRow, payouts } from './tables.js';

/** Payouts of the merchants the caller may see (staff: their branch subtree), newest first. */
export async function listPayouts(
  db: Db,
  encryptor: Encryptor,
  principal: Principal,
  query: PayoutListQuery,
): Promise<{ data: PayoutView[]; hasMore: boolean }> {
  const filters: SQL[] = [
    inArray(
      payouts.merchantId,
      db.select({ id: merchants.id }).from(merchants).where(merchantVisibleTo(db, principal)),
    ),
  ];
  if (query.status) filters.push(eq(payouts.status, query.status));
  if (query.purpose) filters.push(eq(payouts.purpose, query.purpose));
  if (query.settlementDate) filters.push(eq(payouts.settlementDate, query.settlementDate));
  if (query.merchantId) filters.push(eq(payouts.merchantId, query.merchantId));
  if (query.startingAfter) filters.push(lt(payouts.id, query.startingAfter));
  const rows = await db
    .select()
    .from(payouts)
    .where(and(...filters))
    .orderBy(desc(payouts.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit);
  return { data: await toPayoutViews(db, encryptor, page.data), hasMore: page.hasMore };
}

/** One payout the caller may see, or a 404 that does not tell it exists elsewhere. */
export async function payoutForCaller(
  db: Db,
  encryptor: Encryptor,
  principal: Principal,
  id: string,
): Promise<PayoutView> {
  const [row] = await db
    .select()
    .from(payouts)
    .where(
      and(
        eq(payouts.id, id),
        inArray(
          payouts.merchantId,
          db.select({ id: merchants.id }).from(merchants).where(merchantVisibleTo(db, principal)),
        ),
      ),
    );
  if (!row) throw new AppError('resource_not_found');
  const [view] = await toPayoutViews(db, encryptor, [row]);
  return view as PayoutView;
}

/** Payouts as replies show them: payee name and account masked, the merchant named. */
export async function toPayoutViews(
  db: Db,
  encryptor: Encryptor,
  rows: readonly PayoutRow[],
): Promise<PayoutView[]> {
  const ids = [...new Set(rows.map((row) => row.merchantId))];
  const names = ids.length
    ? await db
        .select({ id: merchants.id, name: merchants.shortName })
        .from(merchants)
        .where(inArray(merchants.id, ids))
    : [];
  const nameOf = new Map(names.map((row) => [row.id, row.name]));
  return rows.map((row) => ({
    id: row.id,
    purpose: row.purpose,
    merchantId: row.merchantId,
    merchantName: nameOf.get(row.merchantId) ?? null,
    amountFen: row.amountFen,
    status: row.status,
    attempt: row.attempt,
    payeeName: maskField('accountName', encryptor.decrypt(row.payeeNameEnc)) as string,
    payeeAccount: row.payeeAccountMasked,
    payeeBankCode: row.payeeBankCode,
    settlementDate: row.settlementDate,
    gatewayReference: row.gatewayReference,
    failureCode: row.failureCode,
    failureMessage: row.failureMessage,
    createdAt: row.createdAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
  }));
}
