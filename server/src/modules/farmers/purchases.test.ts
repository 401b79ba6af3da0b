import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, signIn } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { signInMerchant } from '../../../test/merchant-factories.js';
import { simulatedPayeeAccount } from '../../simulators/index.js';
import {
  balanceOf,
  createPurchaser,
  deposit,
  purchaseForm,
  registerFarmer,
} from './farmer-test-support.js';

let testApp: TestApp;
let admin: Session;
let owner: Session;
let farmerId: string;

beforeAll(async () => {
  testApp = await createTestApp();
  admin = (await signIn(testApp, 'admin')).session;
  const purchaser = await createPurchaser(testApp);
  owner = await signInMerchant(testApp, purchaser.ownerMobile);
  farmerId = (await registerFarmer(owner)).id;
  expect((await deposit(admin, purchaser.id, 1_000_000)).statusCode).toBe(201);
});
afterAll(() => testApp.close());

function record(body: unknown, session = owner) {
  return session.request('POST', '/api/v1/portal/farmers/purchases', body);
}

/** What the simulated core bank has booked so far, over every payee. */
function bankBookings() {
  return testApp.simulators.corebank.engine.bookedTotals();
}

describe('paying a farmer for a purchase', () => {
  it('pays at once from the funds and answers the purchase with its receipt', async () => {
    const before = await balanceOf(owner);
    const booked = bankBookings();
    const form = purchaseForm(farmerId, { weightGrams: 12_345, unitPriceFenPerKg: 350 });
    const reply = await record(form);
    expect(reply.statusCode).toBe(201);
    expect(reply.json()).toMatchObject({
      clientPurchaseId: form.clientPurchaseId,
      farmerId,
      farmerName: '刘*',
      produce: '苹果',
      weightGrams: 12_345,
      unitPriceFenPerKg: 350,
      // 12.345 kg × 3.50 = 43.2075, half up to 43.21.
      amountFen: 4_321,
      purchaseDay: '2026-10-08',
      payoutStatus: 'paid',
      payoutFailureReason: null,
      receiptUrl: expect.stringMatching(/\/r\/f\/[A-Za-z0-9_-]{32}$/),
    });
    expect(await balanceOf(owner)).toBe(before - 4_321);
    expect(bankBookings()).toEqual({ count: booked.count + 1, totalFen: booked.totalFen + 4_321 });
  });

  it('pays once when the app syncs the same purchase five times in a row', async () => {
    const before = await balanceOf(owner);
    const booked = bankBookings();
    const form = purchaseForm(farmerId, { weightGrams: 2_000, unitPriceFenPerKg: 500 });
    const replies = [];
    for (let sync = 0; sync < 5; sync += 1) replies.push(await record(form));
    expect(replies.map((reply) => reply.statusCode)).toEqual([201, 200, 200, 200, 200]);
    const ids = new Set(replies.map((reply) => reply.json().id));
    expect(ids.size).toBe(1);
    expect(replies.every((reply) => reply.json().payoutStatus === 'paid')).toBe(true);
    expect(await balanceOf(owner)).toBe(before - 1_000);
    expect(bankBookings()).toEqual({ count: booked.count + 1, totalFen: booked.totalFen + 1_000 });
  });

  it('pays once when the app syncs the same purchase five times at once', async () => {
    const before = await balanceOf(owner);
    const booked = bankBookings();
    const form = purchaseForm(farmerId, { weightGrams: 3_000, unitPriceFenPerKg: 700 });
    const replies = await Promise.all(Array.from({ length: 5 }, () => record(form)));
    const statuses = replies.map((reply) => reply.statusCode).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(replies.map((reply) => reply.json().id)).size).toBe(1);
    expect(await balanceOf(owner)).toBe(before - 2_100);
    expect(bankBookings()).toEqual({ count: booked.count + 1, totalFen: booked.totalFen + 2_100 });
    const listed = await owner.request(
      'GET',
      `/api/v1/portal/farmers/purchases?limit=100&day=2026-10-08`,
    );
    const sameClientId = listed
      .json()
      .data.filter(
        (p: { clientPurchaseId: string }) => p.clientPurchaseId === form.clientPurchaseId,
      );
    expect(sameClientId).toHaveLength(1);
    expect(sameClientId[0].payoutStatus).toBe('paid');
  });

  it('refuses the same client id with other content, and pays nothing more', async () => {
    const form = purchaseForm(farmerId, { weightGrams: 1_000, unitPriceFenPerKg: 300 });
    expect((await record(form)).statusCode).toBe(201);
    const before = await balanceOf(owner);
    const changed = purchaseForm(farmerId, {
      clientPurchaseId: form.clientPurchaseId,
      weightGrams: 1_100,
      unitPriceFenPerKg: 300,
    });
    const reply = await record(changed);
    expect(reply.statusCode).toBe(409);
    expect(reply.json().error).toMatchObject({
      code: 'farmer_purchase_conflict',
      param: 'clientPurchaseId',
    });
    expect(await balanceOf(owner)).toBe(before);
  });

  it('refuses an amount that weight and unit price do not give, naming amountFen', async () => {
    // 1.5 kg at 0.01 a kilogram is 1.5 fen, which rounds half up to 2.
    const reply = await record(
      purchaseForm(farmerId, { weightGrams: 1_500, unitPriceFenPerKg: 1, amountFen: 1 }),
    );
    expect(reply.statusCode).toBe(400);
    expect(reply.json().error).toMatchObject({
      code: 'validation_failed',
      param: 'amountFen',
      errors: [{ param: 'amountFen', code: 'amount_mismatch' }],
    });
    expect(reply.json().error.errors[0].message).toContain('0.02 元');
    const rounded = await record(
      purchaseForm(farmerId, { weightGrams: 1_500, unitPriceFenPerKg: 1, amountFen: 2 }),
    );
    expect(rounded.statusCode).toBe(201);
  });

  it('refuses a purchase the funds cannot cover and writes nothing', async () => {
    const poor = await createPurchaser(testApp);
    const poorOwner = await signInMerchant(testApp, poor.ownerMobile);
    const poorFarmer = await registerFarmer(poorOwner);
    expect(await balanceOf(poorOwner)).toBe(0);
    await deposit(admin, poor.id, 500);
    const booked = bankBookings();
    const reply = await record(
      purchaseForm(poorFarmer.id, { weightGrams: 1_000, unitPriceFenPerKg: 501 }),
      poorOwner,
    );
    expect(reply.statusCode).toBe(409);
    expect(reply.json().error.code).toBe('insufficient_balance');
    expect(await balanceOf(poorOwner)).toBe(500);
    const listed = await poorOwner.request('GET', '/api/v1/portal/farmers/purchases');
    expect(listed.json().data).toEqual([]);
    expect(bankBookings()).toEqual(booked);
  });

  it('shows a refused payment as failed with the bank’s reason and gives the money back', async () => {
    const closedCard = await registerFarmer(owner, {
      accountNumber: simulatedPayeeAccount('account_closed'),
    });
    const before = await balanceOf(owner);
    const reply = await record(purchaseForm(closedCard.id, { weightGrams: 5_000 }));
    expect(reply.statusCode).toBe(201);
    expect(reply.json()).toMatchObject({
      payoutStatus: 'failed',
      payoutFailureCode: 'account_closed',
      payoutFailureReason: '账户已销户',
    });
    expect(await balanceOf(owner)).toBe(before);
  });

  it('refuses to pay another purchaser’s farmer', async () => {
    const other = await createPurchaser(testApp);
    const otherOwner = await signInMerchant(testApp, other.ownerMobile);
    await deposit(admin, other.id, 100_000);
    const reply = await record(purchaseForm(farmerId), otherOwner);
    expect(reply.statusCode).toBe(404);
    expect(reply.json().error).toMatchObject({ code: 'resource_not_found', param: 'farmerId' });
  });
});

describe('the purchaser’s views', () => {
  it('lists purchases by day, farmer and produce, and sums them', async () => {
    const viewer = await createPurchaser(testApp);
    const viewerOwner = await signInMerchant(testApp, viewer.ownerMobile);
    await deposit(admin, viewer.id, 1_000_000);
    const wang = await registerFarmer(viewerOwner, { name: '王秀兰' });
    const zhao = await registerFarmer(viewerOwner, { name: '赵大山' });
    // 23:30 in Beijing on 5 October is still the 5th; 00:30 on the 6th is the next day.
    await record(
      purchaseForm(wang.id, {
        produce: '苹果',
        weightGrams: 10_000,
        unitPriceFenPerKg: 400,
        recordedAt: '2026-10-05T15:30:00Z',
      }),
      viewerOwner,
    );
    await record(
      purchaseForm(wang.id, {
        produce: '梨',
        weightGrams: 5_000,
        unitPriceFenPerKg: 300,
        recordedAt: '2026-10-05T16:30:00Z',
      }),
      viewerOwner,
    );
    await record(
      purchaseForm(zhao.id, {
        produce: '苹果',
        weightGrams: 2_500,
        unitPriceFenPerKg: 400,
        recordedAt: '2026-10-06T02:00:00+08:00',
      }),
      viewerOwner,
    );

    const all = (await viewerOwner.request('GET', '/api/v1/portal/farmers/purchases')).json();
    expect(
      all.data.map((p: { farmerName: string; produce: string }) => p.farmerName + p.produce),
    ).toEqual(['赵*苹果', '王*梨', '王*苹果']);
    const ofDay = await viewerOwner.request(
      'GET',
      '/api/v1/portal/farmers/purchases?day=2026-10-06',
    );
    // Newest first: 赵's purchase was synced last.
    expect(ofDay.json().data.map((p: { farmerName: string }) => p.farmerName)).toEqual([
      '赵*',
      '王*',
    ]);
    const ofFarmer = await viewerOwner.request(
      'GET',
      `/api/v1/portal/farmers/purchases?farmerId=${zhao.id}`,
    );
    expect(ofFarmer.json().data).toHaveLength(1);
    const ofProduce = await viewerOwner.request(
      'GET',
      `/api/v1/portal/farmers/purchases?produce=${encodeURIComponent('苹果')}&limit=1`,
    );
    expect(ofProduce.json()).toMatchObject({ data: [{ farmerName: '赵*' }], hasMore: true });

    const summary = await viewerOwner.request(
      'GET',
      '/api/v1/portal/farmers/purchases/summary?from=2026-10-01&to=2026-10-31',
    );
    expect(summary.statusCode).toBe(200);
    expect(summary.json()).toEqual({
      from: '2026-10-01',
      to: '2026-10-31',
      total: { count: 3, weightGrams: 17_500, amountFen: 6_500 },
      byDay: [
        { day: '2026-10-05', count: 1, weightGrams: 10_000, amountFen: 4_000 },
        { day: '2026-10-06', count: 2, weightGrams: 7_500, amountFen: 2_500 },
      ],
      byFarmer: [
        { farmerId: wang.id, farmerName: '王*', count: 2, weightGrams: 15_000, amountFen: 5_500 },
        { farmerId: zhao.id, farmerName: '赵*', count: 1, weightGrams: 2_500, amountFen: 1_000 },
      ],
      byProduce: [
        { produce: '苹果', count: 2, weightGrams: 12_500, amountFen: 5_000 },
        { produce: '梨', count: 1, weightGrams: 5_000, amountFen: 1_500 },
      ],
    });
    expect(await balanceOf(viewerOwner)).toBe(1_000_000 - 6_500);
  });
});
