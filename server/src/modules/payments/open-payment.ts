import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { newId } from '../../platform/ids.js';
import { merchants, stores } from '../merchants/index.js';
import type { PaymentDeps } from './deps.js';
import { reserveLimits } from './limits.js';
import { type PaymentRow, payments } from './tables.js';

export type NewPayment = Pick<
  PaymentRow,
  'merchantId' | 'storeId' | 'method' | 'amountFen' | 'codeKind'
> &
  Partial<
    Pick<
      PaymentRow,
      | 'channel'
      | 'description'
      | 'orderReference'
      | 'payerRef'
      | 'cardBin'
      | 'cardLast4'
      | 'cardType'
      | 'cardToken'
      | 'terminalId'
      | 'authCodePrefix'
      | 'createdByUserId'
      | 'apiKeyId'
      | 'expiresAt'
      | 'reverseAt'
    >
  >;

/**
 * Records a new pending payment after the checks every method shares: the merchant is active,
 * the store is its own and open, and the payment is within its limits. Runs in the caller's
 * transaction, which commits before any channel is called.
 */
export async function openPayment(
  tx: Db,
  deps: Pick<PaymentDeps, 'clock' | 'config'>,
  input: NewPayment,
): Promise<PaymentRow> {
  const [store] = await tx
    .select({
      status: stores.status,
      merchantStatus: merchants.status,
      riskLevel: merchants.riskLevel,
    })
    .from(stores)
    .innerJoin(merchants, eq(merchants.id, stores.merchantId))
    .where(and(eq(stores.id, input.storeId), eq(stores.merchantId, input.merchantId)));
  if (!store) throw new AppError('resource_not_found', { param: 'storeId' });
  if (store.merchantStatus !== 'active') throw new AppError('merchant_not_active');
  if (store.status !== 'open') throw new AppError('store_not_open');
  const now = deps.clock.now();
  await reserveLimits(tx, deps.config, {
    merchantId: input.merchantId,
    riskLevel: store.riskLevel,
    amountFen: input.amountFen,
    codeKind: input.codeKind,
    payerRef: input.payerRef ?? null,
    at: now,
  });
  const [row] = await tx
    .insert(payments)
    .values({
      ...input,
      id: newId('payment', now.getTime()),
      status: 'pending',
      currency: 'CNY',
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return row as PaymentRow;
}
