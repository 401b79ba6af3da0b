import { and, eq, sql } from 'drizzle-orm';
import {
  depositPurchaserFunds,
  purchaseAmountFen,
  recordPurchase,
  registerFarmer,
} from '../modules/farmers/index.js';
import { merchants } from '../modules/merchants/index.js';
import { orgNodes } from '../modules/orgs/index.js';
import { permissionsOf } from '../platform/auth/permissions.js';
import type { Actor, Principal } from '../platform/auth/principal.js';
import { type Clock, ManualClock } from '../platform/clock.js';
import type { Encryptor } from '../platform/crypto/encryption.js';
import type { Db } from '../platform/db/database.js';
import { systemMeta } from '../platform/db/tables.js';
import { luhnCheckDigit } from '../platform/validation/bank-card.js';
import { residentIdCheckChar } from '../platform/validation/resident-id.js';

/**
 * The field purchases of the demo bank: the demo produce purchaser 惠农农产品收购 (崂山支行)
 * with three farmers of the villages around 城阳 and 即墨, 50,000 CNY paid in by the bank and a
 * few purchases of the last days. Everything goes through the module's own use cases, as the
 * purchaser's app and the bank's staff would do it, so the ledger and the payouts are real.
 *
 * The purchases' payouts are created here and sent to the core bank by the payouts sweeper once
 * the server runs (the seed has no core bank to call), so they show as paid a moment after
 * start. It runs once per database, marked by `demo_farmers_version` in system_meta.
 */

export const demoFarmersVersionKey = 'demo_farmers_version';
// 1: three farmers, a deposit and five purchases of 惠农农产品收购.
const demoFarmersVersion = 1;

export const demoPurchaserName = '惠农农产品收购';
export const demoPurchaserDepositFen = 5_000_000;

const dayMs = 86_400_000;
const hourMs = 3_600_000;

/** The farmers: first 17 characters of the ID and 18 digits of the card, completed below. */
const demoFarmers = [
  { name: '孙立民', id17: '37021419650312301', card18: '623170000012300451', regionCode: '370214' },
  { name: '高秀英', id17: '37021519700824302', card18: '623170000012300862', regionCode: '370215' },
  { name: '马长青', id17: '37021419781105303', card18: '622848000045600173', regionCode: '370214' },
] as const;

/** Purchases by farmer (index above), days before the seed and Beijing hour of the morning. */
const demoPurchases = [
  { farmer: 0, daysAgo: 3, hour: 7, produce: '白菜', weightGrams: 850_000, unitPriceFenPerKg: 80 },
  { farmer: 1, daysAgo: 2, hour: 8, produce: '土豆', weightGrams: 420_500, unitPriceFenPerKg: 150 },
  { farmer: 2, daysAgo: 2, hour: 9, produce: '大葱', weightGrams: 210_300, unitPriceFenPerKg: 260 },
  { farmer: 0, daysAgo: 1, hour: 6, produce: '白菜', weightGrams: 905_000, unitPriceFenPerKg: 85 },
  { farmer: 1, daysAgo: 0, hour: 7, produce: '苹果', weightGrams: 150_250, unitPriceFenPerKg: 520 },
] as const;

export async function isDemoFarmersSeeded(db: Db): Promise<boolean> {
  const [row] = await db.select().from(systemMeta).where(eq(systemMeta.key, demoFarmersVersionKey));
  return Number(row?.value ?? 0) >= demoFarmersVersion;
}

const systemActor: Actor = {
  userId: null,
  username: 'system',
  roles: [],
  orgNodeId: null,
  ip: null,
  requestId: null,
};

/** Who the use cases see: the purchaser's owner in the portal, head-office staff at the bank. */
function principalOf(
  realm: 'merchant' | 'staff',
  fields: { userId: string; merchantId?: string; scopePath?: string },
): Principal {
  const roles = realm === 'merchant' ? ['merchant_owner'] : ['admin'];
  return {
    userId: fields.userId,
    username: 'system',
    realm,
    roles,
    permissions: permissionsOf(roles),
    homeOrgNodeId: null,
    scopeOrgNodeId: null,
    scopePath: fields.scopePath ?? null,
    merchantId: fields.merchantId ?? null,
    storeId: null,
    sessionId: 'seed',
    csrfToken: '',
    mfaRequired: false,
    mfaPassed: true,
    mustChangePassword: false,
  };
}

/**
 * Seeds the demo field purchases, once; returns how many purchases it recorded (0 when they
 * were there already, or when the demo purchaser is not).
 */
export async function seedDemoFarmers(db: Db, clock: Clock, encryptor: Encryptor): Promise<number> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    // Two processes starting together on one PostgreSQL seed it once.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${demoFarmersVersionKey}))`);
    if (await isDemoFarmersSeeded(tx)) return 0;
    const [purchaser] = await tx
      .select()
      .from(merchants)
      .where(
        and(eq(merchants.shortName, demoPurchaserName), eq(merchants.kind, 'produce_purchaser')),
      );
    const [headOffice] = await tx.select().from(orgNodes).where(eq(orgNodes.code, 'QD000'));
    if (!purchaser?.ownerUserId || purchaser.status !== 'active' || !headOffice) return 0;

    const owner = {
      principal: principalOf('merchant', {
        userId: purchaser.ownerUserId,
        merchantId: purchaser.id,
      }),
      actor: systemActor,
    };
    const bank = {
      principal: principalOf('staff', { userId: 'system', scopePath: headOffice.path }),
      actor: systemActor,
    };
    // The bank's deposit and the registrations a week before the purchases.
    const at = new ManualClock(new Date(now.getTime() - 7 * dayMs));
    await depositPurchaserFunds(tx, { clock: at }, bank, purchaser.id, {
      amountFen: demoPurchaserDepositFen,
      reference: 'DEMO-HN-0001',
    });
    const farmerIds: string[] = [];
    for (const [index, farmer] of demoFarmers.entries()) {
      at.advance(hourMs);
      const registered = await registerFarmer(tx, { clock: at, encryptor }, owner, {
        name: farmer.name,
        idNumber: farmer.id17 + residentIdCheckChar(farmer.id17),
        accountNumber: farmer.card18 + luhnCheckDigit(farmer.card18),
        bankCode: farmer.card18.startsWith('6231') ? '314' : '103',
        regionCode: farmer.regionCode,
        mobile: `1390532${String(index + 1).padStart(4, '0')}`,
      });
      farmerIds.push(registered.id);
    }
    let recorded = 0;
    for (const [index, purchase] of demoPurchases.entries()) {
      // Midnight in Beijing of the purchase's day, then its hour of the morning.
      const dayStart = Math.floor((now.getTime() + 8 * hourMs) / dayMs) * dayMs - 8 * hourMs;
      const recordedAt = new Date(dayStart - purchase.daysAgo * dayMs + purchase.hour * hourMs);
      if (recordedAt > now) continue;
      // The app syncs a few minutes after the purchase, when the phone finds a signal.
      at.set(new Date(Math.min(recordedAt.getTime() + 5 * 60_000, now.getTime())));
      await recordPurchase(tx, { clock: at, encryptor }, owner.principal, {
        clientPurchaseId: `00000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`,
        farmerId: farmerIds[purchase.farmer] as string,
        produce: purchase.produce,
        weightGrams: purchase.weightGrams,
        unitPriceFenPerKg: purchase.unitPriceFenPerKg,
        amountFen: purchaseAmountFen(purchase.weightGrams, purchase.unitPriceFenPerKg),
        recordedAt: recordedAt.toISOString(),
      });
      recorded += 1;
    }
    await tx
      .insert(systemMeta)
      .values({ key: demoFarmersVersionKey, value: demoFarmersVersion, updatedAt: now })
      .onConflictDoUpdate({
        target: systemMeta.key,
        set: { value: demoFarmersVersion, updatedAt: now },
      });
    return recorded;
  });
}
