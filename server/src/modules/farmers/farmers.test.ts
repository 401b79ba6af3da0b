import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, signIn } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { setMerchantStatus, validResidentId } from '../../../test/market-factories.js';
import {
  createActiveMerchant,
  createMerchantUserIn,
  signInMerchant,
} from '../../../test/merchant-factories.js';
import { luhnCheckDigit } from '../../platform/validation/bank-card.js';
import { residentIdCheckChar } from '../../platform/validation/resident-id.js';
import { createPurchaser, farmerForm } from './farmer-test-support.js';
import { farmers } from './tables.js';

let testApp: TestApp;
let admin: Session;
let owner: Session;
let purchaserId: string;

beforeAll(async () => {
  testApp = await createTestApp();
  admin = (await signIn(testApp, 'admin')).session;
  const purchaser = await createPurchaser(testApp);
  purchaserId = purchaser.id;
  owner = await signInMerchant(testApp, purchaser.ownerMobile);
});
afterAll(() => testApp.close());

function register(body: unknown, session = owner, headers?: Record<string, string>) {
  return session.request('POST', '/api/v1/portal/farmers', body, headers);
}

/** An ID number whose check character is wrong: the right one, changed. */
function withWrongCheckChar(id: string): string {
  const right = residentIdCheckChar(id.slice(0, 17));
  return `${id.slice(0, 17)}${right === '1' ? '2' : '1'}`;
}

describe('registering a farmer', () => {
  it('stores name, ID, card and mobile encrypted, replies masked and audits it masked', async () => {
    const form = farmerForm();
    const reply = await register(form);
    expect(reply.statusCode).toBe(201);
    const created = reply.json();
    expect(created).toMatchObject({
      purchaserMerchantId: purchaserId,
      name: '刘*',
      idNumber: `${form.idNumber.slice(0, 3)}***********${form.idNumber.slice(-4)}`,
      accountNumber: `${form.accountNumber.slice(0, 6)}*********${form.accountNumber.slice(-4)}`,
      accountLuhnOk: true,
      bankCode: '314',
      regionCode: '370214',
      regionName: '山东省 青岛市 城阳区',
      mobile: '139****5678',
      status: 'active',
    });
    for (const clear of [form.name, form.idNumber, form.accountNumber, form.mobile]) {
      expect(reply.body).not.toContain(clear);
    }

    const [row] = await testApp.db.select().from(farmers).where(eq(farmers.id, created.id));
    if (!row) throw new Error('farmer not stored');
    const stored = JSON.stringify(row);
    for (const clear of [form.name, form.idNumber, form.accountNumber, form.mobile]) {
      expect(stored).not.toContain(clear);
    }
    expect(testApp.encryptor.decrypt(row.nameEnc)).toBe(form.name);
    expect(testApp.encryptor.decrypt(row.idNumberEnc)).toBe(form.idNumber);
    expect(testApp.encryptor.decrypt(row.accountNumberEnc)).toBe(form.accountNumber);
    expect(testApp.encryptor.decrypt(row.mobileEnc ?? '')).toBe(form.mobile);

    const audit = await admin.request('GET', `/api/v1/audit-events?targetId=${created.id}`);
    const [event] = audit.json().data;
    expect(event.action).toBe('farmer.registered');
    expect(event.changes.personName.after).toBe('刘*');
    expect(event.changes.idNumber.after).toBe(created.idNumber);
    expect(event.changes.mobile.after).toBe('139****5678');
    for (const clear of [form.name, form.idNumber, form.accountNumber, form.mobile]) {
      expect(JSON.stringify(event)).not.toContain(clear);
    }

    const list = await owner.request('GET', '/api/v1/portal/farmers');
    expect(list.statusCode).toBe(200);
    expect(list.json().data[0]).toEqual(created);
  });

  it('refuses an ID number with a wrong check character', async () => {
    const reply = await register(farmerForm({ idNumber: withWrongCheckChar(validResidentId()) }));
    expect(reply.statusCode).toBe(400);
    expect(reply.json().error).toMatchObject({
      code: 'validation_failed',
      param: 'idNumber',
      errors: [{ param: 'idNumber', code: 'id_check_digit', message: expect.any(String) }],
    });
  });

  it('refuses a region code that names no division, and one that is only a city', async () => {
    const unknown = await register(farmerForm({ regionCode: '379999' }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.errors).toEqual([
      expect.objectContaining({ param: 'regionCode', code: 'region_unknown' }),
    ]);
    const city = await register(farmerForm({ regionCode: '370200' }), owner, {
      'accept-language': 'en',
    });
    expect(city.statusCode).toBe(400);
    const [error] = city.json().error.errors;
    expect(error).toMatchObject({ param: 'regionCode', code: 'region_too_coarse' });
    expect(error.message).toMatch(/county/);
  });

  it('accepts a card that fails Luhn and flags it', async () => {
    const partial = '621700000012345678';
    const wrongDigit = String((Number(luhnCheckDigit(partial)) + 1) % 10);
    const reply = await register(farmerForm({ accountNumber: `${partial}${wrongDigit}` }));
    expect(reply.statusCode).toBe(201);
    expect(reply.json().accountLuhnOk).toBe(false);
  });

  it('reports every field problem in one reply, Chinese first', async () => {
    const reply = await register({
      name: ' ',
      idNumber: '3702021985',
      accountNumber: '12345',
      bankCode: '999',
      regionCode: '',
      mobile: '12345',
    });
    expect(reply.statusCode).toBe(400);
    const errors = reply.json().error.errors as Array<{ param: string; code: string }>;
    expect(errors.map((e) => [e.param, e.code])).toEqual([
      ['name', 'required'],
      ['idNumber', 'id_format'],
      ['accountNumber', 'account_format'],
      ['bankCode', 'bank_unknown'],
      ['regionCode', 'required'],
      ['mobile', 'mobile_format'],
    ]);
    expect(reply.json().error.errors[5].message).toBe('手机号码应为 11 位，以 1 开头');
  });

  it('refuses the same person twice for one purchaser, naming the farmer already registered', async () => {
    const idNumber = validResidentId();
    const first = await register(farmerForm({ idNumber, name: '孙桂芝' }));
    expect(first.statusCode).toBe(201);
    const again = await register(farmerForm({ idNumber, name: '孙桂枝' }));
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'farmer_exists', param: 'idNumber' });
    expect(again.json().error.errors[0].message).toContain(first.json().id);
    expect(again.json().error.errors[0].message).toContain('孙*');

    // Another purchaser may pay the same farmer.
    const other = await createPurchaser(testApp);
    const otherOwner = await signInMerchant(testApp, other.ownerMobile);
    expect((await register(farmerForm({ idNumber }), otherOwner)).statusCode).toBe(201);
  });

  it('replays a repeated Idempotency-Key instead of reporting a duplicate', async () => {
    const form = farmerForm();
    const headers = { 'idempotency-key': `farmer-${form.idNumber}` };
    const first = await register(form, owner, headers);
    const second = await register(form, owner, headers);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json()).toEqual(first.json());
  });
});

describe('who may register farmers', () => {
  it('refuses a merchant that is not a produce purchaser, with its own code', async () => {
    const shop = await createActiveMerchant(testApp, { kind: 'individual_business' });
    const shopOwner = await signInMerchant(testApp, shop.ownerMobile);
    const reply = await register(farmerForm(), shopOwner);
    expect(reply.statusCode).toBe(403);
    expect(reply.json().error.code).toBe('merchant_not_purchaser');
    const list = await shopOwner.request('GET', '/api/v1/portal/farmers');
    expect(list.json().error.code).toBe('merchant_not_purchaser');
  });

  it('refuses a suspended purchaser, which still sees its farmers', async () => {
    const held = await createPurchaser(testApp);
    const heldOwner = await signInMerchant(testApp, held.ownerMobile);
    expect((await register(farmerForm(), heldOwner)).statusCode).toBe(201);
    await setMerchantStatus(testApp, held.id, 'suspended');
    const reply = await register(farmerForm(), heldOwner);
    expect(reply.statusCode).toBe(409);
    expect(reply.json().error.code).toBe('merchant_not_active');
    const list = await heldOwner.request('GET', '/api/v1/portal/farmers');
    expect(list.json().data).toHaveLength(1);
  });

  it('lets a manager register farmers but not a cashier', async () => {
    const manager = await createMerchantUserIn(testApp, {
      merchantId: purchaserId,
      role: 'merchant_manager',
    });
    const managerSession = await signInMerchant(testApp, manager.mobile);
    expect((await register(farmerForm(), managerSession)).statusCode).toBe(201);
    const cashier = await createMerchantUserIn(testApp, {
      merchantId: purchaserId,
      role: 'merchant_cashier',
    });
    const cashierSession = await signInMerchant(testApp, cashier.mobile);
    expect((await register(farmerForm(), cashierSession)).statusCode).toBe(403);
  });

  it('shows a purchaser only its own farmers', async () => {
    const other = await createPurchaser(testApp);
    const otherOwner = await signInMerchant(testApp, other.ownerMobile);
    await register(farmerForm(), otherOwner);
    const mine = (await owner.request('GET', '/api/v1/portal/farmers?limit=100')).json().data;
    expect(mine.length).toBeGreaterThan(0);
    expect(
      mine.every((f: { purchaserMerchantId: string }) => f.purchaserMerchantId === purchaserId),
    ).toBe(true);
  });
});

describe('the API reference', () => {
  it('documents the farmer routes, and not the farmer’s receipt page', async () => {
    const reply = await testApp.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(reply.statusCode).toBe(200);
    const paths = Object.keys(reply.json().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/portal/farmers',
        '/api/v1/portal/farmers/purchases',
        '/api/v1/portal/farmers/purchases/summary',
        '/api/v1/portal/farmers/balance',
        '/api/v1/merchants/{merchantId}/purchaser-funds/deposits',
        '/api/v1/farmers/purchase-volume',
      ]),
    );
    expect(paths.some((path) => path.startsWith('/r/'))).toBe(false);
  });
});
