import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser, type Session, signIn } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { createActiveMerchant, signInMerchant } from '../../../test/merchant-factories.js';
import {
  balanceOf,
  createPurchaser,
  deposit,
  purchaseForm,
  registerFarmer,
} from './farmer-test-support.js';

let testApp: TestApp;
let admin: Session;

/** A staff user of a demo branch with the operator role (settlement:run, farmer:read). */
async function operatorAt(nodeCode: string): Promise<Session> {
  const user = await createStaffUser(testApp.db, { nodeCode, roles: ['operator'] });
  return (await signIn(testApp, user.username)).session;
}

beforeAll(async () => {
  testApp = await createTestApp();
  admin = (await signIn(testApp, 'admin')).session;
});
afterAll(() => testApp.close());

describe('funding a purchaser', () => {
  it('credits the funds once per Idempotency-Key and audits it', async () => {
    const purchaser = await createPurchaser(testApp);
    const owner = await signInMerchant(testApp, purchaser.ownerMobile);
    expect(await balanceOf(owner)).toBe(0);

    const url = `/api/v1/merchants/${purchaser.id}/purchaser-funds/deposits`;
    const body = { amountFen: 5_000_000, reference: 'QD2026100800012' };
    const headers = { 'idempotency-key': `deposit-${purchaser.id}` };
    const first = await admin.request('POST', url, body, headers);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      merchantId: purchaser.id,
      amountFen: 5_000_000,
      currency: 'CNY',
      reference: 'QD2026100800012',
      balanceFen: 5_000_000,
    });
    const replay = await admin.request('POST', url, body, headers);
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json()).toEqual(first.json());
    const reused = await admin.request('POST', url, { ...body, amountFen: 1 }, headers);
    expect(reused.statusCode).toBe(422);
    expect(await balanceOf(owner)).toBe(5_000_000);

    // The same voucher keyed in again without the key is refused, not credited twice.
    const again = await admin.request('POST', url, body);
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: 'purchaser_deposit_exists',
      param: 'reference',
    });
    const second = await deposit(admin, purchaser.id, 250_000);
    expect(second.json().balanceFen).toBe(5_250_000);
    expect(await balanceOf(owner)).toBe(5_250_000);

    const audit = await admin.request('GET', `/api/v1/audit-events?targetId=${purchaser.id}`);
    const deposits = audit
      .json()
      .data.filter((e: { action: string }) => e.action === 'farmer.purchaser_funds_deposited');
    expect(deposits).toHaveLength(2);

    // The ledger agrees: two credits to the purchaser's funds, which sum to the balance.
    const statement = await admin.request(
      'GET',
      `/api/v1/ledger/accounts/${encodeURIComponent(`purchaser_funds:${purchaser.id}`)}/entries`,
    );
    expect(statement.statusCode).toBe(200);
    expect(statement.json().account.balanceFen).toBe(5_250_000);
    expect(statement.json().data.map((line: { creditFen: number }) => line.creditFen)).toEqual([
      250_000, 5_000_000,
    ]);
  });

  it('lets staff fund only purchasers of their branch subtree', async () => {
    const shinan = await createPurchaser(testApp, { nodeCode: 'QD010' });
    const laoshanOperator = await operatorAt('QD020');
    const outside = await deposit(laoshanOperator, shinan.id, 10_000);
    expect(outside.statusCode).toBe(404);
    const subBranchOperator = await operatorAt('QD011');
    expect((await deposit(subBranchOperator, shinan.id, 10_000)).statusCode).toBe(404);
    const shinanOperator = await operatorAt('QD010');
    const inside = await deposit(shinanOperator, shinan.id, 10_000);
    expect(inside.statusCode).toBe(201);
    const owner = await signInMerchant(testApp, shinan.ownerMobile);
    expect(await balanceOf(owner)).toBe(10_000);
  });

  it('refuses to fund a merchant that is not a produce purchaser, and merchants themselves', async () => {
    const shop = await createActiveMerchant(testApp, { kind: 'individual_business' });
    const refused = await deposit(admin, shop.id, 10_000);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('merchant_not_purchaser');

    const purchaser = await createPurchaser(testApp);
    const owner = await signInMerchant(testApp, purchaser.ownerMobile);
    const selfFunded = await deposit(owner, purchaser.id, 10_000);
    expect(selfFunded.statusCode).toBe(403);
    expect(await balanceOf(owner)).toBe(0);
  });
});

describe('purchase volume by region', () => {
  // A March long before the demo data, so only these purchases fall in the window.
  const window = 'from=2025-03-01&to=2025-03-31';

  async function purchaserWithPurchases(
    nodeCode: string,
    purchases: Array<{ regionCode: string; weightGrams: number; unitPriceFenPerKg: number }>,
  ) {
    const purchaser = await createPurchaser(testApp, { nodeCode });
    const owner = await signInMerchant(testApp, purchaser.ownerMobile);
    await deposit(admin, purchaser.id, 10_000_000);
    for (const { regionCode, ...priced } of purchases) {
      const farmer = await registerFarmer(owner, { regionCode });
      const reply = await owner.request(
        'POST',
        '/api/v1/portal/farmers/purchases',
        purchaseForm(farmer.id, { ...priced, recordedAt: '2025-03-15T02:00:00Z' }),
      );
      expect(reply.statusCode).toBe(201);
    }
  }

  beforeAll(async () => {
    // 市南支行's purchaser buys in 城阳区 and 平度市 (both 青岛市) and 莱山区 (烟台市).
    await purchaserWithPurchases('QD010', [
      { regionCode: '370214', weightGrams: 10_000, unitPriceFenPerKg: 100 },
      { regionCode: '370283', weightGrams: 20_000, unitPriceFenPerKg: 100 },
      { regionCode: '370613', weightGrams: 5_000, unitPriceFenPerKg: 100 },
    ]);
    // 崂山支行's purchaser buys in 城阳区 too.
    await purchaserWithPurchases('QD020', [
      { regionCode: '370214', weightGrams: 40_000, unitPriceFenPerKg: 100 },
    ]);
  });

  it('rolls the farmers’ counties up to city and province, for the branch’s purchasers only', async () => {
    const shinan = await operatorAt('QD010');
    const reply = await shinan.request('GET', `/api/v1/farmers/purchase-volume?${window}`);
    expect(reply.statusCode).toBe(200);
    const volume = reply.json();
    expect(volume.total).toEqual({ count: 3, amountFen: 3_500 });
    expect(volume.counties).toEqual([
      { code: '370283', name: '平度市', parentCode: '370200', count: 1, amountFen: 2_000 },
      { code: '370214', name: '城阳区', parentCode: '370200', count: 1, amountFen: 1_000 },
      { code: '370613', name: '莱山区', parentCode: '370600', count: 1, amountFen: 500 },
    ]);
    expect(volume.cities).toEqual([
      { code: '370200', name: '青岛市', parentCode: '370000', count: 2, amountFen: 3_000 },
      { code: '370600', name: '烟台市', parentCode: '370000', count: 1, amountFen: 500 },
    ]);
    expect(volume.provinces).toEqual([
      { code: '370000', name: '山东省', parentCode: null, count: 3, amountFen: 3_500 },
    ]);

    const laoshan = await operatorAt('QD020');
    const theirs = (
      await laoshan.request('GET', `/api/v1/farmers/purchase-volume?${window}`)
    ).json();
    expect(theirs.total).toEqual({ count: 1, amountFen: 4_000 });
    expect(theirs.counties).toEqual([
      { code: '370214', name: '城阳区', parentCode: '370200', count: 1, amountFen: 4_000 },
    ]);

    const headOffice = (
      await admin.request('GET', `/api/v1/farmers/purchase-volume?${window}`)
    ).json();
    expect(headOffice.total).toEqual({ count: 4, amountFen: 7_500 });
    expect(headOffice.counties[0]).toMatchObject({ code: '370214', count: 2, amountFen: 5_000 });
  });

  it('refuses a window that ends before it starts, and merchants', async () => {
    const backwards = await admin.request(
      'GET',
      '/api/v1/farmers/purchase-volume?from=2025-03-31&to=2025-03-01',
    );
    expect(backwards.statusCode).toBe(400);
    const purchaser = await createPurchaser(testApp);
    const owner = await signInMerchant(testApp, purchaser.ownerMobile);
    expect(
      (await owner.request('GET', `/api/v1/farmers/purchase-volume?${window}`)).statusCode,
    ).toBe(403);
  });
});
