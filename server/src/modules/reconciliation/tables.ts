import { sql } from 'drizzle-orm';
import {
  bigint,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/** The channels that send a daily statement file we can read (statements/index.ts). */
export const statementChannels = ['wechat', 'alipay', 'unionpay'] as const;
export type StatementChannel = (typeof statementChannels)[number];

/**
 * `matched`: the current result for its channel and date. `superseded`: a later file for the
 * same channel and date replaced it (allowed only while none of its breaks had been worked on).
 */
export const importStatuses = ['matched', 'superseded'] as const;
export type ImportStatus = (typeof importStatuses)[number];

/**
 * One channel statement file, read and matched against our payments and refunds of its date.
 * The same file (channel, date, sha256) is imported once: sending it again answers with this
 * row. Their totals come from the file's own summary; ours from our records of that day;
 * the matched totals are what the channel settlement posted.
 */
export const statementImports = pgTable(
  'recon_statement_imports',
  {
    id: text('id').primaryKey(),
    channel: text('channel', { enum: statementChannels }).notNull(),
    statementDate: date('statement_date', { mode: 'string' }).notNull(),
    fileSha256: text('file_sha256').notNull(),
    fileBytes: bigint('file_bytes', { mode: 'number' }).notNull(),
    lineCount: integer('line_count').notNull(),
    theirPaymentTotalFen: bigint('their_payment_total_fen', { mode: 'number' }).notNull(),
    theirRefundTotalFen: bigint('their_refund_total_fen', { mode: 'number' }).notNull(),
    theirFeeTotalFen: bigint('their_fee_total_fen', { mode: 'number' }).notNull(),
    ourPaymentCount: integer('our_payment_count').notNull(),
    ourPaymentTotalFen: bigint('our_payment_total_fen', { mode: 'number' }).notNull(),
    ourRefundCount: integer('our_refund_count').notNull(),
    ourRefundTotalFen: bigint('our_refund_total_fen', { mode: 'number' }).notNull(),
    matchedPaymentCount: integer('matched_payment_count').notNull(),
    matchedPaymentTotalFen: bigint('matched_payment_total_fen', { mode: 'number' }).notNull(),
    matchedRefundCount: integer('matched_refund_count').notNull(),
    matchedRefundTotalFen: bigint('matched_refund_total_fen', { mode: 'number' }).notNull(),
    breakCount: integer('break_count').notNull(),
    /** The channel's net settled to the bank for this date once this import is in force. */
    settledNetFen: bigint('settled_net_fen', { mode: 'number' }).notNull(),
    /** The settlement journal this import posted (or its correction when it superseded one). */
    settlementJournalId: text('settlement_journal_id'),
    status: text('status', { enum: importStatuses }).notNull(),
    source: text('source', { enum: ['upload', 'download'] }).notNull(),
    /** Null when the daily fetch job imported it. */
    importedByUserId: text('imported_by_user_id'),
    supersededById: text('superseded_by_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('recon_imports_file_uq').on(t.channel, t.statementDate, t.fileSha256),
    // One result in force per channel and date: a new file supersedes, never adds.
    uniqueIndex('recon_imports_current_uq')
      .on(t.channel, t.statementDate)
      .where(sql`status = 'matched'`),
    index('recon_imports_date_idx').on(t.statementDate, t.id),
  ],
);

export const breakKinds = [
  'missing_ours',
  'missing_channel',
  'amount_differs',
  'status_differs',
  'duplicate',
  'cross_day',
] as const;
export type BreakKind = (typeof breakKinds)[number];

/**
 * `open` until someone acts: `timing` and `escalated` take effect at once; `accept_channel`
 * waits in `pending_approval` for a second person, then is `resolved` with its journal.
 */
export const breakStatuses = [
  'open',
  'timing',
  'escalated',
  'pending_approval',
  'resolved',
] as const;
export type BreakStatus = (typeof breakStatuses)[number];

export const resolutionActions = ['accept_channel', 'timing', 'escalate'] as const;
export type ResolutionAction = (typeof resolutionActions)[number];

/**
 * A difference between a statement and our records. Their side is the file's line (absent for
 * `missing_channel`); our side the payment or refund we hold (absent for `missing_ours`).
 */
export const reconBreaks = pgTable(
  'recon_breaks',
  {
    id: text('id').primaryKey(),
    importId: text('import_id')
      .notNull()
      .references(() => statementImports.id),
    channel: text('channel', { enum: statementChannels }).notNull(),
    statementDate: date('statement_date', { mode: 'string' }).notNull(),
    kind: text('kind', { enum: breakKinds }).notNull(),
    /** Whether it concerns a payment or a refund (on either side). */
    subject: text('subject', { enum: ['payment', 'refund'] }).notNull(),
    paymentId: text('payment_id'),
    refundId: text('refund_id'),
    lineNumber: integer('line_number'),
    channelTransactionId: text('channel_transaction_id'),
    channelRefundId: text('channel_refund_id'),
    theirAmountFen: bigint('their_amount_fen', { mode: 'number' }),
    theirStatus: text('their_status'),
    ourAmountFen: bigint('our_amount_fen', { mode: 'number' }),
    ourStatus: text('our_status'),
    /** When we booked it (succeeded_at, or a refund's closed_at): tells a cross-day break's day. */
    ourBookedAt: timestamp('our_booked_at', { withTimezone: true }),
    status: text('status', { enum: breakStatuses }).notNull(),
    resolutionAction: text('resolution_action', { enum: resolutionActions }),
    resolutionReason: text('resolution_reason'),
    proposedByUserId: text('proposed_by_user_id'),
    proposedAt: timestamp('proposed_at', { withTimezone: true }),
    approvedByUserId: text('approved_by_user_id'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    adjustingJournalId: text('adjusting_journal_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('recon_breaks_import_idx').on(t.importId, t.id),
    index('recon_breaks_status_idx').on(t.status, t.id),
  ],
);

/**
 * The daily fetch's record that it has scheduled the downloads of one statement date, so
 * that every process's sweeper schedules them once (the insert is the claim).
 */
export const dailyFetches = pgTable('recon_daily_fetches', {
  statementDate: date('statement_date', { mode: 'string' }).primaryKey(),
  scheduledAt: timestamp('scheduled_at', { withTimezone: true }).notNull(),
});

export type StatementImportRow = typeof statementImports.$inferSelect;
export type ReconBreakRow = typeof reconBreaks.$inferSelect;
