import { sql } from 'drizzle-orm';
import { bigint, check, index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * The kinds of ledger account (DESIGN.md §5). Each kind has one normal side: assets and
 * expenses grow with debits, liabilities and revenue with credits.
 */
export type AccountType = 'asset' | 'liability' | 'revenue' | 'expense';

export const accountKinds = {
  channel_receivable: 'asset',
  bank_settlement: 'asset',
  loan_receivable: 'asset',
  /** Reconciliation differences accepted from a channel's statement, until investigated. */
  recon_suspense: 'asset',
  merchant_payable: 'liability',
  market_payable: 'liability',
  payout_in_transit: 'liability',
  /** A produce purchaser's money at the bank, from which it pays farmers in the field. */
  purchaser_funds: 'liability',
  refund_clearing: 'liability',
  fee_revenue: 'revenue',
} as const satisfies Record<string, AccountType>;
export type AccountKind = keyof typeof accountKinds;

/**
 * One account per kind and owner (`merchant_payable:mch_…`, `channel_receivable:wechat`,
 * `fee_revenue`). Merchant-owned accounts keep a running balance under a row lock; the
 * platform-wide ones would be hot rows under load, so `balanceFen` stays null on them and
 * their balance is the sum of their entries.
 */
export const ledgerAccounts = pgTable(
  'ledger_accounts',
  {
    id: text('id').primaryKey(),
    /** `<kind>` or `<kind>:<owner>`, unique: how postings name the account. */
    code: text('code').notNull(),
    kind: text('kind').$type<AccountKind>().notNull(),
    type: text('type').$type<AccountType>().notNull(),
    /** The merchant, channel or market operator the account belongs to, if any. */
    ownerId: text('owner_id'),
    merchantId: text('merchant_id'),
    /** Normal-side balance in fen (credit-positive for liabilities); null on hot accounts. */
    balanceFen: bigint('balance_fen', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('ledger_accounts_code_uq').on(t.code),
    index('ledger_accounts_merchant_idx').on(t.merchantId),
  ],
);

/**
 * A journal is one business event's posting. `(kind, sourceId)` is unique, so an event that is
 * processed twice (a replayed notification, a retried job) cannot post twice.
 */
export const ledgerJournals = pgTable(
  'ledger_journals',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    sourceType: text('source_type').notNull(),
    sourceId: text('source_id').notNull(),
    merchantId: text('merchant_id'),
    description: text('description').notNull(),
    postedAt: timestamp('posted_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('ledger_journals_kind_source_uq').on(t.kind, t.sourceId),
    index('ledger_journals_source_idx').on(t.sourceId),
    index('ledger_journals_merchant_idx').on(t.merchantId, t.postedAt),
  ],
);

/**
 * Entries are append-only (a trigger refuses updates and deletes). `amountFen` is signed:
 * debits positive, credits negative, so every journal's entries sum to zero.
 */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    journalId: text('journal_id')
      .notNull()
      .references(() => ledgerJournals.id),
    accountId: text('account_id')
      .notNull()
      .references(() => ledgerAccounts.id),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    merchantId: text('merchant_id'),
    postedAt: timestamp('posted_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('ledger_entries_journal_idx').on(t.journalId),
    index('ledger_entries_account_idx').on(t.accountId, t.id),
    check('ledger_entries_non_zero', sql`amount_fen <> 0`),
  ],
);

export type LedgerAccountRow = typeof ledgerAccounts.$inferSelect;
export type LedgerJournalRow = typeof ledgerJournals.$inferSelect;
export type LedgerEntryRow = typeof ledgerEntries.$inferSelect;
