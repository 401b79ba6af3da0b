import { and, asc, count, desc, eq, gte, lte, type SQL, sql } from 'drizzle-orm';
import type { Principal } from '../../platform/auth/principal.js';
import type { Encryptor } from '../../platform/crypto/encryption.js';
import type { Db } from '../../platform/db/database.js';
import { maskedFarmerName } from './farmers.js';
import { callerPurchaser } from './purchaser-scope.js';
import type { DayRange, PurchaseSummary } from './schemas.js';
import { farmerPurchases, farmers } from './tables.js';

/** Sums of a group of purchases; bigint sums come back as text, read as safe integers. */
const totals = {
  count: count(),
  weightGrams: sql`coalesce(sum(${farmerPurchases.weightGrams}), 0)::bigint`.mapWith(Number),
  amountFen: sql`coalesce(sum(${farmerPurchases.amountFen}), 0)::bigint`.mapWith(Number),
};

/** The farmers paid most are listed; a purchaser with more sees the rest in the purchase list. */
export const maxFarmersListed = 500;

/** The purchases of the days of a window, both ends included, by the day on the device. */
export function inDayRange(range: DayRange): SQL {
  return and(
    gte(farmerPurchases.purchaseDay, range.from),
    lte(farmerPurchases.purchaseDay, range.to),
  ) as SQL;
}

/**
 * What a purchaser bought over a window of days: in total, by day, by farmer (masked name) and
 * by produce, each with count, weight and amount. Every purchase counts, paid or not: the
 * produce was bought either way, and a failed payment is still owed to the farmer.
 */
export async function purchaseSummary(
  db: Db,
  encryptor: Encryptor,
  principal: Principal,
  range: DayRange,
): Promise<PurchaseSummary> {
  const purchaser = await callerPurchaser(db, principal);
  const where = and(eq(farmerPurchases.purchaserMerchantId, purchaser.id), inDayRange(range));
  const [total] = await db.select(totals).from(farmerPurchases).where(where);
  const byDay = await db
    .select({ day: farmerPurchases.purchaseDay, ...totals })
    .from(farmerPurchases)
    .where(where)
    .groupBy(farmerPurchases.purchaseDay)
    .orderBy(asc(farmerPurchases.purchaseDay));
  const byFarmer = await db
    .select({ farmerId: farmers.id, nameEnc: farmers.nameEnc, ...totals })
    .from(farmerPurchases)
    .innerJoin(farmers, eq(farmers.id, farmerPurchases.farmerId))
    .where(where)
    .groupBy(farmers.id, farmers.nameEnc)
    .orderBy(desc(totals.amountFen), asc(farmers.id))
    .limit(maxFarmersListed);
  const byProduce = await db
    .select({ produce: farmerPurchases.produce, ...totals })
    .from(farmerPurchases)
    .where(where)
    .groupBy(farmerPurchases.produce)
    .orderBy(desc(totals.amountFen), asc(farmerPurchases.produce));
  return {
    from: range.from,
    to: range.to,
    total: total ?? { count: 0, weightGrams: 0, amountFen: 0 },
    byDay,
    byFarmer: byFarmer.map(({ nameEnc, ...row }) => ({
      ...row,
      farmerName: maskedFarmerName(encryptor, { nameEnc }),
    })),
    byProduce,
  };
}
