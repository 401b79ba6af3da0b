import { and, count, eq, gt, sql } from 'drizzle-orm';
import type { Config } from '../../config.js';
import { shanghaiDay } from '../../platform/clock.js';
import { type Db, jsonRows, queryRows } from '../../platform/db/database.js';
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

/** One day total a payment counts against, with the words of its refusal. */
type DayLimit = {
  subject: string;
  day: string;
  scope: 'all' | 'static';
  limitFen: number;
  code: string;
  zh: string;
  en: string;
};

/** The single-payment limit's refusal, or the day totals this payment counts against. */
function limitsOf(config: Config, subject: LimitSubject): AppError | DayLimit[] {
  const day = shanghaiDay(subject.at);
  const merchantLimits = merchantLimitsByRisk[subject.riskLevel ?? 'medium'];
  if (subject.amountFen > merchantLimits.singleFen) {
    const limit = formatYuan(merchantLimits.singleFen);
    return refused(
      'merchant_single_limit',
      `超出商户单笔收款限额 ${limit} 元`,
      `Above the merchant's single-payment limit of CNY ${limit}`,
    );
  }
  // The merchant's day total, and a static-code payer's.
  const dayLimits: DayLimit[] = [
    {
      subject: `merchant:${subject.merchantId}`,
      day,
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
      day,
      scope: 'static',
      limitFen: config.staticPayerDailyLimitFen,
      code: 'static_code_payer_daily_limit',
      zh: '静态收款码每位付款人每日累计不超过 {limit} 元（人民银行条码支付 D 类限额），请让商户出示订单码',
      en: 'Static codes take at most CNY {limit} per payer per day (PBOC level D); ask the merchant for an order code',
    });
  }
  return dayLimits;
}

function dayLimitRefusal(limit: DayLimit): AppError {
  const amount = formatYuan(limit.limitFen);
  return refused(
    limit.code,
    limit.zh.replace('{limit}', amount),
    limit.en.replace('{limit}', amount),
  );
}

const usageKey = (limit: DayLimit) => `${limit.subject}|${limit.day}|${limit.scope}`;

/** What a batch's payments add to one day total. */
type UsageSum = { limit: DayLimit; amountFen: number; count: number };

/**
 * Adds each day total's share of a batch in one statement: the sums per total, in key order
 * (so that two batches lock shared rows in the same order and cannot deadlock), each added
 * only if it stays within its limit. Returns the keys whose sum did not fit.
 */
async function addUsage(db: Db, sums: readonly UsageSum[]): Promise<Set<string>> {
  const rows = sums.map(({ limit, amountFen, count }) => ({
    subject: limit.subject,
    day: limit.day,
    scope: limit.scope,
    amount_fen: amountFen,
    count,
    limit_fen: limit.limitFen,
  }));
  const added = await queryRows<{ subject: string; day: string; scope: string }>(
    db,
    sql`insert into payment_daily_usage as u (subject, day, scope, amount_fen, count)
        select r.subject, r.day, r.scope, r.amount_fen, r.count
        from json_to_recordset(${jsonRows(rows)})
             as r(subject text, day date, scope text, amount_fen bigint, count int, limit_fen bigint)
        order by r.subject, r.day, r.scope
        on conflict (subject, day, scope) do update
          set amount_fen = u.amount_fen + excluded.amount_fen, count = u.count + excluded.count
          where u.amount_fen + excluded.amount_fen <= (
            select l.limit_fen
            from json_to_recordset(${jsonRows(rows)})
                 as l(subject text, day date, scope text, limit_fen bigint)
            where l.subject = excluded.subject and l.day = excluded.day and l.scope = excluded.scope)
        returning u.subject, u.day::text as day, u.scope`,
  );
  const fitted = new Set(added.map((row) => `${row.subject}|${row.day}|${row.scope}`));
  return new Set(sums.map((sum) => usageKey(sum.limit)).filter((key) => !fitted.has(key)));
}

/**
 * Checks every limit of a batch of new payments and counts the accepted ones against the
 * day's usage, in the caller's transaction. Answers each payment with null (accepted) or the
 * refusal that says which limit, in words; a refused payment leaves no usage behind.
 *
 * The batch's payments are summed per day total and added in one statement; a total whose sum
 * does not fit is then taken payment by payment, in the batch's order, so that the ones that
 * still fit go through.
 */
export async function reserveLimits(
  db: Db,
  config: Config,
  subjects: readonly LimitSubject[],
): Promise<(AppError | null)[]> {
  const answers: (AppError | null)[] = [];
  const limitsPerPayment: DayLimit[][] = [];
  // A payer's earlier payments in this batch count towards the velocity rule too (also one a
  // day total refuses below: the rule errs on the strict side within a batch).
  const earlierOfPayer = new Map<string, number>();
  for (const [index, subject] of subjects.entries()) {
    const { payerRef } = subject;
    const earlier = payerRef ? (earlierOfPayer.get(payerRef) ?? 0) : 0;
    const limits = payerRef
      ? ((await velocityRefusal(db, config, payerRef, subject.at, earlier)) ??
        limitsOf(config, subject))
      : limitsOf(config, subject);
    if (payerRef && !(limits instanceof AppError)) earlierOfPayer.set(payerRef, earlier + 1);
    answers[index] = limits instanceof AppError ? limits : null;
    limitsPerPayment[index] = limits instanceof AppError ? [] : limits;
  }
  const sums = new Map<string, UsageSum>();
  for (const [index, subject] of subjects.entries()) {
    for (const limit of limitsPerPayment[index] ?? []) {
      const sum = sums.get(usageKey(limit)) ?? { limit, amountFen: 0, count: 0 };
      sum.amountFen += subject.amountFen;
      sum.count += 1;
      sums.set(usageKey(limit), sum);
    }
  }
  // A sum above its limit cannot fit whatever the usage was: its payments go one by one.
  const oneByOne = new Set<string>();
  for (const [key, sum] of sums) if (sum.amountFen > sum.limit.limitFen) oneByOne.add(key);
  for (const key of oneByOne) sums.delete(key);
  if (sums.size > 0) for (const key of await addUsage(db, [...sums.values()])) oneByOne.add(key);

  for (const [index, subject] of subjects.entries()) {
    const limits = limitsPerPayment[index] ?? [];
    const added = limits.filter((limit) => !oneByOne.has(usageKey(limit)));
    for (const limit of limits) {
      if (!oneByOne.has(usageKey(limit))) continue;
      const one = { limit, amountFen: subject.amountFen, count: 1 };
      if (one.amountFen <= limit.limitFen && (await addUsage(db, [one])).size === 0) {
        added.push(limit);
      } else {
        answers[index] = dayLimitRefusal(limit);
        break;
      }
    }
    // Refused on one total after counting on another (a static code's merchant and payer):
    // what it added is given back.
    if (answers[index]) {
      for (const limit of added) await subtractUsage(db, limit, subject.amountFen);
    }
  }
  return answers;
}

async function velocityRefusal(
  db: Db,
  config: Config,
  payerRef: string,
  at: Date,
  inThisBatch: number,
): Promise<AppError | null> {
  const [recent] = await db
    .select({ n: count() })
    .from(payments)
    .where(
      and(
        eq(payments.payerRef, payerRef),
        gt(payments.createdAt, new Date(at.getTime() - config.velocityWindowMs)),
      ),
    );
  if ((recent?.n ?? 0) + inThisBatch < config.velocityMax) return null;
  const seconds = Math.round(config.velocityWindowMs / 1000);
  return refused(
    'payer_velocity',
    `付款过于频繁：同一付款人 ${seconds} 秒内最多 ${config.velocityMax} 笔，请稍后再试`,
    `Too many payments: at most ${config.velocityMax} from one payer within ${seconds} seconds`,
  );
}

/** Takes a payment's amount off one day total (a refusal's or a failed payment's give-back). */
function subtractUsage(
  db: Db,
  usage: { subject: string; day: string; scope: 'all' | 'static' },
  amountFen: number,
) {
  return db
    .update(dailyUsage)
    .set({
      amountFen: sql`greatest(${dailyUsage.amountFen} - ${amountFen}, 0)`,
      count: sql`greatest(${dailyUsage.count} - 1, 0)`,
    })
    .where(
      and(
        eq(dailyUsage.subject, usage.subject),
        eq(dailyUsage.day, usage.day),
        eq(dailyUsage.scope, usage.scope),
      ),
    );
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
  await subtractUsage(
    db,
    { subject: `merchant:${payment.merchantId}`, day, scope: 'all' },
    payment.amountFen,
  );
  if (payment.codeKind === 'static' && payment.payerRef) {
    await subtractUsage(
      db,
      { subject: `payer:${payment.payerRef}`, day, scope: 'static' },
      payment.amountFen,
    );
  }
}
