import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser, type Session, signIn } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import {
  addBuyer,
  addMembership,
  createMarket,
  createMarketOperator,
  setMerchantStatus,
} from '../../../test/market-factories.js';
import { createActiveMerchant, signInMerchant } from '../../../test/merchant-factories.js';

let testApp: TestApp;
let admin: Session;
let shinanManager: Session;
let laoshanManager: Session;
let shinanOperator: Session;
let cap: number;

beforeAll(async () => {
  testApp = await createTestApp();
  cap = testApp.config.marketCommissionCapBp;
  admin = (await signIn(testApp, 'admin')).session;
  shinanManager = (await signIn(testApp, 'shinan.manager')).session;
  laoshanManager = (await signIn(testApp, 'laoshan.manager')).session;
  const operator = await createStaffUser(testApp.db, { nodeCode: 'QD011', roles: ['operator'] });
  shinanOperator = (await signIn(testApp, operator.username)).session;
});
afterAll(() => testApp.close());

async function auditOf(targetId: string) {
  const reply = await admin.request('GET', `/api/v1/audit-events?targetId=${targetId}`);
  expect(reply.statusCode).toBe(200);
  return reply.json().data as Array<{
    action: string;
    actor: { username: string };
    changes: Record<string, { before: unknown; after: unknown }>;
  }>;
}

describe('opening a market', () => {
  it('opens a market for an active operator of the branch, lists it and audits it', async () => {
    const operator = await createMarketOperator(testApp, {
      nodeCode: 'QD011',
      shortName: '城阳批发市场',
    });
    const reply = await shinanManager.request('POST', '/api/v1/markets', {
      operatorMerchantId: operator.id,
      name: '城阳蔬菜批发市场',
      kind: 'wholesale',
      commissionBp: 120,
    });
    expect(reply.statusCode).toBe(201);
    const market = reply.json();
    expect(market).toMatchObject({
      name: '城阳蔬菜批发市场',
      kind: 'wholesale',
      commissionBp: 120,
      status: 'open',
      operator: { id: operator.id, shortName: '城阳批发市场' },
      memberCount: 0,
    });
    expect(market.id).toMatch(/^mkt_/);

    const list = await shinanManager.request(
      'GET',
      `/api/v1/markets?operatorMerchantId=${operator.id}`,
    );
    expect(list.json()).toEqual({ data: [market], hasMore: false });

    const [event] = await auditOf(market.id);
    expect(event?.action).toBe('market.created');
    expect(event?.actor.username).toBe('shinan.manager');
    expect(event?.changes).toMatchObject({
      operatorMerchantId: { before: null, after: operator.id },
      commissionBp: { before: null, after: 120 },
      status: { before: null, after: 'open' },
    });
  });

  it('replays a repeated Idempotency-Key and opens one market', async () => {
    const operator = await createMarketOperator(testApp);
    const body = { operatorMerchantId: operator.id, name: '校园', kind: 'campus', commissionBp: 0 };
    const headers = { 'idempotency-key': `open-market-${operator.id}` };
    const first = await shinanManager.request('POST', '/api/v1/markets', body, headers);
    const second = await shinanManager.request('POST', '/api/v1/markets', body, headers);
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json()).toEqual(first.json());
    const list = await shinanManager.request(
      'GET',
      `/api/v1/markets?operatorMerchantId=${operator.id}`,
    );
    expect(list.json().data).toHaveLength(1);
  });

  it('takes a commission up to the bank’s cap and refuses one above it', async () => {
    const operator = await createMarketOperator(testApp);
    const open = (commissionBp: number) =>
      shinanManager.request('POST', '/api/v1/markets', {
        operatorMerchantId: operator.id,
        name: '产业园',
        kind: 'park',
        commissionBp,
      });
    const above = await open(cap + 1);
    expect(above.statusCode).toBe(400);
    expect(above.json().error).toMatchObject({
      code: 'commission_above_cap',
      param: 'commissionBp',
    });
    expect((await open(cap)).statusCode).toBe(201);
    const negative = await open(-1);
    expect(negative.statusCode).toBe(400);
    expect(negative.json().error.code).toBe('validation_failed');
    const fractional = await open(1.5);
    expect(fractional.json().error.code).toBe('validation_failed');
  });

  it('refuses a merchant that is not a market operator, or not active', async () => {
    const shop = await createActiveMerchant(testApp, { kind: 'individual_business' });
    const notOperator = await shinanManager.request('POST', '/api/v1/markets', {
      operatorMerchantId: shop.id,
      name: '市场',
      kind: 'wholesale',
      commissionBp: 10,
    });
    expect(notOperator.statusCode).toBe(409);
    expect(notOperator.json().error.code).toBe('not_a_market_operator');

    const held = await createMarketOperator(testApp);
    await setMerchantStatus(testApp, held.id, 'suspended');
    const suspended = await shinanManager.request('POST', '/api/v1/markets', {
      operatorMerchantId: held.id,
      name: '市场',
      kind: 'wholesale',
      commissionBp: 10,
    });
    expect(suspended.statusCode).toBe(409);
    expect(suspended.json().error.code).toBe('merchant_not_active');
  });

  it('gives 404 for an operator of another branch and 403 without market:write', async () => {
    const laoshanOperator = await createMarketOperator(testApp, { nodeCode: 'QD020' });
    const body = {
      operatorMerchantId: laoshanOperator.id,
      name: '崂山茶叶市场',
      kind: 'wholesale',
      commissionBp: 10,
    };
    const outside = await shinanManager.request('POST', '/api/v1/markets', body);
    expect(outside.statusCode).toBe(404);
    expect(outside.json().error.code).toBe('resource_not_found');

    const shinanOp = await createMarketOperator(testApp, { nodeCode: 'QD010' });
    const teller = await shinanOperator.request('POST', '/api/v1/markets', {
      ...body,
      operatorMerchantId: shinanOp.id,
    });
    expect(teller.statusCode).toBe(403);
    expect(teller.json().error.code).toBe('permission_denied');
  });

  it('rejects unknown fields and kinds', async () => {
    const operator = await createMarketOperator(testApp);
    const reply = await shinanManager.request('POST', '/api/v1/markets', {
      operatorMerchantId: operator.id,
      name: '市场',
      kind: 'bazaar',
      commissionBp: 10,
      status: 'closed',
    });
    expect(reply.statusCode).toBe(400);
    const params = reply.json().error.errors.map((error: { param: string }) => error.param);
    expect(params).toEqual(expect.arrayContaining(['kind', 'status']));
  });
});

describe('changing a market', () => {
  it('renames, changes the commission within the cap and closes, audited before and after', async () => {
    const operator = await createMarketOperator(testApp);
    const market = await createMarket(testApp, {
      operatorMerchantId: operator.id,
      name: '旧名',
      commissionBp: 50,
    });
    const tooHigh = await shinanManager.request('PATCH', `/api/v1/markets/${market.id}`, {
      commissionBp: cap + 1,
    });
    expect(tooHigh.statusCode).toBe(400);
    expect(tooHigh.json().error.code).toBe('commission_above_cap');

    const reply = await shinanManager.request('PATCH', `/api/v1/markets/${market.id}`, {
      name: '新名',
      commissionBp: 80,
      status: 'closed',
    });
    expect(reply.statusCode).toBe(200);
    expect(reply.json()).toMatchObject({ name: '新名', commissionBp: 80, status: 'closed' });

    const [event] = await auditOf(market.id);
    expect(event?.action).toBe('market.updated');
    expect(event?.changes).toEqual({
      name: { before: '旧名', after: '新名' },
      commissionBp: { before: 50, after: 80 },
      status: { before: 'open', after: 'closed' },
    });

    const empty = await shinanManager.request('PATCH', `/api/v1/markets/${market.id}`, {});
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe('validation_failed');
  });

  it('reopens a closed market only while its operator is active', async () => {
    const operator = await createMarketOperator(testApp);
    const market = await createMarket(testApp, {
      operatorMerchantId: operator.id,
      status: 'closed',
    });
    await setMerchantStatus(testApp, operator.id, 'suspended');
    const held = await shinanManager.request('PATCH', `/api/v1/markets/${market.id}`, {
      status: 'open',
    });
    expect(held.statusCode).toBe(409);
    expect(held.json().error.code).toBe('merchant_not_active');

    await setMerchantStatus(testApp, operator.id, 'active');
    const reopened = await shinanManager.request('PATCH', `/api/v1/markets/${market.id}`, {
      status: 'open',
    });
    expect(reopened.json().status).toBe('open');
  });
});

describe('reading markets', () => {
  it('shows members with their states, counts only accepted ones, and counts buyers', async () => {
    const operator = await createMarketOperator(testApp);
    const market = await createMarket(testApp, { operatorMerchantId: operator.id });
    const members = await Promise.all(
      (['accepted', 'accepted', 'requested', 'declined', 'left'] as const).map(async (status) => {
        const merchant = await createActiveMerchant(testApp, { nodeCode: 'QD020' });
        await addMembership(testApp, { marketId: market.id, merchantId: merchant.id, status });
        return { id: merchant.id, status };
      }),
    );
    await addBuyer(testApp, { marketId: market.id });
    await addBuyer(testApp, { marketId: market.id });

    const reply = await shinanManager.request('GET', `/api/v1/markets/${market.id}`);
    expect(reply.statusCode).toBe(200);
    const detail = reply.json();
    expect(detail).toMatchObject({ memberCount: 2, pendingRequests: 1, buyerCount: 2 });
    expect(
      detail.members.map((member: { merchant: { id: string }; status: string }) => ({
        id: member.merchant.id,
        status: member.status,
      })),
    ).toEqual(expect.arrayContaining(members));
    expect(detail.members).toHaveLength(5);
    expect(detail.members[0].merchant.status).toBe('active');

    const list = await shinanManager.request(
      'GET',
      `/api/v1/markets?operatorMerchantId=${operator.id}`,
    );
    expect(list.json().data[0].memberCount).toBe(2);
  });

  it('lists buyers masked', async () => {
    const operator = await createMarketOperator(testApp);
    const market = await createMarket(testApp, { operatorMerchantId: operator.id });
    const { idNumber } = await addBuyer(testApp, { marketId: market.id, name: '王小明' });
    const reply = await shinanManager.request('GET', `/api/v1/markets/${market.id}/buyers`);
    expect(reply.statusCode).toBe(200);
    const [buyer] = reply.json().data;
    expect(buyer.name).toBe('王*');
    expect(buyer.idNumber).toBe(`${idNumber.slice(0, 3)}***********${idNumber.slice(-4)}`);
    expect(buyer.accountNumber).toMatch(/^622848\*{9}\d{4}$/);
    expect(reply.body).not.toContain(idNumber);
  });

  it('pages the market list with a cursor, newest first', async () => {
    const operator = await createMarketOperator(testApp);
    const older = await createMarket(testApp, { operatorMerchantId: operator.id });
    testApp.clock.advance(1000);
    const newer = await createMarket(testApp, { operatorMerchantId: operator.id });
    const first = await shinanManager.request(
      'GET',
      `/api/v1/markets?operatorMerchantId=${operator.id}&limit=1`,
    );
    expect(first.json()).toMatchObject({ data: [{ id: newer.id }], hasMore: true });
    const second = await shinanManager.request(
      'GET',
      `/api/v1/markets?operatorMerchantId=${operator.id}&limit=1&startingAfter=${newer.id}`,
    );
    expect(second.json()).toMatchObject({ data: [{ id: older.id }], hasMore: false });
  });

  it('shows the markets a merchant belongs to, in several, and those it runs', async () => {
    const operatorA = await createMarketOperator(testApp);
    const operatorB = await createMarketOperator(testApp, { nodeCode: 'QD020' });
    const marketA = await createMarket(testApp, { operatorMerchantId: operatorA.id });
    const marketB = await createMarket(testApp, { operatorMerchantId: operatorB.id });
    const shop = await createActiveMerchant(testApp, { nodeCode: 'QD010' });
    await addMembership(testApp, { marketId: marketA.id, merchantId: shop.id, status: 'accepted' });
    await addMembership(testApp, {
      marketId: marketB.id,
      merchantId: shop.id,
      status: 'requested',
    });

    const reply = await shinanManager.request('GET', `/api/v1/merchants/${shop.id}/markets`);
    expect(reply.statusCode).toBe(200);
    const body = reply.json();
    expect(body.operated).toEqual([]);
    expect(
      body.memberships.map((m: { market: { id: string }; status: string }) => [
        m.market.id,
        m.status,
      ]),
    ).toEqual(
      expect.arrayContaining([
        [marketA.id, 'accepted'],
        [marketB.id, 'requested'],
      ]),
    );
    expect(body.memberships).toHaveLength(2);

    const runs = await shinanManager.request('GET', `/api/v1/merchants/${operatorA.id}/markets`);
    expect(runs.json().operated.map((m: { id: string }) => m.id)).toEqual([marketA.id]);
  });
});

describe('branch scoping', () => {
  it('gives staff of another branch 404 on a market whose operator is outside their subtree', async () => {
    const operator = await createMarketOperator(testApp, { nodeCode: 'QD010' });
    const market = await createMarket(testApp, { operatorMerchantId: operator.id });
    for (const [method, url, body] of [
      ['GET', `/api/v1/markets/${market.id}`, undefined],
      ['PATCH', `/api/v1/markets/${market.id}`, { name: '改名' }],
      ['GET', `/api/v1/markets/${market.id}/buyers`, undefined],
      ['GET', `/api/v1/merchants/${operator.id}/markets`, undefined],
    ] as const) {
      const reply = await laoshanManager.request(method, url, body);
      expect(reply.statusCode, `${method} ${url}`).toBe(404);
      expect(reply.json().error.code).toBe('resource_not_found');
    }
    const list = await laoshanManager.request(
      'GET',
      `/api/v1/markets?operatorMerchantId=${operator.id}`,
    );
    expect(list.json().data).toEqual([]);
    // The head office sees every branch's markets.
    expect((await admin.request('GET', `/api/v1/markets/${market.id}`)).statusCode).toBe(200);
    // The market was not renamed by the refused request.
    expect((await admin.request('GET', `/api/v1/markets/${market.id}`)).json().name).toBe(
      market.name,
    );
  });

  it('keeps merchant users out of the console’s market routes', async () => {
    const operator = await createMarketOperator(testApp);
    const owner = await signInMerchant(testApp, operator.ownerMobile);
    const reply = await owner.request('GET', '/api/v1/markets');
    expect(reply.statusCode).toBe(403);
    expect(reply.json().error.code).toBe('permission_denied');
  });
});
