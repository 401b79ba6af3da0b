import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../../platform/auth/principal.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { recordAudit } from '../audit/index.js';
import { forgetFeeRates } from './fees.js';
import { cardTypes, channels, feePlanRates, feePlanRows } from './tables.js';

const rateSchema = z.object({
  channel: z.enum(channels),
  cardType: z.enum(['any', ...cardTypes]),
  rateBp: z.number().int().min(0).max(10_000),
  capFen: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).nullable(),
});

export const feePlanSchema = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  refundFee: z.enum(['pro_rata', 'kept']),
  rates: z.array(rateSchema),
  updatedAt: z.iso.datetime(),
});
export const feePlanListSchema = z.object({ data: z.array(feePlanSchema) });
export type FeePlanView = z.infer<typeof feePlanSchema>;

/**
 * A whole plan's rates at once: every channel must have a rate (cards one per card type), so a
 * plan can never be left without a price for a channel a merchant might use.
 */
export const updateFeePlanBodySchema = z.strictObject({
  refundFee: z.enum(['pro_rata', 'kept']),
  rates: z.array(rateSchema.strict()).min(1).max(20),
});
export type UpdateFeePlanBody = z.infer<typeof updateFeePlanBodySchema>;

export async function listFeePlans(db: Db): Promise<FeePlanView[]> {
  const plans = await db.select().from(feePlanRows).orderBy(asc(feePlanRows.code));
  const rates = await db.select().from(feePlanRates);
  return plans.map((plan) => ({
    code: plan.code,
    nameZh: plan.nameZh,
    nameEn: plan.nameEn,
    refundFee: plan.refundFee,
    updatedAt: plan.updatedAt.toISOString(),
    rates: rates
      .filter((rate) => rate.planCode === plan.code)
      .map(({ channel, cardType, rateBp, capFen }) => ({ channel, cardType, rateBp, capFen }))
      .sort((a, b) => `${a.channel}${a.cardType}`.localeCompare(`${b.channel}${b.cardType}`)),
  }));
}

function coverageErrors(rates: UpdateFeePlanBody['rates']) {
  const keys = rates.map((rate) => `${rate.channel}/${rate.cardType}`);
  const wanted = [
    ...channels.filter((channel) => channel !== 'card').map((channel) => `${channel}/any`),
    'card/debit',
    'card/credit',
  ];
  const missing = wanted.filter((key) => !keys.includes(key));
  const extra = keys.filter((key, index) => !wanted.includes(key) || keys.indexOf(key) !== index);
  return [
    ...missing.map((key) => ({
      param: 'rates',
      code: 'rate_missing',
      message: { zh: `缺少 ${key} 的费率`, en: `No rate for ${key}` },
    })),
    ...extra.map((key) => ({
      param: 'rates',
      code: 'rate_unexpected',
      message: { zh: `${key} 重复或不适用`, en: `${key} is repeated or does not apply` },
    })),
  ];
}

/**
 * Replaces a plan's rates, audited with before and after. New rates apply to payments that
 * succeed from now on; a payment keeps the fee it was charged, and its refunds return that fee.
 */
export async function updateFeePlan(
  tx: Db,
  clock: Clock,
  actor: Actor,
  code: string,
  body: UpdateFeePlanBody,
): Promise<FeePlanView> {
  const [plan] = await tx
    .select()
    .from(feePlanRows)
    .where(eq(feePlanRows.code, code))
    .for('update');
  if (!plan) throw new AppError('resource_not_found');
  const errors = coverageErrors(body.rates);
  if (errors.length > 0)
    throw new AppError('validation_failed', { param: 'rates', fieldErrors: errors });
  const before = (await listFeePlans(tx)).find((item) => item.code === code);
  forgetFeeRates();
  await tx.delete(feePlanRates).where(eq(feePlanRates.planCode, code));
  await tx.insert(feePlanRates).values(body.rates.map((rate) => ({ ...rate, planCode: code })));
  await tx
    .update(feePlanRows)
    .set({ refundFee: body.refundFee, updatedAt: clock.now() })
    .where(eq(feePlanRows.code, code));
  const after = (await listFeePlans(tx)).find((item) => item.code === code) as FeePlanView;
  await recordAudit(tx, clock, actor, {
    action: 'fee_plan.updated',
    targetType: 'fee_plan',
    targetId: code,
    scopePath: null,
    before: { refundFee: before?.refundFee, rates: before?.rates },
    after: { refundFee: after.refundFee, rates: after.rates },
  });
  return after;
}
