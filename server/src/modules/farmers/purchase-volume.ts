import { and, count, eq, inArray, sql } from 'drizzle-orm';
import type { Principal } from '../../platform/auth/principal.js';
import type { Db } from '../../platform/db/database.js';
import { merchants, merchantVisibleTo } from '../merchants/index.js';
import { findRegion } from '../orgs/index.js';
import { inDayRange } from './purchase-summary.js';
import type { DayRange, PurchaseVolume, RegionVolume } from './schemas.js';
import { farmerPurchases, farmers } from './tables.js';

type Level = 'province' | 'city' | 'county';

/**
 * Field purchase volume for the console: count and amount by the farmer's village, rolled up
 * from county to city and province (GB/T 2260), over a window of days. Staff see only the
 * purchases of purchasers in their branch subtree, wherever the farmers live: a branch pays
 * farmers across a county line. Every purchase counts, as in the purchaser's own summary.
 */
export async function purchaseVolume(
  db: Db,
  principal: Principal,
  range: DayRange,
): Promise<PurchaseVolume> {
  const byCounty = await db
    .select({
      regionCode: farmers.regionCode,
      count: count(),
      amountFen: sql`coalesce(sum(${farmerPurchases.amountFen}), 0)::bigint`.mapWith(Number),
    })
    .from(farmerPurchases)
    .innerJoin(farmers, eq(farmers.id, farmerPurchases.farmerId))
    .where(
      and(
        inDayRange(range),
        inArray(
          farmerPurchases.purchaserMerchantId,
          db.select({ id: merchants.id }).from(merchants).where(merchantVisibleTo(db, principal)),
        ),
      ),
    )
    .groupBy(farmers.regionCode);

  const levels: Record<Level, Map<string, RegionVolume>> = {
    province: new Map(),
    city: new Map(),
    county: new Map(),
  };
  const total = { count: 0, amountFen: 0 };
  for (const row of byCounty) {
    total.count += row.count;
    total.amountFen += row.amountFen;
    // Each division the village lies in gets the purchases: its county, city and province.
    for (let region = findRegion(row.regionCode); region; ) {
      const volumes = levels[region.level];
      const volume = volumes.get(region.code) ?? {
        code: region.code,
        name: region.name,
        parentCode: region.parentCode,
        count: 0,
        amountFen: 0,
      };
      volume.count += row.count;
      volume.amountFen += row.amountFen;
      volumes.set(region.code, volume);
      region = region.parentCode ? findRegion(region.parentCode) : undefined;
    }
  }
  const sorted = (volumes: Map<string, RegionVolume>) =>
    [...volumes.values()].sort((a, b) => b.amountFen - a.amountFen || a.code.localeCompare(b.code));
  return {
    from: range.from,
    to: range.to,
    total,
    provinces: sorted(levels.province),
    cities: sorted(levels.city),
    counties: sorted(levels.county),
  };
}
