import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser, type Session, signIn } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import {
  completeApplication,
  createActiveMerchant,
  createMerchantUserIn,
  documentUpload,
  signInMerchant,
  tinyPng,
  validAccountNumber,
} from '../../../test/merchant-factories.js';
import { collectByCode } from '../../../test/payment-factories.js';
import { newId } from '../../platform/ids.js';
import { marketMemberships, markets } from '../markets/tables.js';
import { merchantNotifications, settlementAccountChanges } from './tables.js';

/**
 * The object-level authorisation matrix: for every route that names a merchant's thing by id,
 * a caller who may not see that merchant gets a 404, exactly as if it did not exist. The routes
 * are walked from the app, so a new route is in the matrix the day it is added; one the matrix
 * cannot call (no sample body below) fails instead of passing silently.
 */
let testApp: TestApp;
/** Merchant A lives in 市南 (QD010); the callers are Laoshan staff and merchant B's owner. */
const a = {} as {
  applicationId: string;
  token: string;
  documentId: string;
  merchantId: string;
  storeId: string;
  userId: string;
  marketId: string;
  membershipId: string;
  notificationId: string;
  changeId: string;
  paymentId: string;
  apiKeyId: string;
};
let laoshanStaff: Session;
let shinanStaff: Session;
let merchantB: Session;
let applicantB: string;

const sampleBodies: Record<string, unknown> = {
  'PATCH /api/v1/merchants/:id': { address: '香港中路 9 号' },
  'POST /api/v1/merchants/:id/review': { outcome: 'reject', reason: '测试越权' },
  'POST /api/v1/merchants/:id/suspend': { reason: '测试越权' },
  'POST /api/v1/merchants/:id/reinstate': { reason: '测试越权' },
  'POST /api/v1/merchants/:id/close': { reason: '测试越权' },
  'POST /api/v1/merchants/:id/reveal': { field: 'mobile', reason: '测试越权访问' },
  'POST /api/v1/merchants/:id/stores': {
    name: '越权门店',
    regionCode: '370202',
    address: '香港中路 1 号',
    hours: '08:00-20:00',
  },
  'PATCH /api/v1/merchants/:id/stores/:storeId': { name: '越权改名' },
  'PATCH /api/v1/markets/:id': { name: '越权改名' },
  'PATCH /api/v1/portal/stores/:storeId': { name: '越权改名' },
  'PATCH /api/v1/portal/users/:userId': { displayName: '越权改名' },
  'POST /api/v1/portal/markets/:marketId/buyers': {
    name: '越权采购',
    idNumber: '11010519491231002X',
    accountNumber: validAccountNumber(),
    bankCode: '314',
  },
  'PATCH /api/v1/applications/:id': { address: '香港中路 9 号' },
  'POST /api/v1/payments/:id/refunds': { amountFen: 1 },
  'PUT /api/v1/merchants/:id/settlement-terms': { cycle: 'd0', d0PremiumBp: 10 },
  'POST /api/v1/merchants/:merchantId/purchaser-funds/deposits': {
    amountFen: 100,
    reference: '越权入金',
  },
  'POST /api/v1/applications/:id/owner-password': { password: 'Sneaky-Pass-2026' },
};

beforeAll(async () => {
  testApp = await createTestApp();
  const { db, clock } = testApp;
  // A's application, with a document, as the H5 applicant made it.
  const created = await testApp.app.inject({
    method: 'POST',
    url: '/api/v1/applications',
    payload: completeApplication(),
  });
  a.applicationId = created.json().application.id;
  a.token = created.json().applicantToken;
  const upload = documentUpload('id_front', tinyPng);
  const document = await testApp.app.inject({
    method: 'POST',
    url: `/api/v1/applications/${a.applicationId}/documents`,
    payload: upload.payload,
    headers: { ...upload.headers, 'x-applicant-token': a.token },
  });
  a.documentId = document.json().id;
  const applicationB = await testApp.app.inject({
    method: 'POST',
    url: '/api/v1/applications',
    payload: { kind: 'micro' },
  });
  applicantB = applicationB.json().applicantToken;

  // A as an active market operator with a store, a cashier, a market with a member, a
  // notification and a pending account change.
  const merchantA = await createActiveMerchant(testApp, { kind: 'market_operator' });
  a.merchantId = merchantA.id;
  a.storeId = merchantA.storeId;
  a.userId = (
    await createMerchantUserIn(testApp, {
      merchantId: a.merchantId,
      role: 'merchant_cashier',
      storeId: a.storeId,
    })
  ).userId;
  const member = await createActiveMerchant(testApp);
  const now = clock.now();
  a.marketId = newId('market');
  await db.insert(markets).values({
    id: a.marketId,
    operatorMerchantId: a.merchantId,
    name: '市南批发市场',
    kind: 'wholesale',
    commissionBp: 50,
    status: 'open',
    createdAt: now,
    updatedAt: now,
  });
  a.membershipId = newId('membership');
  await db.insert(marketMemberships).values({
    id: a.membershipId,
    marketId: a.marketId,
    merchantId: member.id,
    status: 'requested',
    requestedAt: now,
  });
  a.notificationId = newId('notification');
  await db.insert(merchantNotifications).values({
    id: a.notificationId,
    merchantId: a.merchantId,
    kind: 'merchant_approved',
    params: {},
    createdAt: now,
  });
  a.changeId = newId('accountChange');
  await db.insert(settlementAccountChanges).values({
    id: a.changeId,
    merchantId: a.merchantId,
    status: 'pending',
    accountName: '市南批发市场',
    accountNumberEnc: testApp.encryptor.encrypt(validAccountNumber()),
    bankCode: '314',
    requestedByUserId: merchantA.owner.userId,
    requestedAt: now,
    effectiveAt: new Date(now.getTime() + 86_400_000),
  });

  // A's owner takes a payment and makes an API key.
  const ownerA = await signInMerchant(testApp, merchantA.ownerMobile);
  a.paymentId = (await collectByCode(ownerA, a.storeId, 1_000)).json().id;
  a.apiKeyId = (
    await ownerA.request('POST', '/api/v1/portal/api-keys', { name: 'ERP' })
  ).json().key.id;

  // Laoshan staff hold every merchant permission there is, for their own subtree.
  const laoshan = await createStaffUser(db, {
    nodeCode: 'QD020',
    roles: ['branch_manager', 'risk', 'auditor'],
  });
  laoshanStaff = (await signIn(testApp, laoshan.username)).session;
  const shinan = await createStaffUser(db, { nodeCode: 'QD010', roles: ['auditor', 'risk'] });
  shinanStaff = (await signIn(testApp, shinan.username)).session;
  const merchantBRecord = await createActiveMerchant(testApp, {
    nodeCode: 'QD010',
    kind: 'market_operator',
  });
  merchantB = await signInMerchant(testApp, merchantBRecord.ownerMobile);
});

afterAll(() => testApp.close());

/** Fills a route pattern's parameters with A's ids. */
function urlFor(pattern: string): string {
  const onMarket = pattern.startsWith('/api/v1/markets/');
  const onApplication = pattern.startsWith('/api/v1/applications/');
  const onNotification = pattern.startsWith('/api/v1/portal/notifications/');
  const onPayment = pattern.startsWith('/api/v1/payments/');
  const onApiKey = pattern.startsWith('/api/v1/portal/api-keys/');
  const values: Record<string, string> = {
    id: onMarket
      ? a.marketId
      : onApplication
        ? a.applicationId
        : onNotification
          ? a.notificationId
          : onPayment
            ? a.paymentId
            : onApiKey
              ? a.apiKeyId
              : pattern.includes('/documents')
                ? a.applicationId
                : a.merchantId,
    file: 'qr.png',
    documentId: a.documentId,
    storeId: a.storeId,
    userId: a.userId,
    marketId: a.marketId,
    membershipId: a.membershipId,
    changeId: a.changeId,
    merchantId: a.merchantId,
    // Settlement dates name A's own line only together with the caller's merchant.
    date: '2026-11-24',
  };
  return pattern.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = values[name];
    if (!value) throw new Error(`The matrix has no value for :${name} in ${pattern}`);
    return value;
  });
}

function routesUnder(prefixes: string[], withParamsOnly: boolean) {
  return testApp.routes
    .flatMap((route) =>
      (Array.isArray(route.method) ? route.method : [route.method])
        .filter((method) => method !== 'HEAD')
        .map((method) => ({ method, url: route.url })),
    )
    .filter((route) => prefixes.some((prefix) => route.url.startsWith(prefix)))
    .filter((route) => !withParamsOnly || route.url.includes(':'));
}

async function call(session: Session, route: { method: string; url: string }) {
  const key = `${route.method} ${route.url}`;
  if (route.url.endsWith('/documents') && route.method === 'POST') {
    const upload = documentUpload('storefront', tinyPng);
    return session.request('POST', urlFor(route.url), upload.payload, upload.headers);
  }
  return session.request(route.method as 'GET', urlFor(route.url), sampleBodies[key]);
}

describe('object-level authorisation matrix', () => {
  it('gives staff of another branch a 404 on every route naming a merchant, market or payment', async () => {
    const routes = routesUnder(
      ['/api/v1/merchants/:id', '/api/v1/markets/:id', '/api/v1/payments/:id'],
      true,
    );
    expect(routes.length).toBeGreaterThan(20);
    const leaks: string[] = [];
    for (const route of routes) {
      const reply = await call(laoshanStaff, route);
      if (reply.statusCode !== 404)
        leaks.push(`${route.method} ${route.url} → ${reply.statusCode}`);
    }
    expect(leaks).toEqual([]);
  });

  it('the same routes answer the merchant’s own branch (the 404s are about scope)', async () => {
    for (const path of [
      `/api/v1/merchants/${a.merchantId}`,
      `/api/v1/merchants/${a.merchantId}/stores`,
      `/api/v1/merchants/${a.applicationId}/documents/${a.documentId}`,
      `/api/v1/markets/${a.marketId}`,
      `/api/v1/payments/${a.paymentId}`,
      `/api/v1/payments/${a.paymentId}/journals`,
    ]) {
      expect((await shinanStaff.request('GET', path)).statusCode).toBe(200);
    }
  });

  it('gives another merchant a 404 on every route naming A’s payment', async () => {
    const leaks: string[] = [];
    for (const route of routesUnder(['/api/v1/payments/:id'], true)) {
      const reply = await call(merchantB, route);
      if (reply.statusCode !== 404)
        leaks.push(`${route.method} ${route.url} → ${reply.statusCode}`);
    }
    expect(leaks).toEqual([]);
  });

  it('keeps A’s payments out of another branch’s and another merchant’s searches', async () => {
    for (const session of [laoshanStaff, merchantB]) {
      const listed = await session.request('GET', '/api/v1/payments?limit=100');
      expect(JSON.stringify(listed.json())).not.toContain(a.paymentId);
      const byId = await session.request('GET', `/api/v1/payments?q=${a.paymentId}`);
      expect(byId.json().data).toEqual([]);
    }
    const own = await shinanStaff.request('GET', `/api/v1/payments?q=${a.paymentId}`);
    expect(own.json().data.map((payment: { id: string }) => payment.id)).toEqual([a.paymentId]);
  });

  it('keeps another branch’s merchants out of lists, searches, exports and referrals', async () => {
    const listed = await laoshanStaff.request('GET', '/api/v1/merchants?limit=100&q=测试商户');
    expect(listed.json().data.map((m: { id: string }) => m.id)).not.toContain(a.merchantId);
    const byId = await laoshanStaff.request('GET', `/api/v1/merchants?limit=100&q=${a.merchantId}`);
    expect(byId.json().data).toEqual([]);
    const exported = await laoshanStaff.request('GET', '/api/v1/merchants/export.xlsx');
    expect(exported.rawPayload.includes(Buffer.from(a.merchantId))).toBe(false);
    const marketsList = await laoshanStaff.request('GET', '/api/v1/markets?limit=100');
    expect(JSON.stringify(marketsList.json())).not.toContain(a.marketId);
    const referrals = await laoshanStaff.request('GET', '/api/v1/referrals?limit=100');
    expect(JSON.stringify(referrals.json())).not.toContain(a.merchantId);
  });

  it('gives another merchant a 404 on every portal route naming A’s things', async () => {
    const routes = routesUnder(['/api/v1/portal/'], true);
    expect(routes.length).toBeGreaterThan(8);
    const leaks: string[] = [];
    for (const route of routes) {
      // Joining someone's market is what a merchant may do; its members are not theirs to see.
      if (route.url.endsWith('/join')) continue;
      const reply = await call(merchantB, route);
      if (reply.statusCode !== 404)
        leaks.push(`${route.method} ${route.url} → ${reply.statusCode}`);
    }
    expect(leaks).toEqual([]);
  });

  it('shows a merchant only its own things in the portal lists', async () => {
    for (const path of [
      '/api/v1/portal/stores',
      '/api/v1/portal/users',
      '/api/v1/portal/notifications',
      '/api/v1/portal/markets',
      '/api/v1/portal/merchant',
    ]) {
      const body = JSON.stringify((await merchantB.request('GET', path)).json());
      for (const id of [a.merchantId, a.storeId, a.userId, a.notificationId, a.membershipId]) {
        expect(body, path).not.toContain(id);
      }
    }
  });

  it('keeps merchant users off every staff route', async () => {
    for (const route of routesUnder(
      ['/api/v1/merchants', '/api/v1/markets', '/api/v1/referrals'],
      false,
    )) {
      const reply = await call(merchantB, route);
      expect([403, 404], `${route.method} ${route.url}`).toContain(reply.statusCode);
      if (reply.statusCode === 404) expect(route.url).toContain(':');
    }
  });

  it('gives an applicant a 404 on every route of another application', async () => {
    const routes = routesUnder(['/api/v1/applications/:id'], true);
    expect(routes.length).toBeGreaterThanOrEqual(6);
    for (const route of routes) {
      const upload = documentUpload('storefront', tinyPng);
      const isUpload = route.method === 'POST' && route.url.endsWith('/documents');
      const reply = await testApp.app.inject({
        method: route.method as 'GET',
        url: urlFor(route.url),
        headers: { 'x-applicant-token': applicantB, ...(isUpload ? upload.headers : {}) },
        ...(isUpload
          ? { payload: upload.payload }
          : sampleBodies[`${route.method} ${route.url}`]
            ? { payload: sampleBodies[`${route.method} ${route.url}`] as object }
            : {}),
      });
      expect(reply.statusCode, `${route.method} ${route.url}`).toBe(404);
    }
  });
});
