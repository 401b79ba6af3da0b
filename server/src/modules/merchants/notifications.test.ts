import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import {
  createActiveMerchant,
  createMerchantUserIn,
  signInMerchant,
} from '../../../test/merchant-factories.js';
import { type NotificationKind, notifyMerchant } from './notify-merchant.js';

let testApp: TestApp;
let merchantA: Awaited<ReturnType<typeof createActiveMerchant>>;
let merchantB: Awaited<ReturnType<typeof createActiveMerchant>>;
let ownerA: Session;
const idsA: string[] = [];
let idB: string;

type NotificationView = { id: string; kind: string; params: object; readAt: string | null };

async function notify(merchantId: string, kind: NotificationKind, params = {}) {
  testApp.clock.advance(1_000);
  await testApp.db.transaction((tx) => notifyMerchant(tx, testApp, { merchantId, kind, params }));
}

beforeAll(async () => {
  testApp = await createTestApp();
  merchantA = await createActiveMerchant(testApp, { nodeCode: 'QD010' });
  merchantB = await createActiveMerchant(testApp, { nodeCode: 'QD020' });
  await notify(merchantA.id, 'merchant_suspended');
  await notify(merchantA.id, 'merchant_reinstated');
  await notify(merchantA.id, 'market_join_accepted', { marketName: '城阳蔬菜批发市场' });
  await notify(merchantB.id, 'merchant_reinstated');
  ownerA = await signInMerchant(testApp, merchantA.ownerMobile);
  const all = (await ownerA.request('GET', '/api/v1/portal/notifications')).json();
  idsA.push(...all.data.map((row: NotificationView) => row.id));
  const ownerB = await signInMerchant(testApp, merchantB.ownerMobile);
  idB = (await ownerB.request('GET', '/api/v1/portal/notifications')).json().data[0].id;
});

afterAll(() => testApp.close());

describe('merchant notifications', () => {
  it('lists the merchant’s own notifications newest first, with the unread count', async () => {
    const reply = await ownerA.request('GET', '/api/v1/portal/notifications');
    expect(reply.statusCode).toBe(200);
    const page = reply.json();
    expect(page.data.map((row: NotificationView) => row.kind)).toEqual([
      'market_join_accepted',
      'merchant_reinstated',
      'merchant_suspended',
    ]);
    expect(page.data[0].params).toEqual({ marketName: '城阳蔬菜批发市场' });
    expect(page).toMatchObject({ hasMore: false, unreadCount: 3 });
    expect(idsA).not.toContain(idB);
  });

  it('pages with limit and startingAfter', async () => {
    const first = (await ownerA.request('GET', '/api/v1/portal/notifications?limit=2')).json();
    expect(first.data.map((row: NotificationView) => row.id)).toEqual(idsA.slice(0, 2));
    expect(first.hasMore).toBe(true);
    const second = (
      await ownerA.request(
        'GET',
        `/api/v1/portal/notifications?limit=2&startingAfter=${first.data[1].id}`,
      )
    ).json();
    expect(second.data.map((row: NotificationView) => row.id)).toEqual(idsA.slice(2));
    expect(second).toMatchObject({ hasMore: false, unreadCount: 3 });
  });

  it('marks one read, keeps the first read time, and filters the unread', async () => {
    const url = `/api/v1/portal/notifications/${idsA[1]}/read`;
    const read = await ownerA.request('POST', url);
    expect(read.statusCode).toBe(200);
    const readAt = read.json().readAt;
    expect(readAt).toBe(testApp.clock.now().toISOString());
    testApp.clock.advance(5_000);
    expect((await ownerA.request('POST', url)).json().readAt).toBe(readAt);

    const unread = (await ownerA.request('GET', '/api/v1/portal/notifications?unread=true')).json();
    expect(unread.data.map((row: NotificationView) => row.id)).toEqual([idsA[0], idsA[2]]);
    expect(unread.unreadCount).toBe(2);
  });

  it('is shared by every user of the merchant, cashiers included', async () => {
    const cashier = await createMerchantUserIn(testApp, {
      merchantId: merchantA.id,
      role: 'merchant_cashier',
      storeId: merchantA.storeId,
    });
    const session = await signInMerchant(testApp, cashier.mobile);
    const page = (await session.request('GET', '/api/v1/portal/notifications')).json();
    expect(page.data.map((row: NotificationView) => row.id)).toEqual(idsA);
    expect(page.unreadCount).toBe(2);
  });

  it('answers 404 for another merchant’s notification and leaves it unread', async () => {
    const reply = await ownerA.request('POST', `/api/v1/portal/notifications/${idB}/read`);
    expect(reply.statusCode).toBe(404);
    const ownerB = await signInMerchant(testApp, merchantB.ownerMobile);
    const page = (await ownerB.request('GET', '/api/v1/portal/notifications')).json();
    expect(page.data[0].readAt).toBeNull();
    expect(page.unreadCount).toBe(1);
  });
});
