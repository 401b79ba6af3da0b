import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser, type Session, signIn } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import {
  createActiveMerchant,
  createMerchantUserIn,
  signInMerchant,
} from '../../../test/merchant-factories.js';
import { auditEvents } from '../audit/tables.js';
import { merchants } from './tables.js';

let testApp: TestApp;
let shinan: Session;
let laoshan: Session;
let merchantA: Awaited<ReturnType<typeof createActiveMerchant>>;
let merchantB: Awaited<ReturnType<typeof createActiveMerchant>>;

const newStore = {
  name: '香港中路分店',
  regionCode: '370202',
  address: '香港中路 100 号',
  hours: '周一至周五 08:00-21:00',
};

beforeAll(async () => {
  testApp = await createTestApp();
  const shinanOperator = await createStaffUser(testApp.db, {
    nodeCode: 'QD010',
    roles: ['operator'],
  });
  const laoshanOperator = await createStaffUser(testApp.db, {
    nodeCode: 'QD020',
    roles: ['operator'],
  });
  shinan = (await signIn(testApp, shinanOperator.username)).session;
  laoshan = (await signIn(testApp, laoshanOperator.username)).session;
  merchantA = await createActiveMerchant(testApp, { nodeCode: 'QD010' });
  merchantB = await createActiveMerchant(testApp, { nodeCode: 'QD010' });
});

afterAll(() => testApp.close());

async function auditActions(targetId: string): Promise<string[]> {
  const rows = await testApp.db
    .select({ action: auditEvents.action })
    .from(auditEvents)
    .where(eq(auditEvents.targetId, targetId));
  return rows.map((row) => row.action);
}

describe('stores in the bank console', () => {
  it('lists the merchant’s stores and opens a new one, audited', async () => {
    const url = `/api/v1/merchants/${merchantA.id}/stores`;
    const before = await shinan.request('GET', url);
    expect(before.statusCode).toBe(200);
    expect(before.json().data.map((store: { id: string }) => store.id)).toEqual([
      merchantA.storeId,
    ]);

    const created = await shinan.request('POST', url, newStore);
    expect(created.statusCode).toBe(201);
    const store = created.json();
    expect(store).toMatchObject({
      ...newStore,
      merchantId: merchantA.id,
      status: 'open',
      regionName: '山东省 青岛市 市南区',
    });
    expect(store.id).toMatch(/^sto_/);
    const after = await shinan.request('GET', url);
    expect(after.json().data.map((row: { id: string }) => row.id)).toEqual([
      merchantA.storeId,
      store.id,
    ]);
    expect(await auditActions(store.id)).toEqual(['store.created']);
  });

  it('edits a store and audits what changed', async () => {
    const url = `/api/v1/merchants/${merchantA.id}/stores/${merchantA.storeId}`;
    const reply = await shinan.request('PATCH', url, { status: 'closed', hours: '24 小时营业' });
    expect(reply.statusCode).toBe(200);
    expect(reply.json()).toMatchObject({ status: 'closed', hours: '24 小时营业' });
    const [event] = await testApp.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.targetId, merchantA.storeId), eq(auditEvents.action, 'store.updated')),
      );
    expect(event?.changes).toEqual({
      status: { before: 'open', after: 'closed' },
      hours: { before: '08:00-21:00', after: '24 小时营业' },
    });
    await shinan.request('PATCH', url, { status: 'open' });
  });

  it('takes the region down to a county and hours of one short line', async () => {
    const url = `/api/v1/merchants/${merchantA.id}/stores`;
    const city = await shinan.request('POST', url, { ...newStore, regionCode: '370200' });
    expect(city.statusCode).toBe(400);
    expect(city.json().error).toMatchObject({ code: 'validation_failed', param: 'regionCode' });
    const unknown = await shinan.request('POST', url, { ...newStore, regionCode: '379999' });
    expect(unknown.json().error.param).toBe('regionCode');
    const longHours = await shinan.request('POST', url, { ...newStore, hours: 'x'.repeat(41) });
    expect(longHours.statusCode).toBe(400);
    expect(longHours.json().error.param).toBe('hours');
    const twoLines = await shinan.request('POST', url, { ...newStore, hours: '8:00\n21:00' });
    expect(twoLines.json().error.param).toBe('hours');
    const stray = await shinan.request('POST', url, { ...newStore, colour: 'red' });
    expect(stray.statusCode).toBe(400);
  });

  it('answers 404 to staff of another branch, on read and on write', async () => {
    const url = `/api/v1/merchants/${merchantA.id}/stores`;
    for (const reply of [
      await laoshan.request('GET', url),
      await laoshan.request('POST', url, newStore),
      await laoshan.request('PATCH', `${url}/${merchantA.storeId}`, { name: '改名' }),
    ]) {
      expect(reply.statusCode).toBe(404);
      expect(reply.json().error.code).toBe('resource_not_found');
    }
  });

  it('answers 404 for a store of another merchant under this merchant’s id', async () => {
    const reply = await shinan.request(
      'PATCH',
      `/api/v1/merchants/${merchantA.id}/stores/${merchantB.storeId}`,
      { name: '改名' },
    );
    expect(reply.statusCode).toBe(404);
  });

  it('refuses new stores for a closed merchant', async () => {
    const closed = await createActiveMerchant(testApp, { nodeCode: 'QD010' });
    await testApp.db.update(merchants).set({ status: 'closed' }).where(eq(merchants.id, closed.id));
    const reply = await shinan.request('POST', `/api/v1/merchants/${closed.id}/stores`, newStore);
    expect(reply.statusCode).toBe(409);
    expect(reply.json().error.code).toBe('merchant_not_active');
    // Reading the stores of a closed merchant still works: the record stays.
    expect((await shinan.request('GET', `/api/v1/merchants/${closed.id}/stores`)).statusCode).toBe(
      200,
    );
  });
});

describe('stores in the merchant portal', () => {
  it('lets a manager open and edit stores but not manage users', async () => {
    const manager = await createMerchantUserIn(testApp, {
      merchantId: merchantA.id,
      role: 'merchant_manager',
    });
    const session = await signInMerchant(testApp, manager.mobile);
    const created = await session.request('POST', '/api/v1/portal/stores', {
      ...newStore,
      name: '台东分店',
      regionCode: '370203',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ merchantId: merchantA.id, name: '台东分店' });
    const edited = await session.request('PATCH', `/api/v1/portal/stores/${created.json().id}`, {
      address: '台东一路 1 号',
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().address).toBe('台东一路 1 号');
    expect(await auditActions(created.json().id)).toEqual(['store.created', 'store.updated']);
    // The bank sees the store the merchant opened.
    const seen = await shinan.request('GET', `/api/v1/merchants/${merchantA.id}/stores`);
    expect(seen.json().data.map((store: { id: string }) => store.id)).toContain(created.json().id);

    const users = await session.request('GET', '/api/v1/portal/users');
    expect(users.statusCode).toBe(403);
    expect(users.json().error.code).toBe('permission_denied');
    const add = await session.request('POST', '/api/v1/portal/users', {
      displayName: '收银 小王',
      mobile: '13912345678',
      role: 'merchant_cashier',
      storeId: merchantA.storeId,
    });
    expect(add.json().error.code).toBe('permission_denied');
  });

  it('shows a cashier only their own store, read-only', async () => {
    const cashier = await createMerchantUserIn(testApp, {
      merchantId: merchantA.id,
      role: 'merchant_cashier',
      storeId: merchantA.storeId,
    });
    const session = await signInMerchant(testApp, cashier.mobile);
    const list = await session.request('GET', '/api/v1/portal/stores');
    expect(list.statusCode).toBe(200);
    expect(list.json().data.map((store: { id: string }) => store.id)).toEqual([merchantA.storeId]);
    const add = await session.request('POST', '/api/v1/portal/stores', newStore);
    expect(add.statusCode).toBe(403);
    expect(add.json().error.code).toBe('permission_denied');
  });

  it('keeps each merchant to its own stores', async () => {
    const ownerB = await signInMerchant(testApp, merchantB.ownerMobile);
    const list = await ownerB.request('GET', '/api/v1/portal/stores');
    expect(list.json().data.map((store: { id: string }) => store.id)).toEqual([merchantB.storeId]);
    const patch = await ownerB.request('PATCH', `/api/v1/portal/stores/${merchantA.storeId}`, {
      name: '被改名',
    });
    expect(patch.statusCode).toBe(404);
    expect(patch.json().error.code).toBe('resource_not_found');
    // Bank routes are not for merchant users: no merchant:read permission.
    const staffRoute = await ownerB.request('GET', `/api/v1/merchants/${merchantA.id}/stores`);
    expect(staffRoute.statusCode).toBe(403);
  });

  it('replays a store creation sent twice with the same Idempotency-Key', async () => {
    const owner = await signInMerchant(testApp, merchantB.ownerMobile);
    const body = { ...newStore, name: '重复提交店' };
    const headers = { 'idempotency-key': 'store-create-1' };
    const first = await owner.request('POST', '/api/v1/portal/stores', body, headers);
    const second = await owner.request('POST', '/api/v1/portal/stores', body, headers);
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json().id).toBe(first.json().id);
    const list = await owner.request('GET', '/api/v1/portal/stores');
    expect(
      list.json().data.filter((store: { name: string }) => store.name === '重复提交店'),
    ).toHaveLength(1);
  });
});
