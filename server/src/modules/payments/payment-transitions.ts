import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.js';
import { type Db, jsonRows } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { type JournalInput, postJournals } from '../ledger/index.js';
import { merchants } from '../merchants/index.js';
import { feeOf, feeRateFor } from './fees.js';
import { releaseLimits } from './limits.js';
import { type MarketShare, marketShareFor, marketShareOf } from './market-commission.js';
import type { PaymentContext } from './open-payment.js';
import {
  type CardType,
  type Channel,
  type PaymentRow,
  type PaymentStatus,
  payments,
} from './tables.js';

/**
 * A payment's status only moves forward: from pending to one final state, never back and never
 * from one final state to another. Every change goes through these functions, which take the
 * payment's row lock first.
 */
export async function lockPayment(db: Db, paymentId: string): Promise<PaymentRow> {
  const [payment] = await db
    .select()
    .from(payments)
    .where(eq(payments.id, paymentId))
    .for('update');
  if (!payment) throw new AppError('resource_not_found');
  return payment;
}

export type SuccessFacts = {
  channelTransactionId: string;
  payerRef?: string | null;
  cardType?: CardType | null;
};

/**
 * Marks a pending payment succeeded and posts its journal (DESIGN.md §5): the channel owes the
 * amount; the merchant is owed the amount less the fee and any market commission. Returns false
 * when the payment was no longer pending (a duplicate or late confirmation), changing nothing.
 */
export async function succeedPayment(
  db: Db,
  clock: Clock,
  payment: PaymentRow,
  facts: SuccessFacts,
): Promise<boolean> {
  if (payment.status !== 'pending' || !payment.channel) return false;
  const [merchant] = await db
    .select({ feePlan: merchants.feePlan })
    .from(merchants)
    .where(eq(merchants.id, payment.merchantId));
  const cardType = facts.cardType ?? payment.cardType ?? null;
  const rate = await feeRateFor(db, merchant?.feePlan ?? null, payment.channel, cardType);
  const feeFen = feeOf(payment.amountFen, rate);
  const share = await marketShareFor(db, payment.merchantId, payment.amountFen, feeFen);
  const [settled] = await settleSucceeded(db, clock, [{ payment, facts, cardType, feeFen, share }]);
  return settled !== null && settled !== undefined;
}

/** A capture path's success, priced with the fee plan and market read with the intent. */
export type PendingSuccess = {
  payment: PaymentRow;
  facts: SuccessFacts;
  context: Pick<PaymentContext, 'feePlan' | 'market'>;
};

/**
 * The capture path's successes, right after the channels answered, for a batch of payments in
 * one update and one posting (docs/benchmarks.md): without a separate row lock, since the
 * update itself only moves a payment that is still pending (and locks it). Answers each with
 * the updated row, or null when it was no longer pending (the caller then reads what happened).
 */
export async function succeedPendingPayments(
  db: Db,
  clock: Clock,
  successes: readonly PendingSuccess[],
): Promise<(PaymentRow | null)[]> {
  const priced: Priced[] = [];
  for (const { payment, facts, context } of successes) {
    const cardType = facts.cardType ?? payment.cardType ?? null;
    const rate = await feeRateFor(db, context.feePlan, payment.channel as Channel, cardType);
    const feeFen = feeOf(payment.amountFen, rate);
    const share = marketShareOf(context.market, payment.merchantId, payment.amountFen, feeFen);
    priced.push({ payment, facts, cardType, feeFen, share });
  }
  return settleSucceeded(db, clock, priced);
}

/** A success with its price: the fee and any market share, and the card type it was priced on. */
type Priced = {
  payment: PaymentRow;
  facts: SuccessFacts;
  cardType: CardType | null;
  feeFen: number;
  share: MarketShare | null;
};

async function settleSucceeded(
  db: Db,
  clock: Clock,
  successes: readonly Priced[],
): Promise<(PaymentRow | null)[]> {
  const now = clock.now();
  const rows = successes.map(({ payment, facts, cardType, feeFen, share }) => ({
    id: payment.id,
    fee_fen: feeFen,
    commission_fen: share?.commissionFen ?? 0,
    market_id: share?.marketId ?? null,
    market_operator_merchant_id: share?.operatorMerchantId ?? null,
    channel_transaction_id: facts.channelTransactionId,
    payer_ref: facts.payerRef ?? null,
    card_type: cardType,
  }));
  const updated = await db
    .update(payments)
    .set({
      status: 'succeeded',
      feeFen: sql`r.fee_fen`,
      commissionFen: sql`r.commission_fen`,
      marketId: sql`r.market_id`,
      marketOperatorMerchantId: sql`r.market_operator_merchant_id`,
      channelTransactionId: sql`r.channel_transaction_id`,
      payerRef: sql`coalesce(${payments.payerRef}, r.payer_ref)`,
      cardType: sql`r.card_type`,
      succeededAt: now,
      closedAt: now,
      updatedAt: now,
    })
    .from(
      sql`json_to_recordset(${jsonRows(rows)}) as r(id text, fee_fen bigint, commission_fen bigint,
            market_id text, market_operator_merchant_id text, channel_transaction_id text,
            payer_ref text, card_type text)`,
    )
    // `= any(array(…))` lets the planner find each payment by its key, whatever it guesses
    // of the batch's size (a join on the recordset alone may scan the table).
    .where(
      and(
        sql`${payments.id} = r.id`,
        sql`${payments.id} = any(array(select id from json_to_recordset(${jsonRows(
          rows.map(({ id }) => ({ id })),
        )}) as i(id text)))`,
        eq(payments.status, 'pending'),
      ),
    )
    .returning(getTableColumns(payments));
  const byId = new Map(updated.map((row) => [row.id, row as PaymentRow]));
  const posted = successes.filter(({ payment }) => byId.has(payment.id));
  if (posted.length > 0) await postJournals(db, clock, posted.map(paymentJournal));
  return successes.map(({ payment }) => byId.get(payment.id) ?? null);
}

/**
 * A payment's journal (DESIGN.md §5): the channel owes the amount; the merchant is owed the
 * amount less the fee and any market commission, which the market operator is owed.
 */
function paymentJournal({ payment, feeFen, share }: Priced): JournalInput {
  const commissionFen = share?.commissionFen ?? 0;
  return {
    kind: 'payment',
    sourceType: 'payment',
    sourceId: payment.id,
    merchantId: payment.merchantId,
    description: `收款 ${payment.id}`,
    lines: [
      {
        account: { kind: 'channel_receivable', ownerId: payment.channel as Channel },
        amountFen: payment.amountFen,
      },
      {
        account: {
          kind: 'merchant_payable',
          ownerId: payment.merchantId,
          merchantId: payment.merchantId,
        },
        amountFen: -(payment.amountFen - feeFen - commissionFen),
      },
      { account: { kind: 'fee_revenue' }, amountFen: -feeFen },
      ...(share
        ? [
            {
              account: {
                kind: 'market_payable' as const,
                ownerId: share.operatorMerchantId,
                merchantId: share.operatorMerchantId,
              },
              amountFen: -commissionFen,
            },
          ]
        : []),
    ],
  };
}

/**
 * Ends a pending payment without money moving: failed (the channel refused), expired (an
 * order nobody paid in time) or cancelled (reversed after no answer). Its limit usage is
 * given back. Returns false when it was no longer pending.
 */
export async function endPayment(
  db: Db,
  clock: Clock,
  payment: PaymentRow,
  status: Exclude<PaymentStatus, 'pending' | 'succeeded'>,
  failure: { code: string; message: string } | null = null,
): Promise<boolean> {
  if (payment.status !== 'pending') return false;
  const now = clock.now();
  await db
    .update(payments)
    .set({
      status,
      failureCode: failure?.code ?? null,
      failureMessage: failure?.message ?? null,
      closedAt: now,
      updatedAt: now,
    })
    .where(eq(payments.id, payment.id));
  await releaseLimits(db, payment);
  return true;
}
