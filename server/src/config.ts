import path from 'node:path';
import { z } from 'zod';

/**
 * Every setting Sharefin reads, parsed once from the environment and validated, so that a
 * mistyped value stops the start with a message instead of surfacing as odd behaviour later.
 * docs/operations.md describes each one.
 */
const booleanSetting = z.enum(['on', 'off', 'true', 'false', '1', '0']).transform((v) => {
  return v === 'on' || v === 'true' || v === '1';
});

const settingsSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  SHAREFIN_DATA_DIR: z.string().min(1).default('./data'),
  SHAREFIN_ROLE: z.enum(['all', 'web', 'worker']).default('all'),
  SHAREFIN_SEED_DEMO: booleanSetting.optional(),
  SHAREFIN_MFA_ENFORCEMENT: booleanSetting.optional(),
  SHAREFIN_ENCRYPTION_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters (32 bytes)')
    .optional(),
  SHAREFIN_TRUST_PROXY: booleanSetting.default(false),
  SHAREFIN_WEB_DIST: z.string().optional(),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24)
    .default(12),
  LOGIN_MAX_FAILED_ATTEMPTS: z.coerce.number().int().min(3).max(100).default(10),
  JOBS_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SHAREFIN_FILES_DIR: z.string().min(1).optional(),
  MARKET_COMMISSION_CAP_BP: z.coerce.number().int().min(0).max(10_000).default(300),
  SHAREFIN_PUBLIC_URL: z.url().optional(),
  PAYMENT_STATIC_PAYER_DAILY_LIMIT_FEN: z.coerce.number().int().min(0).default(50_000),
  PAYMENT_VELOCITY_MAX: z.coerce.number().int().min(1).max(1000).default(10),
  PAYMENT_VELOCITY_WINDOW_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  PAYMENT_CODE_REVERSE_SECONDS: z.coerce.number().int().min(5).max(300).default(30),
  CHANNEL_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  SETTLEMENT_CUTOFF: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM, Asia/Shanghai')
    .default('23:00'),
  SETTLEMENT_SCHEDULE: booleanSetting.default(true),
  SETTLEMENT_D0_PREMIUM_BP: z.coerce.number().int().min(0).max(1000).default(10),
  BANK_SETTLEMENT_ACCOUNT: z
    .string()
    .regex(/^\d{12,25}$/, '12–25 digits')
    .default('313000000000000001'),
  ACCOUNT_CHANGE_HOLD_HOURS: z.coerce
    .number()
    .int()
    .min(0)
    .max(24 * 30)
    .default(24),
});

export type Config = {
  port: number;
  host: string;
  database:
    | { kind: 'pglite'; dataDir: string }
    | { kind: 'postgres'; url: string; poolMax: number };
  dataDir: string;
  role: 'all' | 'web' | 'worker';
  seedDemo: boolean;
  mfaEnforced: boolean;
  /** Hex key for AES-256-GCM; when absent the embedded default keeps one in the data folder. */
  encryptionKeyHex?: string;
  trustProxy: boolean;
  webDistDir: string;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  loginMaxFailedAttempts: number;
  jobsPollMs: number;
  logLevel: string;
  /** Where uploaded documents are kept by the local file store. */
  filesDir: string;
  /** The highest commission, in basis points, a market may take on a trade. */
  marketCommissionCapBp: number;
  /** How long a settlement-account change waits before it takes effect. */
  accountChangeHoldMs: number;
  /** The address payers and channels reach this installation at (codes, notify URLs). */
  publicUrl: string;
  /** PBOC level D: what one payer may pay by static codes in a day (银发〔2017〕296号). */
  staticPayerDailyLimitFen: number;
  /** At most this many payments from one payer within the window (a velocity rule). */
  velocityMax: number;
  velocityWindowMs: number;
  /** An unanswered payment-code payment is reversed after this long, as the channels do. */
  paymentCodeReverseMs: number;
  channelTimeoutMs: number;
  /** Minutes after Shanghai midnight from which takings belong to the next trade day. */
  settlementCutoffMinutes: number;
  /** The premium a merchant moved to D0 pays by default, in basis points of the net. */
  d0PremiumBp: number;
  /** Whether the worker starts each day's settlement itself (off: operators start runs). */
  settlementSchedule: boolean;
  /** The bank's own account payouts are drawn on, named in the payout file. */
  bankSettlementAccount: string;
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = settingsSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid settings:\n${lines.join('\n')}`);
  }
  const s = parsed.data;
  const embedded = !s.DATABASE_URL;
  const dataDir = path.resolve(s.SHAREFIN_DATA_DIR);
  return {
    port: s.PORT,
    host: s.HOST,
    database: s.DATABASE_URL
      ? { kind: 'postgres', url: s.DATABASE_URL, poolMax: s.DATABASE_POOL_MAX }
      : { kind: 'pglite', dataDir: path.join(dataDir, 'pglite') },
    dataDir,
    role: s.SHAREFIN_ROLE,
    seedDemo: s.SHAREFIN_SEED_DEMO ?? true,
    // The embedded demo relaxes MFA so a newcomer can look around without an authenticator
    // app; a real database gets enforcement unless an operator turns it off on purpose.
    mfaEnforced: s.SHAREFIN_MFA_ENFORCEMENT ?? !embedded,
    encryptionKeyHex: s.SHAREFIN_ENCRYPTION_KEY,
    trustProxy: s.SHAREFIN_TRUST_PROXY,
    webDistDir: path.resolve(
      s.SHAREFIN_WEB_DIST ?? new URL('../../web/dist', import.meta.url).pathname,
    ),
    sessionIdleMs: s.SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: s.SESSION_ABSOLUTE_HOURS * 3_600_000,
    loginMaxFailedAttempts: s.LOGIN_MAX_FAILED_ATTEMPTS,
    jobsPollMs: s.JOBS_POLL_MS,
    logLevel: s.LOG_LEVEL,
    filesDir: path.resolve(s.SHAREFIN_FILES_DIR ?? path.join(dataDir, 'files')),
    marketCommissionCapBp: s.MARKET_COMMISSION_CAP_BP,
    accountChangeHoldMs: s.ACCOUNT_CHANGE_HOLD_HOURS * 3_600_000,
    publicUrl: (s.SHAREFIN_PUBLIC_URL ?? `http://localhost:${s.PORT}`).replace(/\/$/, ''),
    staticPayerDailyLimitFen: s.PAYMENT_STATIC_PAYER_DAILY_LIMIT_FEN,
    velocityMax: s.PAYMENT_VELOCITY_MAX,
    velocityWindowMs: s.PAYMENT_VELOCITY_WINDOW_SECONDS * 1000,
    paymentCodeReverseMs: s.PAYMENT_CODE_REVERSE_SECONDS * 1000,
    channelTimeoutMs: s.CHANNEL_TIMEOUT_MS,
    settlementCutoffMinutes: minutesOfDay(s.SETTLEMENT_CUTOFF),
    d0PremiumBp: s.SETTLEMENT_D0_PREMIUM_BP,
    settlementSchedule: s.SETTLEMENT_SCHEDULE,
    bankSettlementAccount: s.BANK_SETTLEMENT_ACCOUNT,
  };
}

function minutesOfDay(hhmm: string): number {
  const [hours, minutes] = hhmm.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}
