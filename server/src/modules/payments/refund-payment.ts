import { eq, sql } from 'drizzle-orm';
import type { ChannelRefundResult } from '../../adapters/channels/channel-client.js';
import type { Principal } from '../../platform/auth/principal.js';
import type { Clock } from '../../platform/clock.js';
import { type Db, queryRows } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { newId } from '../../platform/ids.js';
import { postJournal } from '../ledger/index.js';
import { merchants } from '../merchants/index.js';
import { notifyUrl, type PaymentDeps } from './deps.js';
import { feeRateFor, proRataReturn } from './fees.js';
import { paymentForCaller } from './payment-scope.js';
import { failRefund, refundAcceptanceLines, settleRefund } from './refund-outcome.js';
import { type PaymentRow, payments, type RefundRow, refunds } from './tables.js';

export const checkRefundJob = 'refunds.check';

/** WeChat's limits, the stricter of the channels' (DOMAIN.md §5). */
const maxRefundsPerPayment = 50;
const refundWindowMs = 365 * 24 * 3_600_000;

/**
 * Accepts a refund of part or all of a succeeded payment, in the Idempotency-Key transaction.
 * The payment's row lock serialises concurrent refunds, and what they reserve together never
 * passes the captured amount (also a CHECK on the row). The acceptance is posted at once, so the
 * merchant cannot spend money it has promised back; the channel is called after the commit.
 */
export async function openRefund(
  tx: Db,
  deps: PaymentDeps,
  principal: Principal,
  paymentId: string,
  body: { amountFen: number; reason?: string },
): Promise<RefundRow> {
  const payment = await paymentForCaller(tx, principal, paymentId, { forUpdate: true });
  const created = await acceptRefund(tx, deps.clock, payment, body, {
    userId: principal.apiKeyId ? null : principal.userId,
    apiKeyId: principal.apiKeyId ?? null,
  });
  await deps.jobs.enqueue(
    tx,
    checkRefundJob,
    { refundId: created.id },
    { runAt: new Date(created.createdAt.getTime() + 60_000) },
  );
  return created;
}

/** Who asked for a refund: a merchant user or an API key (neither, for the demo seed). */
export type RefundRequester = { userId: string | null; apiKeyId: string | null };

/**
 * The refund itself, for a payment row the caller has found and row-locked (`openRefund` for a
 * request, the demo seed for its history): the checks, the fee and commission shares it gives
 * back, the pending refund, the payment's reservation and the acceptance journal. Asking the
 * channel and following up are the caller's part.
 */
export async function acceptRefund(
  tx: Db,
  clock: Clock,
  payment: PaymentRow,
  body: { amountFen: number; reason?: string },
  requester: RefundRequester,
): Promise<RefundRow> {
  const now = clock.now();
  if (payment.status !== 'succeeded' || !payment.channel)
    throw new AppError('payment_not_refundable');
  if (payment.succeededAt && now.getTime() - payment.succeededAt.getTime() > refundWindowMs) {
    throw new AppError('refund_window_closed');
  }
  if (payment.refundCount >= maxRefundsPerPayment) throw new AppError('refund_limit_reached');
  const refundedBefore = payment.refundedFen + payment.refundingFen;
  if (refundedBefore + body.amountFen > payment.amountFen) {
    throw new AppError('refund_exceeds_payment', { param: 'amountFen' });
  }
  const [merchant] = await tx
    .select({ feePlan: merchants.feePlan })
    .from(merchants)
    .where(eq(merchants.id, payment.merchantId));
  const rate = await feeRateFor(tx, merchant?.feePlan ?? null, payment.channel, payment.cardType);
  const feeReturnedFen =
    rate.refundFee === 'kept'
      ? 0
      : proRataReturn({
          wholeFen: payment.feeFen,
          amountFen: payment.amountFen,
          refundedBeforeFen: refundedBefore,
          refundFen: body.amountFen,
          returnedBeforeFen: payment.feeReturnedFen,
        });
  const [commissionBefore] = await queryRows<{ total: string | null }>(
    tx,
    sql`select sum(commission_returned_fen) as total from refunds where payment_id = ${payment.id} and status <> 'failed'`,
  );
  const commissionReturnedFen = proRataReturn({
    wholeFen: payment.commissionFen,
    amountFen: payment.amountFen,
    refundedBeforeFen: refundedBefore,
    refundFen: body.amountFen,
    returnedBeforeFen: Number(commissionBefore?.total ?? 0),
  });
  const [refund] = await tx
    .insert(refunds)
    .values({
      id: newId('refund', now.getTime()),
      paymentId: payment.id,
      merchantId: payment.merchantId,
      channel: payment.channel,
      status: 'pending',
      amountFen: body.amountFen,
      feeReturnedFen,
      commissionReturnedFen,
      reason: body.reason ?? null,
      createdByUserId: requester.userId,
      apiKeyId: requester.apiKeyId,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  const created = refund as RefundRow;
  await tx
    .update(payments)
    .set({
      refundingFen: sql`${payments.refundingFen} + ${body.amountFen}`,
      refundCount: sql`${payments.refundCount} + 1`,
      feeReturnedFen: sql`${payments.feeReturnedFen} + ${feeReturnedFen}`,
      updatedAt: now,
    })
    .where(eq(payments.id, payment.id));
  await postJournal(tx, clock, {
    kind: 'refund',
    sourceType: 'refund',
    sourceId: created.id,
    merchantId: payment.merchantId,
    description: `退款 ${created.id}（原收款 ${payment.id}）`,
    lines: refundAcceptanceLines(created, payment.marketOperatorMerchantId),
  });
  return created;
}

async function applyRefundResult(deps: PaymentDeps, refundId: string, result: ChannelRefundResult) {
  await deps.db.transaction(async (tx) => {
    if (result.status === 'succeeded')
      await settleRefund(tx, deps.clock, refundId, result.channelRefundId);
    if (result.status === 'failed') {
      await failRefund(tx, deps.clock, refundId, {
        code: result.failureCode,
        message: result.failureMessage,
      });
    }
  });
}

async function lockedRefund(deps: PaymentDeps, refundId: string) {
  const [refund] = await deps.db
    .select({
      refund: refunds,
      transactionId: payments.channelTransactionId,
      totalFen: payments.amountFen,
    })
    .from(refunds)
    .innerJoin(payments, eq(payments.id, refunds.paymentId))
    .where(eq(refunds.id, refundId));
  if (!refund) throw new AppError('resource_not_found');
  return refund;
}

/** After the commit: the refund goes to the channel; acceptance is not success (DOMAIN.md §5). */
export async function submitRefund(deps: PaymentDeps, refundId: string): Promise<RefundRow> {
  const { refund, transactionId, totalFen } = await lockedRefund(deps, refundId);
  if (refund.status === 'pending') {
    const result = await deps.channels[refund.channel]
      .refund({
        outTradeNo: refund.paymentId,
        channelMerchantId: refund.merchantId,
        outRefundNo: refund.id,
        refundFen: refund.amountFen,
        totalFen,
        channelTransactionId: transactionId,
        reason: refund.reason,
        notifyUrl: notifyUrl(deps.config, refund.channel),
      })
      .catch(
        (error: unknown): ChannelRefundResult => ({ status: 'unknown', reason: String(error) }),
      );
    await applyRefundResult(deps, refundId, result);
  }
  return (await lockedRefund(deps, refundId)).refund;
}

/**
 * The follow-up of a pending refund: ask the channel; still pending, ask again in a minute. The
 * channel's retried refund reuses its refund number, so a resubmission after an unknown answer
 * cannot refund twice.
 */
export async function checkRefund(deps: PaymentDeps, refundId: string): Promise<void> {
  const { refund } = await lockedRefund(deps, refundId);
  if (refund.status !== 'pending') return;
  let result = await deps.channels[refund.channel].queryRefund(
    refund.id,
    refund.paymentId,
    refund.merchantId,
  );
  if (result.status === 'unknown') {
    const again = await submitRefund(deps, refundId);
    if (again.status !== 'pending') return;
    result = { status: 'pending' };
  }
  await applyRefundResult(deps, refundId, result);
  const { refund: after } = await lockedRefund(deps, refundId);
  if (after.status === 'pending') {
    await deps.jobs.enqueue(
      deps.db,
      checkRefundJob,
      { refundId },
      {
        runAt: new Date(deps.clock.now().getTime() + 60_000),
      },
    );
  }
}

export async function refundsOf(db: Db, paymentId: string): Promise<RefundRow[]> {
  return db.select().from(refunds).where(eq(refunds.paymentId, paymentId)).orderBy(refunds.id);
}
