import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { settlementCycles } from './settlement-date.js';

/**
 * A merchant's settlement terms. A merchant without a row settles T+1; D0 costs a premium in
 * basis points of the net, taken in the settlement journal (the bank advances the money).
 */
export const settlementTerms = pgTable(
  'settlement_terms',
  {
    merchantId: text('merchant_id').primaryKey(),
    cycle: text('cycle', { enum: settlementCycles }).notNull(),
    d0PremiumBp: integer('d0_premium_bp').notNull().default(0),
    updatedByUserId: text('updated_by_user_id'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  () => [check('settlement_terms_premium_bp', sql`d0_premium_bp between 0 and 1000`)],
);

export const settlementRunStatuses = ['running', 'completed', 'failed'] as const;

/**
 * One settlement of one date for every merchant due then. Unique per date: starting it again
 * (the schedule and an operator at once, or after a crash) resumes the same run, whose steps
 * each skip what is done already.
 */
export const settlementRuns = pgTable(
  'settlement_runs',
  {
    id: text('id').primaryKey(),
    settlementDate: date('settlement_date', { mode: 'string' }).notNull(),
    status: text('status', { enum: settlementRunStatuses }).notNull(),
    startedByUserId: text('started_by_user_id'),
    merchantCount: integer('merchant_count').notNull().default(0),
    paymentsFen: bigint('payments_fen', { mode: 'number' }).notNull().default(0),
    refundsFen: bigint('refunds_fen', { mode: 'number' }).notNull().default(0),
    feesFen: bigint('fees_fen', { mode: 'number' }).notNull().default(0),
    netFen: bigint('net_fen', { mode: 'number' }).notNull().default(0),
    payoutCount: integer('payout_count').notNull().default(0),
    /** The payout file of the run for the core bank (docs/payout-file.md), once produced. */
    payoutFile: text('payout_file'),
    payoutFileSha256: text('payout_file_sha256'),
    lastError: text('last_error'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('settlement_runs_date_uq').on(t.settlementDate)],
);

/**
 * What one merchant is settled on one date: everything its payable account took in from
 * `windowStart` (the previous line's end) to `windowEnd` (the close of the last trade day that
 * settles on the date), so consecutive lines tile time and every payment and refund is in
 * exactly one. Unique per (merchant, date): never two, however often the run is started.
 */
export const settlementLines = pgTable(
  'settlement_lines',
  {
    id: text('id').primaryKey(),
    runId: text('run_id')
      .notNull()
      .references(() => settlementRuns.id),
    merchantId: text('merchant_id').notNull(),
    settlementDate: date('settlement_date', { mode: 'string' }).notNull(),
    cycle: text('cycle', { enum: settlementCycles }).notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    windowEnd: timestamp('window_end', { withTimezone: true }).notNull(),
    paymentCount: integer('payment_count').notNull(),
    paymentsFen: bigint('payments_fen', { mode: 'number' }).notNull(),
    refundCount: integer('refund_count').notNull(),
    refundsFen: bigint('refunds_fen', { mode: 'number' }).notNull(),
    /** Merchant discount kept by the bank, net of fees returned with refunds. */
    feesFen: bigint('fees_fen', { mode: 'number' }).notNull(),
    /** Market operators' commission on this merchant's trades, net of what refunds took back. */
    commissionFen: bigint('commission_fen', { mode: 'number' }).notNull(),
    /** Loan instalments deducted from the settlement (none until merchant credit exists). */
    loanDeductionFen: bigint('loan_deduction_fen', { mode: 'number' }).notNull().default(0),
    d0PremiumFen: bigint('d0_premium_fen', { mode: 'number' }).notNull().default(0),
    /** What the merchant's payable took in over the window, before the premium. */
    creditedFen: bigint('credited_fen', { mode: 'number' }).notNull(),
    /** What is paid out: credited − premium − loan deductions. */
    netFen: bigint('net_fen', { mode: 'number' }).notNull(),
    status: text('status', {
      enum: ['computed', 'posted', 'paid_out', 'nothing_to_pay'],
    }).notNull(),
    journalId: text('journal_id'),
    payoutId: text('payout_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('settlement_lines_merchant_date_uq').on(t.merchantId, t.settlementDate),
    index('settlement_lines_run_idx').on(t.runId, t.merchantId),
    index('settlement_lines_merchant_end_idx').on(t.merchantId, t.windowEnd),
    check('settlement_lines_net', sql`net_fen >= 0`),
  ],
);

export type SettlementRunRow = typeof settlementRuns.$inferSelect;
export type SettlementLineRow = typeof settlementLines.$inferSelect;
export type SettlementTermsRow = typeof settlementTerms.$inferSelect;
