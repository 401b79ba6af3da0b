import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { merchants } from '../merchants/tables.js';

export const farmerStatuses = ['active', 'inactive'] as const;
export type FarmerStatus = (typeof farmerStatuses)[number];

/**
 * A farmer a produce purchaser pays in the field. Everything that identifies the person is C2
 * personal data (DOMAIN.md §9) and stored only encrypted, the name included: a farmer's name
 * with the village is enough to find them. `idNumberIndex` is the blind index that finds the
 * same person registered twice by one purchaser without decrypting anyone.
 */
export const farmers = pgTable(
  'farmers',
  {
    id: text('id').primaryKey(),
    purchaserMerchantId: text('purchaser_merchant_id')
      .notNull()
      .references(() => merchants.id),
    nameEnc: text('name_enc').notNull(),
    idNumberEnc: text('id_number_enc').notNull(),
    idNumberIndex: text('id_number_index').notNull(),
    accountNumberEnc: text('account_number_enc').notNull(),
    /** False when the card number fails the Luhn soft check; kept for a second look. */
    accountLuhnOk: boolean('account_luhn_ok').notNull(),
    bankCode: text('bank_code').notNull(),
    /** The GB/T 2260 county-level code of the farmer's village. */
    regionCode: text('region_code').notNull(),
    mobileEnc: text('mobile_enc'),
    status: text('status', { enum: farmerStatuses }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('farmers_purchaser_id_number_uq').on(t.purchaserMerchantId, t.idNumberIndex),
    index('farmers_purchaser_idx').on(t.purchaserMerchantId, t.id),
  ],
);

/**
 * One purchase in the field, paid to the farmer on the spot. `clientPurchaseId` is made by the
 * purchaser's app when the purchase is recorded, possibly offline; it is unique per purchaser,
 * so however often the app syncs the purchase it exists, and is paid, once. `purchaseDay` is
 * the Asia/Shanghai day of the device's `recordedAt`, the day the purchaser's lists group by.
 * `receiptToken` is the random, unguessable part of the farmer's receipt link.
 */
export const farmerPurchases = pgTable(
  'farmer_purchases',
  {
    id: text('id').primaryKey(),
    purchaserMerchantId: text('purchaser_merchant_id')
      .notNull()
      .references(() => merchants.id),
    clientPurchaseId: text('client_purchase_id').notNull(),
    farmerId: text('farmer_id')
      .notNull()
      .references(() => farmers.id),
    produce: text('produce').notNull(),
    weightGrams: bigint('weight_grams', { mode: 'number' }).notNull(),
    unitPriceFenPerKg: bigint('unit_price_fen_per_kg', { mode: 'number' }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    purchaseDay: text('purchase_day').notNull(),
    /** The payout that pays the farmer; set in the transaction that records the purchase. */
    payoutId: text('payout_id'),
    receiptToken: text('receipt_token').notNull(),
    recordedByUserId: text('recorded_by_user_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('farmer_purchases_client_id_uq').on(t.purchaserMerchantId, t.clientPurchaseId),
    uniqueIndex('farmer_purchases_receipt_token_uq').on(t.receiptToken),
    index('farmer_purchases_purchaser_idx').on(t.purchaserMerchantId, t.id),
    index('farmer_purchases_purchaser_day_idx').on(t.purchaserMerchantId, t.purchaseDay),
    index('farmer_purchases_farmer_idx').on(t.farmerId, t.id),
    index('farmer_purchases_day_idx').on(t.purchaseDay),
    check('farmer_purchases_weight_positive', sql`weight_grams > 0`),
    check('farmer_purchases_price_positive', sql`unit_price_fen_per_kg > 0`),
    check('farmer_purchases_amount_positive', sql`amount_fen > 0`),
  ],
);

/**
 * Money the bank credits to a purchaser's funds (the purchaser paid it in at the counter or by
 * transfer). `reference` is the bank's voucher number, unique per purchaser, so the same
 * voucher cannot be credited twice even without an Idempotency-Key.
 */
export const purchaserDeposits = pgTable(
  'purchaser_deposits',
  {
    id: text('id').primaryKey(),
    merchantId: text('merchant_id')
      .notNull()
      .references(() => merchants.id),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    reference: text('reference').notNull(),
    journalId: text('journal_id').notNull(),
    depositedByUserId: text('deposited_by_user_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('purchaser_deposits_reference_uq').on(t.merchantId, t.reference),
    check('purchaser_deposits_amount_positive', sql`amount_fen > 0`),
  ],
);

export type FarmerRow = typeof farmers.$inferSelect;
export type FarmerPurchaseRow = typeof farmerPurchases.$inferSelect;
export type PurchaserDepositRow = typeof purchaserDeposits.$inferSelect;
