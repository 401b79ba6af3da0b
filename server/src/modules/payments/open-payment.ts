import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { newId } from '../../platform/ids.js';
import type { RiskLevel } from '../merchants/tables.js';
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
      | 'nextCheckAt'
    >
  >;

/**
 * What the capture path reads with the store and keeps for the rest of the request: the
 * names its reply shows, and the merchant's fee plan and market as of the intent, with which
 * an immediate success is priced (a success confirmed later reads them again).
 */
export type PaymentContext = {
  merchantName: string | null;
  storeName: string;
  feePlan: string | null;
  market: { id: string; operatorMerchantId: string; commissionBp: number } | null;
};

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
  return (await openPaymentInContext(tx, deps, input)).payment;
}

export async function openPaymentInContext(
  tx: Db,
  deps: Pick<PaymentDeps, 'clock' | 'config'>,
  input: NewPayment,
): Promise<{ payment: PaymentRow; context: PaymentContext }> {
  // One round trip: the store, its merchant and the market the merchant joined first (the
  // rule of marketShareFor).
  const [store] = await queryRows<{
    status: string;
    store_name: string;
    merchant_status: string;
    risk_level: RiskLevel | null;
    short_name: string | null;
    fee_plan: string | null;
    market_id: string | null;
    operator_merchant_id: string | null;
    commission_bp: number | null;
  }>(
    tx,
    sql`select s.status, s.name as store_name, m.status as merchant_status, m.risk_level,
               m.short_name, m.fee_plan, mk.id as market_id, mk.operator_merchant_id,
               mk.commission_bp
        from stores s
        join merchants m on m.id = s.merchant_id
        left join lateral (
          select k.id, k.operator_merchant_id, k.commission_bp
          from market_memberships mm join markets k on k.id = mm.market_id
          where mm.merchant_id = m.id and mm.status = 'accepted' and k.status = 'open'
          order by mm.decided_at asc, mm.id asc
          limit 1
        ) mk on true
        where s.id = ${input.storeId} and s.merchant_id = ${input.merchantId}`,
  );
  if (!store) throw new AppError('resource_not_found', { param: 'storeId' });
  if (store.merchant_status !== 'active') throw new AppError('merchant_not_active');
  if (store.status !== 'open') throw new AppError('store_not_open');
  const now = deps.clock.now();
  await reserveLimits(tx, deps.config, {
    merchantId: input.merchantId,
    riskLevel: store.risk_level,
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
  return {
    payment: row as PaymentRow,
    context: {
      merchantName: store.short_name,
      storeName: store.store_name,
      feePlan: store.fee_plan,
      market:
        store.market_id && store.operator_merchant_id && store.commission_bp !== null
          ? {
              id: store.market_id,
              operatorMerchantId: store.operator_merchant_id,
              commissionBp: store.commission_bp,
            }
          : null,
    },
  };
}
