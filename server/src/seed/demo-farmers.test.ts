import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { createMerchantUserIn, signInMerchant } from '../../test/merchant-factories.js';
import { farmerPurchases, farmers } from '../modules/farmers/index.js';
import { merchants } from '../modules/merchants/index.js';
import { demoPurchaserDepositFen, demoPurchaserName, seedDemoFarmers } from './demo-farmers.js';

// The test template holds the demo bank without its history (global-setup), so this file seeds
// the field purchases on its own copy, at 10:00 in Shanghai.
const now = new Date('2026-01-20T02:00:00.000Z');

let testApp: TestApp;
let purchaserId: string;
let made: number;

beforeAll(async () => {
  testApp = await createTestApp();
  testApp.clock.set(now);
  made = await seedDemoFarmers(testApp.db, testApp.clock, testApp.encryptor);
  const [purchaser] = await testApp.db
    .select()
    .from(merchants)
    .where(eq(merchants.shortName, demoPurchaserName));
  purchaserId = purchaser?.id ?? '';
});
afterAll(() => testApp.close());

describe('demo field purchases', () => {
  it('gives the demo purchaser three farmers, its funds and purchases that are paid once the sweeper runs', async () => {
    expect(made).toBe(5);
    const theirFarmers = await testApp.db
      .select()
      .from(farmers)
      .where(eq(farmers.purchaserMerchantId, purchaserId));
    expect(theirFarmers).toHaveLength(3);

    // The owner of the demo purchaser sees them in the portal, as a manager would.
    const manager = await createMerchantUserIn(testApp, {
      merchantId: purchaserId,
      role: 'merchant_manager',
    });
    const session = await signInMerchant(testApp, manager.mobile);
    // The payouts are sent after start by the payouts sweeper; here it runs once.
    await testApp.jobs.runDue(50);
    const listed = (await session.request('GET', '/api/v1/portal/farmers/purchases')).json();
    expect(listed.data).toHaveLength(5);
    expect(listed.data.every((p: { payoutStatus: string }) => p.payoutStatus === 'paid')).toBe(
      true,
    );
    const spentFen = listed.data.reduce(
      (sum: number, p: { amountFen: number }) => sum + p.amountFen,
      0,
    );
    const balance = (await session.request('GET', '/api/v1/portal/farmers/balance')).json();
    expect(balance.balanceFen).toBe(demoPurchaserDepositFen - spentFen);
    expect(spentFen).toBeLessThan(demoPurchaserDepositFen);
  });

  it('adds nothing when seeded again', async () => {
    const before = (await testApp.db.select().from(farmerPurchases)).length;
    expect(await seedDemoFarmers(testApp.db, testApp.clock, testApp.encryptor)).toBe(0);
    expect((await testApp.db.select().from(farmerPurchases)).length).toBe(before);
  });
});
