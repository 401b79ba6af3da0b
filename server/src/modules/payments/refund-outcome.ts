import { eq, sql } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { postJournal } from '../ledger/index.js';
import { payments, type RefundRow, refunds } from './tables.js';

async function lockPendingRefund(db: Db, refundId: string): Promise<RefundRow | null> {
  const [refund] = await db.select().from(refunds).where(eq(refunds.id, refundId)).for('update');
  return refund?.status === 'pending' ? refund : null;
}

/**
 * The channel paid the refund back to the payer: what the refund's acceptance put in clearing
 * leaves it against the channel's receivable, and the payment counts the amount as refunded.
 * False when the refund was no longer pending (a duplicate confirmation).
 */
export async function settleRefund(
  db: Db,
  clock: Clock,
  refundId: string,
  channelRefundId: string,
): Promise<boolean> {
  const refund = await lockPendingRefund(db, refundId);
  if (!refund) return false;
  const now = clock.now();
  await db
    .update(refunds)
    .set({ status: 'succeeded', channelRefundId, closedAt: now, updatedAt: now })
    .where(eq(refunds.id, refundId));
  await db
    .update(payments)
    .set({
      refundingFen: sql`${payments.refundingFen} - ${refund.amountFen}`,
      refundedFen: sql`${payments.refundedFen} + ${refund.amountFen}`,
      updatedAt: now,
    })
    .where(eq(payments.id, refund.paymentId));
  await postJournal(db, clock, {
    kind: 'refund_settled',
    sourceType: 'refund',
    sourceId: refund.id,
    merchantId: refund.merchantId,
    description: `退款完成 ${refund.id}`,
    lines: [
      {
        account: { kind: 'refund_clearing', ownerId: refund.channel },
        amountFen: refund.amountFen,
      },
      {
        account: { kind: 'channel_receivable', ownerId: refund.channel },
        amountFen: -refund.amountFen,
      },
    ],
  });
  return true;
}

/**
 * The channel refused the refund: the acceptance journal is reversed (the merchant is owed
 * again what it gave up, the fee and commission shares go back), and the payment's reserved
 * amount is freed for another refund.
 */
export async function failRefund(
  db: Db,
  clock: Clock,
  refundId: string,
  failure: { code: string; message: string },
): Promise<boolean> {
  const refund = await lockPendingRefund(db, refundId);
  if (!refund) return false;
  const now = clock.now();
  await db
    .update(refunds)
    .set({
      status: 'failed',
      failureCode: failure.code,
      failureMessage: failure.message,
      closedAt: now,
      updatedAt: now,
    })
    .where(eq(refunds.id, refundId));
  const [payment] = await db
    .update(payments)
    .set({
      refundingFen: sql`${payments.refundingFen} - ${refund.amountFen}`,
      feeReturnedFen: sql`${payments.feeReturnedFen} - ${refund.feeReturnedFen}`,
      updatedAt: now,
    })
    .where(eq(payments.id, refund.paymentId))
    .returning();
  await postJournal(db, clock, {
    kind: 'refund_reversed',
    sourceType: 'refund',
    sourceId: refund.id,
    merchantId: refund.merchantId,
    description: `退款失败冲回 ${refund.id}`,
    lines: refundAcceptanceLines(refund, payment?.marketOperatorMerchantId ?? null).map((line) => ({
      ...line,
      amountFen: -line.amountFen,
    })),
  });
  return true;
}

/**
 * The posting of an accepted refund (DESIGN.md §5, in proportion): the merchant gives back the
 * amount less its share of the fee and commission; fee revenue and the market give back theirs;
 * the whole is owed to the payer through the channel until the channel confirms.
 */
export function refundAcceptanceLines(
  refund: Pick<
    RefundRow,
    'amountFen' | 'feeReturnedFen' | 'commissionReturnedFen' | 'merchantId' | 'channel'
  >,
  marketOperatorMerchantId: string | null,
) {
  const merchantShare = refund.amountFen - refund.feeReturnedFen - refund.commissionReturnedFen;
  return [
    {
      account: {
        kind: 'merchant_payable' as const,
        ownerId: refund.merchantId,
        merchantId: refund.merchantId,
      },
      amountFen: merchantShare,
    },
    { account: { kind: 'fee_revenue' as const }, amountFen: refund.feeReturnedFen },
    ...(marketOperatorMerchantId && refund.commissionReturnedFen > 0
      ? [
          {
            account: {
              kind: 'market_payable' as const,
              ownerId: marketOperatorMerchantId,
              merchantId: marketOperatorMerchantId,
            },
            amountFen: refund.commissionReturnedFen,
          },
        ]
      : []),
    {
      account: { kind: 'refund_clearing' as const, ownerId: refund.channel },
      amountFen: -refund.amountFen,
    },
  ];
}
