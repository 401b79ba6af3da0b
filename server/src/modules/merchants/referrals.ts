import { and, desc, eq, inArray, isNotNull, lt, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Principal } from '../../platform/auth/principal.js';
import type { Db } from '../../platform/db/database.js';
import { pageQuerySchema, pageSchema, toPage } from '../../platform/pagination.js';
import { merchantVisibleTo } from './merchant-scope.js';
import { merchantStatuses, merchants } from './tables.js';

export const referralListQuerySchema = pageQuerySchema.extend({
  referrerMerchantId: z.string().optional(),
});

export const referralSchema = z.object({
  referrer: z.object({
    id: z.string(),
    shortName: z.string().nullable(),
    referralCode: z.string().nullable(),
  }),
  referred: z.object({
    id: z.string(),
    shortName: z.string().nullable(),
    status: z.enum(merchantStatuses),
    activatedAt: z.iso.datetime().nullable(),
  }),
});

export const referralPageSchema = pageSchema(referralSchema);

/**
 * Who referred whom, one row per referred merchant the caller may see, newest first. The
 * referrer is shown even when another branch serves it: its name and referral code are what
 * the referred merchant typed in, and the merchant detail already shows them.
 */
export async function listReferrals(
  db: Db,
  principal: Principal,
  query: z.infer<typeof referralListQuerySchema>,
): Promise<z.infer<typeof referralPageSchema>> {
  const filters: SQL[] = [
    isNotNull(merchants.referredByMerchantId),
    merchantVisibleTo(db, principal),
  ];
  if (query.referrerMerchantId)
    filters.push(eq(merchants.referredByMerchantId, query.referrerMerchantId));
  if (query.startingAfter) filters.push(lt(merchants.id, query.startingAfter));
  const rows = await db
    .select({
      id: merchants.id,
      shortName: merchants.shortName,
      status: merchants.status,
      activatedAt: merchants.activatedAt,
      referredByMerchantId: merchants.referredByMerchantId,
    })
    .from(merchants)
    .where(and(...filters))
    .orderBy(desc(merchants.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit);
  const referrerIds = [...new Set(page.data.map((row) => row.referredByMerchantId as string))];
  const referrers = referrerIds.length
    ? await db
        .select({
          id: merchants.id,
          shortName: merchants.shortName,
          referralCode: merchants.referralCode,
        })
        .from(merchants)
        .where(inArray(merchants.id, referrerIds))
    : [];
  const referrerById = new Map(referrers.map((referrer) => [referrer.id, referrer]));
  return {
    data: page.data.map((row) => {
      const referrerId = row.referredByMerchantId as string;
      return {
        referrer: referrerById.get(referrerId) ?? {
          id: referrerId,
          shortName: null,
          referralCode: null,
        },
        referred: {
          id: row.id,
          shortName: row.shortName,
          status: row.status,
          activatedAt: row.activatedAt?.toISOString() ?? null,
        },
      };
    }),
    hasMore: page.hasMore,
  };
}
