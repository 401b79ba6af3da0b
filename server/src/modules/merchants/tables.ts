import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { orgNodes } from '../orgs/tables.js';

export const merchantKinds = [
  'individual_business',
  'company',
  'micro',
  'market_operator',
  'produce_purchaser',
] as const;
export type MerchantKind = (typeof merchantKinds)[number];

/**
 * The life of a merchant, from the applicant's draft to closure. Only the transitions in
 * merchant-lifecycle.ts are allowed.
 */
export const merchantStatuses = [
  'draft',
  'submitted',
  'in_review',
  'needs_changes',
  'rejected',
  'active',
  'suspended',
  'closed',
] as const;
export type MerchantStatus = (typeof merchantStatuses)[number];

export const riskLevels = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof riskLevels)[number];

/**
 * One row per merchant, holding the application while it is one. Personal data (the legal
 * representative's ID number, the mobile, the settlement account number) is stored only
 * encrypted (`*Enc`); `mobileIndex` is the blind index that finds an applicant's drafts.
 */
export const merchants = pgTable(
  'merchants',
  {
    id: text('id').primaryKey(),
    status: text('status', { enum: merchantStatuses }).notNull(),
    kind: text('kind', { enum: merchantKinds }).notNull(),
    /** `h5` when the applicant filed it, `staff` when an operator filed it for them. */
    channel: text('channel', { enum: ['h5', 'staff'] }).notNull(),
    registeredName: text('registered_name'),
    shortName: text('short_name'),
    creditCode: text('credit_code'),
    legalRepName: text('legal_rep_name'),
    legalRepIdNumberEnc: text('legal_rep_id_number_enc'),
    mobileEnc: text('mobile_enc'),
    mobileIndex: text('mobile_index'),
    regionCode: text('region_code'),
    address: text('address'),
    mcc: text('mcc'),
    settlementAccountName: text('settlement_account_name'),
    settlementAccountNumberEnc: text('settlement_account_number_enc'),
    settlementBankCode: text('settlement_bank_code'),
    orgNodeId: text('org_node_id')
      .notNull()
      .references(() => orgNodes.id),
    referralCodeGiven: text('referral_code_given'),
    referredByMerchantId: text('referred_by_merchant_id'),
    /** This merchant's own code for referring others; issued on activation. */
    referralCode: text('referral_code'),
    /** What the automatic checks could not confirm and a reviewer must look at. */
    reviewFlags: jsonb('review_flags').$type<string[]>().notNull().default([]),
    riskLevel: text('risk_level', { enum: riskLevels }),
    feePlan: text('fee_plan'),
    /** The reviewer (maker) and their recommendation; the approver (checker) must differ. */
    reviewerUserId: text('reviewer_user_id'),
    recommendedAt: timestamp('recommended_at', { withTimezone: true }),
    approverUserId: text('approver_user_id'),
    /** The reason of the last rejection, change request, suspension or closure. */
    statusReason: text('status_reason'),
    ownerUserId: text('owner_user_id'),
    /** SHA-256 of the applicant's access token: the H5 link to continue and follow the draft. */
    applicantTokenHash: text('applicant_token_hash'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    activatedAt: timestamp('activated_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('merchants_org_node_idx').on(t.orgNodeId),
    index('merchants_status_idx').on(t.status),
    index('merchants_mobile_index_idx').on(t.mobileIndex),
    uniqueIndex('merchants_referral_code_uq').on(t.referralCode),
    uniqueIndex('merchants_applicant_token_uq').on(t.applicantTokenHash),
  ],
);

export const documentTypes = ['licence', 'id_front', 'id_back', 'storefront'] as const;
export type DocumentType = (typeof documentTypes)[number];

/** An uploaded document; the bytes live in the file store under `storageKey`. */
export const merchantDocuments = pgTable(
  'merchant_documents',
  {
    id: text('id').primaryKey(),
    merchantId: text('merchant_id')
      .notNull()
      .references(() => merchants.id),
    type: text('type', { enum: documentTypes }).notNull(),
    storageKey: text('storage_key').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    fileName: text('file_name').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [index('merchant_documents_merchant_idx').on(t.merchantId)],
);

/**
 * A requested change of settlement account. It takes effect only after a hold, during which
 * the merchant and its branch see it pending and either can cancel it.
 */
export const settlementAccountChanges = pgTable(
  'settlement_account_changes',
  {
    id: text('id').primaryKey(),
    merchantId: text('merchant_id')
      .notNull()
      .references(() => merchants.id),
    status: text('status', { enum: ['pending', 'applied', 'cancelled'] }).notNull(),
    accountName: text('account_name').notNull(),
    accountNumberEnc: text('account_number_enc').notNull(),
    bankCode: text('bank_code').notNull(),
    requestedByUserId: text('requested_by_user_id').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    effectiveAt: timestamp('effective_at', { withTimezone: true }).notNull(),
    cancelledByUserId: text('cancelled_by_user_id'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('settlement_account_changes_one_pending_uq')
      .on(t.merchantId)
      .where(sql`status = 'pending'`),
  ],
);

export const stores = pgTable(
  'stores',
  {
    id: text('id').primaryKey(),
    merchantId: text('merchant_id')
      .notNull()
      .references(() => merchants.id),
    name: text('name').notNull(),
    regionCode: text('region_code').notNull(),
    address: text('address').notNull(),
    /** Opening hours as the merchant writes them on the door, e.g. "08:00-21:00". */
    hours: text('hours').notNull(),
    status: text('status', { enum: ['open', 'closed'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('stores_merchant_idx').on(t.merchantId)],
);

/** What the merchant portal shows under notifications; SMS carries a copy where it matters. */
export const merchantNotifications = pgTable(
  'merchant_notifications',
  {
    id: text('id').primaryKey(),
    merchantId: text('merchant_id')
      .notNull()
      .references(() => merchants.id),
    kind: text('kind').notNull(),
    params: jsonb('params').$type<Record<string, string>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('merchant_notifications_merchant_idx').on(t.merchantId, t.id)],
);

export type MerchantRow = typeof merchants.$inferSelect;
export type StoreRow = typeof stores.$inferSelect;
