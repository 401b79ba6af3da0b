import { and, count, eq, gt, sql } from 'drizzle-orm';
import type { Config } from '../../config.js';
import { shanghaiDay } from '../../platform/clock.js';
import { type Db, queryRows } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { formatYuan } from '../../platform/money.js';
import type { RiskLevel } from '../merchants/tables.js';
import { dailyUsage, payments } from './tables.js';

/**
 * Per-merchant limits by risk level: one payment, and the day's total (Asia/Shanghai). A
 * reviewer sets the level on approval; these are the bank's defaults.
 */
export const merchantLimitsByRisk: Record<RiskLevel, { singleFen: number; dailyFen: number }> = {
  low: { singleFen: 5_000_000, dailyFen: 50_000_000 },
  medium: { singleFen: 2_000_000, dailyFen: 10_000_000 },
  high: { singleFen: 500_000, dailyFen: 1_000_000 },
};

export type LimitSubject = {
  merchantId: string;
  riskLevel: RiskLevel | null;
  amountFen: number;
  codeKind: 'static' | 'dynamic' | 'none';
  payerRef: string | null;
  at: Date;
};

function refused(code: string, zh: string, en: string): AppError {
  return new AppError('payment_limit_exceeded', {
    param: 'amountFen',
    fieldErrors: [{ param: 'amountFen', code, message: { zh, en } }],
  });
}

/**
 * Adds `amountFen` to a day's usage unless that would pass `limitFen`, in one statement: the
 * row lock of the upsert serialises concurrent payments of one subject, so none overshoots.
 */
async function addUsage(
  db: Db,
  subject: string,
  day: string,
  scope: 'all' | 'static',
  amountFen: number,
  limitFen: number,
): Promise<boolean> {
  if (amountFen > limitFen) return false;
  const rows = await queryRows<{ amount_fen: string }>(
    db,
    sql`insert into payment_daily_usage as u (subject, day, scope, amount_fen, count)
        values (${subject}, ${day}, ${scope}, ${amountFen}, 1)
        on conflict (subject, day, scope) do update
          set amount_fen = u.amount_fen + excluded.amount_fen, count = u.count + 1
          where u.amount_fen + excluded.amount_fen <= ${limitFen}
        returning u.amount_fen`,
  );
  return rows.length > 0;
}

/**
 * Checks every limit a new payment is under and counts it against the day's usage, in the
 * caller's transaction (a refused payment leaves no usage behind). The refusal says which
 * limit, in words.
 */
export async function reserveLimits(db: Db, config: Config, subject: LimitSubject): Promise<void> {
  const day = shanghaiDay(subject.at);
  const merchantLimits = merchantLimitsByRisk[subject.riskLevel ?? 'medium'];
  if (subject.amountFen > merchantLimits.singleFen) {
    const limit = formatYuan(merchantLimits.singleFen);
    throw refused(
      'merchant_single_limit',
      `超出商户单笔收款限额 ${limit} 元`,
      `Above the merchant's single-payment limit of CNY ${limit}`,
    );
  }
  // The day totals this payment counts against: the merchant's, and a static-code payer's.
  const dayLimits: {
    subject: string;
    scope: 'all' | 'static';
    limitFen: number;
    code: string;
    zh: string;
    en: string;
  }[] = [
    {
      subject: `merchant:${subject.merchantId}`,
      scope: 'all',
      limitFen: merchantLimits.dailyFen,
      code: 'merchant_daily_limit',
      zh: '超出商户当日累计收款限额 {limit} 元',
      en: "Above the merchant's daily limit of CNY {limit}",
    },
  ];
  if (subject.payerRef && subject.codeKind === 'static') {
    dayLimits.push({
      subject: `payer:${subject.payerRef}`,
      scope: 'static',
      limitFen: config.staticPayerDailyLimitFen,
      code: 'static_code_payer_daily_limit',
      zh: '静态收款码每位付款人每日累计不超过 {limit} 元（人民银行条码支付 D 类限额），请让商户出示订单码',
      en: 'Static codes take at most CNY {limit} per payer per day (PBOC level D); ask the merchant for an order code',
    });
  }
  for (const limit of dayLimits) {
    if (!(await addUsage(db, limit.subject, day, limit.scope, subject.amountFen, limit.limitFen))) {
      const amount = formatYuan(limit.limitFen);
      throw refused(
        limit.code,
        limit.zh.replace('{limit}', amount),
        limit.en.replace('{limit}', amount),
      );
    }
  }
  if (!subject.payerRef) return;
  const [recent] = await db
    .select({ n: count() })
    .from(payments)
    .where(
      and(
        eq(payments.payerRef, subject.payerRef),
        gt(payments.createdAt, new Date(subject.at.getTime() - config.velocityWindowMs)),
      ),
    );
  if ((recent?.n ?? 0) >= config.velocityMax) {
    const seconds = Math.round(config.velocityWindowMs / 1000);
    throw refused(
      'payer_velocity',
      `付款过于频繁：同一付款人 ${seconds} 秒内最多 ${config.velocityMax} 笔，请稍后再试`,
      `Too many payments: at most ${config.velocityMax} from one payer within ${seconds} seconds`,
    );
  }
}

/** Gives back what a payment that did not go through counted against the day's limits. */
export async function releaseLimits(
  db: Db,
  payment: {
    merchantId: string;
    amountFen: number;
    codeKind: string;
    payerRef: string | null;
    createdAt: Date;
  },
): Promise<void> {
  const day = shanghaiDay(payment.createdAt);
  const release = (subject: string, scope: 'all' | 'static') =>
    db
      .update(dailyUsage)
      .set({
        amountFen: sql`greatest(${dailyUsage.amountFen} - ${payment.amountFen}, 0)`,
        count: sql`greatest(${dailyUsage.count} - 1, 0)`,
      })
      .where(
        and(eq(dailyUsage.subject, subject), eq(dailyUsage.day, day), eq(dailyUsage.scope, scope)),
      );
  await release(`merchant:${payment.merchantId}`, 'all');
  if (payment.codeKind === 'static' && payment.payerRef)
    await release(`payer:${payment.payerRef}`, 'static');
}
