import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

export const payoutPurposes = ['settlement', 'farmer_purchase'] as const;
export type PayoutPurposeValue = (typeof payoutPurposes)[number];

/** The accounts a payout draws on: a merchant's settled takings, or a purchaser's funds. */
export const payoutSources = ['merchant_payable', 'purchaser_funds'] as const;
export type PayoutSource = (typeof payoutSources)[number];

/**
 * Only forward within an attempt: created → submitted → succeeded | failed. A failed payout's
 * money is back in its source account and held there until an operator retries it, which
 * starts the next attempt (created again, `attempt` + 1, a new instruction id at the bank).
 */
export const payoutStatuses = ['created', 'submitted', 'succeeded', 'failed'] as const;
export type PayoutStatus = (typeof payoutStatuses)[number];

/**
 * One payment out of the bank to a payee: a merchant's settlement, a farmer's purchase price.
 * It exists exactly once per business event (`purpose`, `sourceId`), however often the event
 * is processed. The payee's account number and name are kept encrypted (they are C2 data for
 * a farmer) with the masked number beside them for lists.
 */
export const payouts = pgTable(
  'payouts',
  {
    id: text('id').primaryKey(),
    purpose: text('purpose', { enum: payoutPurposes }).notNull(),
    /** The settlement line or the field purchase this payout pays. */
    sourceId: text('source_id').notNull(),
    merchantId: text('merchant_id').notNull(),
    sourceAccount: text('source_account', { enum: payoutSources }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    payeeNameEnc: text('payee_name_enc').notNull(),
    payeeAccountNumberEnc: text('payee_account_number_enc').notNull(),
    payeeAccountMasked: text('payee_account_masked').notNull(),
    payeeBankCode: text('payee_bank_code').notNull(),
    memo: text('memo').notNull(),
    mode: text('mode', { enum: ['sync', 'async'] }).notNull(),
    status: text('status', { enum: payoutStatuses }).notNull(),
    /** 1 for the first submission; each operator retry after a failure adds one. */
    attempt: integer('attempt').notNull().default(1),
    /** The settlement date a settlement payout belongs to (its run's file lists it). */
    settlementDate: text('settlement_date'),
    gatewayReference: text('gateway_reference'),
    failureCode: text('failure_code'),
    failureMessage: text('failure_message'),
    /** When the sweeper next submits (created) or queries (submitted) it; null when final. */
    nextCheckAt: timestamp('next_check_at', { withTimezone: true }),
    checkAttempts: integer('check_attempts').notNull().default(0),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    retriedByUserId: text('retried_by_user_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('payouts_source_uq').on(t.purpose, t.sourceId),
    index('payouts_merchant_idx').on(t.merchantId, t.id),
    index('payouts_settlement_date_idx').on(t.settlementDate),
    index('payouts_next_check_idx')
      .on(t.nextCheckAt)
      .where(sql`status in ('created', 'submitted')`),
    index('payouts_status_idx').on(t.status, t.id),
    check('payouts_amount_positive', sql`amount_fen > 0`),
  ],
);

export type PayoutRow = typeof payouts.$inferSelect;
