import { and, eq, sql } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { postJournal } from '../ledger/index.js';
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
  return (await settleSucceeded(db, clock, payment, facts, cardType, feeFen, share)) !== null;
}

/**
 * The capture path's success, right after the channel answered: priced with the fee plan and
 * market read with the intent, and without a separate row lock, since the update itself only
 * moves a payment that is still pending (and locks it). Returns the updated row, or null when
 * the payment was no longer pending (the caller then reads what happened).
 */
export async function succeedPendingPayment(
  db: Db,
  clock: Clock,
  payment: PaymentRow,
  facts: SuccessFacts,
  context: Pick<PaymentContext, 'feePlan' | 'market'>,
): Promise<PaymentRow | null> {
  if (!payment.channel) return null;
  const cardType = facts.cardType ?? payment.cardType ?? null;
  const rate = await feeRateFor(db, context.feePlan, payment.channel, cardType);
  const feeFen = feeOf(payment.amountFen, rate);
  const share = marketShareOf(context.market, payment.merchantId, payment.amountFen, feeFen);
  return settleSucceeded(db, clock, payment, facts, cardType, feeFen, share);
}

async function settleSucceeded(
  db: Db,
  clock: Clock,
  payment: PaymentRow,
  facts: SuccessFacts,
  cardType: CardType | null,
  feeFen: number,
  share: MarketShare | null,
): Promise<PaymentRow | null> {
  const channel = payment.channel as Channel;
  const now = clock.now();
  const commissionFen = share?.commissionFen ?? 0;
  const [updated] = await db
    .update(payments)
    .set({
      status: 'succeeded',
      feeFen,
      commissionFen,
      marketId: share?.marketId ?? null,
      marketOperatorMerchantId: share?.operatorMerchantId ?? null,
      channelTransactionId: facts.channelTransactionId,
      payerRef: sql`coalesce(${payments.payerRef}, ${facts.payerRef ?? null})`,
      cardType,
      succeededAt: now,
      closedAt: now,
      updatedAt: now,
    })
    .where(and(eq(payments.id, payment.id), eq(payments.status, 'pending')))
    .returning();
  if (!updated) return null;
  await postJournal(db, clock, {
    kind: 'payment',
    sourceType: 'payment',
    sourceId: payment.id,
    merchantId: payment.merchantId,
    description: `收款 ${payment.id}`,
    lines: [
      {
        account: { kind: 'channel_receivable', ownerId: channel },
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
  });
  return updated;
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
