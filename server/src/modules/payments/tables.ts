import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

export const channels = ['wechat', 'alipay', 'unionpay', 'bankapp', 'card'] as const;
export type Channel = (typeof channels)[number];

export const paymentMethods = ['store_code', 'order_code', 'payment_code', 'card'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];

/** Only forward: pending → succeeded | failed | expired | cancelled (payment-states.ts). */
export const paymentStatuses = ['pending', 'succeeded', 'failed', 'expired', 'cancelled'] as const;
export type PaymentStatus = (typeof paymentStatuses)[number];

export const refundStatuses = ['pending', 'succeeded', 'failed'] as const;
export type RefundStatus = (typeof refundStatuses)[number];

export const cardTypes = ['debit', 'credit'] as const;
export type CardType = (typeof cardTypes)[number];

/**
 * A fee plan: the merchant discount rates of one kind of merchant. `refundFee` says whether a
 * refund gives the fee back pro rata (`pro_rata`) or the platform keeps it (`kept`).
 */
export const feePlanRows = pgTable('fee_plans', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  refundFee: text('refund_fee', { enum: ['pro_rata', 'kept'] }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/**
 * One rate of a plan, in basis points, for a channel and (for cards) a card type; `any` covers
 * every card type. `capFen` limits the fee of one payment (debit cards: 13 CNY).
 */
export const feePlanRates = pgTable(
  'fee_plan_rates',
  {
    planCode: text('plan_code')
      .notNull()
      .references(() => feePlanRows.code),
    channel: text('channel', { enum: channels }).notNull(),
    cardType: text('card_type', { enum: ['any', ...cardTypes] }).notNull(),
    rateBp: integer('rate_bp').notNull(),
    capFen: bigint('cap_fen', { mode: 'number' }),
  },
  (t) => [
    primaryKey({ columns: [t.planCode, t.channel, t.cardType] }),
    check('fee_plan_rates_rate_bp', sql`rate_bp between 0 and 10000`),
  ],
);

/** A store's aggregated code: the `/q/<code>` URL every wallet can open. */
export const storeCodes = pgTable(
  'store_codes',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    storeId: text('store_id').notNull(),
    merchantId: text('merchant_id').notNull(),
    status: text('status', { enum: ['active', 'disabled'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('store_codes_code_uq').on(t.code),
    uniqueIndex('store_codes_store_uq').on(t.storeId),
  ],
);

/**
 * A payment, from its creation to its final state. Our id is the order number the channel
 * sees (out_trade_no). A card is kept only as BIN, last four and the acquiring host's token.
 */
export const payments = pgTable(
  'payments',
  {
    id: text('id').primaryKey(),
    merchantId: text('merchant_id').notNull(),
    storeId: text('store_id').notNull(),
    method: text('method', { enum: paymentMethods }).notNull(),
    /** Null while an order code waits for the payer to pick a wallet. */
    channel: text('channel', { enum: channels }),
    status: text('status', { enum: paymentStatuses }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    currency: text('currency').notNull().default('CNY'),
    feeFen: bigint('fee_fen', { mode: 'number' }).notNull().default(0),
    /** The market operator's commission on a member's trade, and the market it belongs to. */
    commissionFen: bigint('commission_fen', { mode: 'number' }).notNull().default(0),
    marketId: text('market_id'),
    marketOperatorMerchantId: text('market_operator_merchant_id'),
    /** Refunded (succeeded) and reserved by pending refunds: their sum never exceeds the amount. */
    refundedFen: bigint('refunded_fen', { mode: 'number' }).notNull().default(0),
    refundingFen: bigint('refunding_fen', { mode: 'number' }).notNull().default(0),
    refundCount: integer('refund_count').notNull().default(0),
    /** Fee already given back by refunds, so the last refund returns exactly the rest. */
    feeReturnedFen: bigint('fee_returned_fen', { mode: 'number' }).notNull().default(0),
    description: text('description'),
    /** The merchant's own order number (order codes, API callers). */
    orderReference: text('order_reference'),
    /** PBOC tag (银发〔2017〕296号): a static code is level D, limited per payer per day. */
    codeKind: text('code_kind', { enum: ['static', 'dynamic', 'none'] }).notNull(),
    /** The payer as the channel identifies them (openid, buyer id, card token): for limits. */
    payerRef: text('payer_ref'),
    channelTransactionId: text('channel_transaction_id'),
    cardBin: text('card_bin'),
    cardLast4: text('card_last4'),
    cardType: text('card_type', { enum: cardTypes }),
    cardToken: text('card_token'),
    terminalId: text('terminal_id'),
    /** The customer's payment code's first digits only: enough to show routing, not to reuse. */
    authCodePrefix: text('auth_code_prefix'),
    createdByUserId: text('created_by_user_id'),
    apiKeyId: text('api_key_id'),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    /** When the platform gives up on an unanswered payment code and reverses it. */
    reverseAt: timestamp('reverse_at', { withTimezone: true }),
    succeededAt: timestamp('succeeded_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    failureCode: text('failure_code'),
    failureMessage: text('failure_message'),
    /**
     * When the sweeper next follows up this payment while it is pending (query, reversal,
     * expiry): set with the insert, so the intent and its follow-up commit together. Null once
     * nothing is left to ask, or when the follow-up failed `maxCheckAttempts` times running
     * (left pending for an operator).
     */
    nextCheckAt: timestamp('next_check_at', { withTimezone: true }),
    /** Follow-ups that failed in a row (a reversal not confirmed); reset by one that works. */
    checkAttempts: integer('check_attempts').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('payments_merchant_idx').on(t.merchantId, t.id),
    index('payments_next_check_idx').on(t.nextCheckAt).where(sql`status = 'pending'`),
    index('payments_created_idx').on(t.createdAt),
    index('payments_pending_idx').on(t.status, t.createdAt).where(sql`status = 'pending'`),
    index('payments_payer_idx').on(t.payerRef, t.createdAt),
    uniqueIndex('payments_channel_txn_uq').on(t.channel, t.channelTransactionId),
    // A channel's day of payments, for its statement's reconciliation.
    index('payments_channel_succeeded_idx')
      .on(t.channel, t.succeededAt)
      .where(sql`succeeded_at is not null`),
    check('payments_amount_positive', sql`amount_fen > 0`),
    check(
      'payments_refunds_within_amount',
      sql`refunded_fen >= 0 and refunding_fen >= 0 and refunded_fen + refunding_fen <= amount_fen`,
    ),
  ],
);

export const refunds = pgTable(
  'refunds',
  {
    id: text('id').primaryKey(),
    paymentId: text('payment_id')
      .notNull()
      .references(() => payments.id),
    merchantId: text('merchant_id').notNull(),
    channel: text('channel', { enum: channels }).notNull(),
    status: text('status', { enum: refundStatuses }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    /** The part of the payment's fee this refund gives back to the merchant. */
    feeReturnedFen: bigint('fee_returned_fen', { mode: 'number' }).notNull(),
    /** The part of the market commission this refund takes back from the operator. */
    commissionReturnedFen: bigint('commission_returned_fen', { mode: 'number' })
      .notNull()
      .default(0),
    reason: text('reason'),
    channelRefundId: text('channel_refund_id'),
    failureCode: text('failure_code'),
    failureMessage: text('failure_message'),
    createdByUserId: text('created_by_user_id'),
    apiKeyId: text('api_key_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    index('refunds_payment_idx').on(t.paymentId),
    index('refunds_merchant_idx').on(t.merchantId, t.id),
    index('refunds_pending_idx').on(t.status, t.createdAt).where(sql`status = 'pending'`),
    // Statement lines find refunds by the channel's refund id, and a day's completed refunds.
    index('refunds_channel_refund_idx').on(t.channel, t.channelRefundId),
    index('refunds_channel_closed_idx').on(t.channel, t.closedAt).where(sql`status = 'succeeded'`),
    check('refunds_amount_positive', sql`amount_fen > 0`),
  ],
);

/**
 * Every notification a channel sent, verified or not: the record that makes replays harmless
 * (one row per channel and notification key) and the trail of forged ones.
 */
export const channelNotifications = pgTable(
  'channel_notifications',
  {
    id: text('id').primaryKey(),
    channel: text('channel', { enum: channels }).notNull(),
    /** The channel's own id of what it notifies about (transaction or refund id, and status). */
    dedupKey: text('dedup_key'),
    paymentId: text('payment_id'),
    refundId: text('refund_id'),
    outcome: text('outcome', { enum: ['applied', 'duplicate', 'stale', 'rejected'] }).notNull(),
    reason: text('reason'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('channel_notifications_dedup_uq')
      .on(t.channel, t.dedupKey)
      .where(sql`outcome = 'applied'`),
    index('channel_notifications_payment_idx').on(t.paymentId),
  ],
);

/**
 * What a merchant, or a payer, has used of a limit on one business day (Asia/Shanghai),
 * checked and added in one statement so concurrent payments cannot overshoot it. `subject` is
 * `merchant:<id>` or `payer:<ref>`.
 */
export const dailyUsage = pgTable(
  'payment_daily_usage',
  {
    subject: text('subject').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    /** `all` for every payment, `static` for static-code payments (PBOC level D). */
    scope: text('scope', { enum: ['all', 'static'] }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.subject, t.day, t.scope] })],
);

export type PaymentRow = typeof payments.$inferSelect;
export type RefundRow = typeof refunds.$inferSelect;
export type StoreCodeRow = typeof storeCodes.$inferSelect;
