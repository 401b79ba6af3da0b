import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { orgNodes } from '../orgs/tables.js';

/**
 * One identity model for every realm: bank staff now; merchant users and developers join with
 * their own realm and the owner columns their issues add.
 */
export const users = pgTable(
  'users',
  {
    id: text('id').primaryKey(),
    realm: text('realm', { enum: ['staff', 'merchant', 'developer'] }).notNull(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    orgNodeId: text('org_node_id').references(() => orgNodes.id),
    /**
     * Merchant realm: the merchant the user works for and, for a cashier, the one store. The
     * merchants module owns those tables, so the link is by id without a foreign key here.
     */
    merchantId: text('merchant_id'),
    storeId: text('store_id'),
    /** Merchant realm: the mobile number that is the login, encrypted; username is its blind index. */
    mobileEnc: text('mobile_enc'),
    /** A one-time password-setup code (SHA-256) handed to a new merchant owner, and its expiry. */
    setupCodeHash: text('setup_code_hash'),
    setupCodeExpiresAt: timestamp('setup_code_expires_at', { withTimezone: true }),
    /** When the user last chose their own password (null: only a random or temporary one). */
    passwordSetAt: timestamp('password_set_at', { withTimezone: true }),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedAt: timestamp('locked_at', { withTimezone: true }),
    /** The confirmed TOTP secret, AES-256-GCM encrypted. */
    mfaSecretEnc: text('mfa_secret_enc'),
    /** A secret being enrolled; it replaces mfaSecretEnc only once a code from it is confirmed. */
    mfaPendingSecretEnc: text('mfa_pending_secret_enc'),
    mfaEnabledAt: timestamp('mfa_enabled_at', { withTimezone: true }),
    /** The last TOTP time step accepted, so a code cannot be replayed within its window. */
    mfaLastStep: integer('mfa_last_step'),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('users_realm_username_uq').on(t.realm, sql`lower(${t.username})`),
    index('users_org_node_idx').on(t.orgNodeId),
    index('users_merchant_idx').on(t.merchantId),
  ],
);

export const userRoles = pgTable(
  'user_roles',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] })],
);

export const mfaRecoveryCodes = pgTable(
  'mfa_recovery_codes',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.codeHash] })],
);

/** Server-side sessions; the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    id: text('id').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    mfaPassed: boolean('mfa_passed').notNull(),
    currentOrgNodeId: text('current_org_node_id'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** A merchant's secret API key: only its SHA-256 is kept; the secret is shown once. */
export const merchantApiKeys = pgTable(
  'merchant_api_keys',
  {
    id: text('id').primaryKey(),
    merchantId: text('merchant_id').notNull(),
    name: text('name').notNull(),
    /** The first characters of the secret, to tell keys apart in a list. */
    prefix: text('prefix').notNull(),
    secretHash: text('secret_hash').notNull(),
    createdByUserId: text('created_by_user_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedByUserId: text('revoked_by_user_id'),
  },
  (t) => [
    uniqueIndex('merchant_api_keys_secret_uq').on(t.secretHash),
    index('merchant_api_keys_merchant_idx').on(t.merchantId),
  ],
);

export type MerchantApiKeyRow = typeof merchantApiKeys.$inferSelect;
