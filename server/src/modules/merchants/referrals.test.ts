import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, signIn } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { createActiveMerchant, signInMerchant } from '../../../test/merchant-factories.js';
import { merchants } from './tables.js';

let testApp: TestApp;
let admin: Session;
let shinanManager: Session;
let laoshanManager: Session;
let referrer: { id: string; referralCode: string | null; shortName: string | null };
let referredShinan: string;
let referredLaoshan: string;
let referredLater: string;

async function referredBy(referrerId: string, nodeCode: string) {
  const merchant = await createActiveMerchant(testApp, { nodeCode });
  await testApp.db
    .update(merchants)
    .set({ referredByMerchantId: referrerId, referralCodeGiven: referrer.referralCode })
    .where(eq(merchants.id, merchant.id));
  return merchant.id;
}

beforeAll(async () => {
  testApp = await createTestApp();
  admin = (await signIn(testApp, 'admin')).session;
  shinanManager = (await signIn(testApp, 'shinan.manager')).session;
  laoshanManager = (await signIn(testApp, 'laoshan.manager')).session;
  const created = await createActiveMerchant(testApp, { nodeCode: 'QD010', shortName: '老王超市' });
  const [row] = await testApp.db
    .select({
      id: merchants.id,
      referralCode: merchants.referralCode,
      shortName: merchants.shortName,
    })
    .from(merchants)
    .where(eq(merchants.id, created.id));
  referrer = row as typeof referrer;
  referredShinan = await referredBy(referrer.id, 'QD011');
  testApp.clock.advance(1000);
  referredLaoshan = await referredBy(referrer.id, 'QD020');
  testApp.clock.advance(1000);
  referredLater = await referredBy(referrer.id, 'QD012');
  // A merchant nobody referred is not part of the view.
  await createActiveMerchant(testApp, { nodeCode: 'QD010' });
});
afterAll(() => testApp.close());

async function referredIds(session: Session, query = '') {
  const reply = await session.request(
    'GET',
    `/api/v1/referrals?referrerMerchantId=${referrer.id}&limit=100${query}`,
  );
  expect(reply.statusCode).toBe(200);
  return reply.json().data.map((row: { referred: { id: string } }) => row.referred.id);
}

describe('the referral view', () => {
  it('shows who referred whom, newest first', async () => {
    const reply = await admin.request('GET', `/api/v1/referrals?referrerMerchantId=${referrer.id}`);
    expect(reply.statusCode).toBe(200);
    const { data, hasMore } = reply.json();
    expect(hasMore).toBe(false);
    expect(data.map((row: { referred: { id: string } }) => row.referred.id)).toEqual([
      referredLater,
      referredLaoshan,
      referredShinan,
    ]);
    expect(data[0]).toEqual({
      referrer: {
        id: referrer.id,
        shortName: '老王超市',
        referralCode: referrer.referralCode,
      },
      referred: {
        id: referredLater,
        shortName: expect.any(String),
        status: 'active',
        activatedAt: expect.any(String),
      },
    });
  });

  it('lists only the referred merchants of the caller’s branch subtree', async () => {
    expect(await referredIds(shinanManager)).toEqual([referredLater, referredShinan]);
    // Laoshan sees its own merchant and who referred it, though the referrer is Shinan's.
    const reply = await laoshanManager.request(
      'GET',
      `/api/v1/referrals?referrerMerchantId=${referrer.id}`,
    );
    expect(reply.json().data).toEqual([
      expect.objectContaining({
        referrer: expect.objectContaining({ id: referrer.id }),
        referred: expect.objectContaining({ id: referredLaoshan }),
      }),
    ]);
  });

  it('pages with a cursor', async () => {
    const first = await admin.request(
      'GET',
      `/api/v1/referrals?referrerMerchantId=${referrer.id}&limit=2`,
    );
    expect(first.json().hasMore).toBe(true);
    expect(first.json().data).toHaveLength(2);
    expect(await referredIds(admin, `&startingAfter=${referredLaoshan}`)).toEqual([referredShinan]);
  });

  it('is not open to merchant users', async () => {
    const shop = await createActiveMerchant(testApp);
    const owner = await signInMerchant(testApp, shop.ownerMobile);
    const reply = await owner.request('GET', '/api/v1/referrals');
    expect(reply.statusCode).toBe(403);
  });
});
