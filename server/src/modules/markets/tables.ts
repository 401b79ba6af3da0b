import {
  boolean,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { merchants } from '../merchants/tables.js';

export const marketKinds = ['wholesale', 'campus', 'park'] as const;

export const markets = pgTable(
  'markets',
  {
    id: text('id').primaryKey(),
    operatorMerchantId: text('operator_merchant_id')
      .notNull()
      .references(() => merchants.id),
    name: text('name').notNull(),
    kind: text('kind', { enum: marketKinds }).notNull(),
    /** The operator's commission on each trade in the market, in basis points. */
    commissionBp: integer('commission_bp').notNull(),
    status: text('status', { enum: ['open', 'closed'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('markets_operator_idx').on(t.operatorMerchantId)],
);

export const membershipStatuses = ['requested', 'accepted', 'declined', 'left'] as const;

export const marketMemberships = pgTable(
  'market_memberships',
  {
    id: text('id').primaryKey(),
    marketId: text('market_id')
      .notNull()
      .references(() => markets.id),
    merchantId: text('merchant_id')
      .notNull()
      .references(() => merchants.id),
    status: text('status', { enum: membershipStatuses }).notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedByUserId: text('decided_by_user_id'),
  },
  (t) => [uniqueIndex('market_memberships_market_merchant_uq').on(t.marketId, t.merchantId)],
);

/** Traders who buy across markets, paying from a bank account; registered by a market. */
export const buyerMembers = pgTable(
  'buyer_members',
  {
    id: text('id').primaryKey(),
    marketId: text('market_id')
      .notNull()
      .references(() => markets.id),
    name: text('name').notNull(),
    idNumberEnc: text('id_number_enc').notNull(),
    /** One buyer per ID number in a market, found without decrypting. */
    idNumberIndex: text('id_number_index').notNull(),
    accountNumberEnc: text('account_number_enc').notNull(),
    /** Luhn is a soft check on bank cards: a failing number is kept and flagged. */
    accountLuhnOk: boolean('account_luhn_ok').notNull(),
    bankCode: text('bank_code').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('buyer_members_market_id_number_uq').on(t.marketId, t.idNumberIndex)],
);

export type MarketRow = typeof markets.$inferSelect;
