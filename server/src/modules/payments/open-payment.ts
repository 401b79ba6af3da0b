import { sql } from 'drizzle-orm';
import type { Settled } from '../../platform/db/batcher.js';
import { type Db, jsonRows, queryRows } from '../../platform/db/database.js';
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

export type Opened = { payment: PaymentRow; context: PaymentContext };

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
  const [opened] = await openPayments(tx, deps, [input]);
  if (!opened?.ok) throw opened?.error;
  return opened.value.payment;
}

type StoreFacts = {
  n: number;
  status: string;
  store_name: string;
  merchant_status: string;
  risk_level: RiskLevel | null;
  short_name: string | null;
  fee_plan: string | null;
  market_id: string | null;
  operator_merchant_id: string | null;
  commission_bp: number | null;
};

/**
 * `openPayment` for a batch, with one statement per step for all of them (group commit,
 * docs/benchmarks.md): each input is answered with its payment and context, or with its own
 * refusal, and a refused one writes nothing.
 */
export async function openPayments(
  tx: Db,
  deps: Pick<PaymentDeps, 'clock' | 'config'>,
  inputs: readonly NewPayment[],
): Promise<Settled<Opened>[]> {
  // The stores, their merchants and the market each merchant joined first (the rule of
  // marketShareFor), in one round trip.
  const stores = await queryRows<StoreFacts>(
    tx,
    sql`select r.n, x.*
        from json_to_recordset(${jsonRows(
          inputs.map((input, n) => ({ n, store_id: input.storeId, merchant_id: input.merchantId })),
        )}) as r(n int, store_id text, merchant_id text)
        cross join lateral (
          select s.status, s.name as store_name, m.status as merchant_status, m.risk_level,
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
          where s.id = r.store_id and s.merchant_id = r.merchant_id
          -- The limit keeps this a per-row look-up by key (see claimKeys).
          limit 1
        ) x`,
  );
  const storeOf = new Map(stores.map((store) => [store.n, store]));
  const now = deps.clock.now();
  const answers: Settled<Opened>[] = [];
  const checked: { index: number; store: StoreFacts }[] = [];
  for (const index of inputs.keys()) {
    const store = storeOf.get(index);
    const refusal = !store
      ? new AppError('resource_not_found', { param: 'storeId' })
      : store.merchant_status !== 'active'
        ? new AppError('merchant_not_active')
        : store.status !== 'open'
          ? new AppError('store_not_open')
          : null;
    if (refusal || !store) answers[index] = { ok: false, error: refusal };
    else checked.push({ index, store });
  }
  const limits = await reserveLimits(
    tx,
    deps.config,
    checked.map(({ index, store }) => {
      const input = inputs[index] as NewPayment;
      return {
        merchantId: input.merchantId,
        riskLevel: store.risk_level,
        amountFen: input.amountFen,
        codeKind: input.codeKind,
        payerRef: input.payerRef ?? null,
        at: now,
      };
    }),
  );
  const accepted = checked.filter(({ index }, k) => {
    const refusal = limits[k];
    if (refusal) answers[index] = { ok: false, error: refusal };
    return !refusal;
  });
  if (accepted.length === 0) return answers;
  const ids = accepted.map(() => newId('payment', now.getTime()));
  const rows = await tx
    .insert(payments)
    .values(
      accepted.map(({ index }, k) => ({
        ...(inputs[index] as NewPayment),
        id: ids[k] as string,
        status: 'pending' as const,
        currency: 'CNY',
        createdAt: now,
        updatedAt: now,
      })),
    )
    .returning();
  const inserted = new Map(rows.map((row) => [row.id, row as PaymentRow]));
  for (const [k, { index, store }] of accepted.entries()) {
    const payment = inserted.get(ids[k] as string);
    if (!payment) throw new Error(`Payment ${ids[k]} was not inserted`);
    answers[index] = { ok: true, value: { payment, context: contextOf(store) } };
  }
  return answers;
}

function contextOf(store: StoreFacts): PaymentContext {
  return {
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
  };
}
