import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, signIn } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import {
  addMembership,
  createMarket,
  createMarketOperator,
  setMerchantStatus,
} from '../../../test/market-factories.js';
import {
  createActiveMerchant,
  createMerchantUserIn,
  signInMerchant,
} from '../../../test/merchant-factories.js';
import { merchantNotifications } from '../merchants/tables.js';
import type { MarketRow } from './tables.js';

let testApp: TestApp;
let admin: Session;

/** A merchant with its owner logged in to the portal. */
type PortalMerchant = { id: string; owner: Session };

async function portalMerchant(kind: 'operator' | 'shop', nodeCode = 'QD010') {
  const merchant =
    kind === 'operator'
      ? await createMarketOperator(testApp, { nodeCode })
      : await createActiveMerchant(testApp, { nodeCode });
  return { id: merchant.id, owner: await signInMerchant(testApp, merchant.ownerMobile) };
}

let operatorA: PortalMerchant;
let operatorB: PortalMerchant;
let marketA: MarketRow;
let marketB: MarketRow;
let closedB: MarketRow;

beforeAll(async () => {
  testApp = await createTestApp();
  admin = (await signIn(testApp, 'admin')).session;
  operatorA = await portalMerchant('operator');
  operatorB = await portalMerchant('operator', 'QD020');
  marketA = await createMarket(testApp, { operatorMerchantId: operatorA.id, name: '东方批发市场' });
  marketB = await createMarket(testApp, { operatorMerchantId: operatorB.id, name: '崂山农贸市场' });
  closedB = await createMarket(testApp, {
    operatorMerchantId: operatorB.id,
    name: '已关闭市场',
    status: 'closed',
  });
});
afterAll(() => testApp.close());

async function notificationsOf(merchantId: string) {
  return testApp.db
    .select()
    .from(merchantNotifications)
    .where(eq(merchantNotifications.merchantId, merchantId));
}

async function auditOf(targetId: string) {
  const reply = await admin.request('GET', `/api/v1/audit-events?targetId=${targetId}`);
  return reply.json().data as Array<{ action: string; changes: Record<string, unknown> }>;
}

async function availableIds(session: Session): Promise<string[]> {
  const reply = await session.request('GET', '/api/v1/portal/markets/available?limit=100');
  expect(reply.statusCode).toBe(200);
  return reply.json().data.map((market: { id: string }) => market.id);
}

describe('joining a market', () => {
  it('asks to join, notifies the operator, audits it, and refuses a second request', async () => {
    const shop = await portalMerchant('shop');
    expect(await availableIds(shop.owner)).toEqual(
      expect.arrayContaining([marketA.id, marketB.id]),
    );
    expect(await availableIds(shop.owner)).not.toContain(closedB.id);

    const reply = await shop.owner.request('POST', `/api/v1/portal/markets/${marketA.id}/join`);
    expect(reply.statusCode).toBe(201);
    const membership = reply.json();
    expect(membership).toMatchObject({
      market: { id: marketA.id, name: '东方批发市场', operatorShortName: expect.any(String) },
      status: 'requested',
      decidedAt: null,
    });

    const notifications = await notificationsOf(operatorA.id);
    expect(notifications.find((n) => n.kind === 'market_join_requested')?.params).toMatchObject({
      marketName: '东方批发市场',
      merchantShortName: expect.stringMatching(/^测试商户/),
    });
    const [event] = await auditOf(membership.membershipId);
    expect(event).toMatchObject({
      action: 'market.membership_requested',
      changes: { status: { before: null, after: 'requested' } },
    });

    const again = await shop.owner.request('POST', `/api/v1/portal/markets/${marketA.id}/join`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('membership_exists');
    expect(await availableIds(shop.owner)).not.toContain(marketA.id);

    const mine = await shop.owner.request('GET', '/api/v1/portal/markets');
    expect(mine.json()).toMatchObject({
      memberships: [{ membershipId: membership.membershipId, status: 'requested' }],
      operated: [],
    });
  });

  it('does not let an operator join its own market, nor anyone a closed one', async () => {
    expect(await availableIds(operatorA.owner)).not.toContain(marketA.id);
    const own = await operatorA.owner.request('POST', `/api/v1/portal/markets/${marketA.id}/join`);
    expect(own.statusCode).toBe(409);
    expect(own.json().error.code).toBe('market_own_operator');

    const shop = await portalMerchant('shop');
    const closed = await shop.owner.request('POST', `/api/v1/portal/markets/${closedB.id}/join`);
    expect(closed.statusCode).toBe(404);
    // A former member is told why instead.
    const former = await createActiveMerchant(testApp);
    await addMembership(testApp, { marketId: closedB.id, merchantId: former.id, status: 'left' });
    const formerOwner = await signInMerchant(testApp, former.ownerMobile);
    const told = await formerOwner.request('POST', `/api/v1/portal/markets/${closedB.id}/join`);
    expect(told.statusCode).toBe(409);
    expect(told.json().error.code).toBe('market_closed');
    const missing = await shop.owner.request(
      'POST',
      '/api/v1/portal/markets/mkt_00000000000000000000000000/join',
    );
    expect(missing.statusCode).toBe(404);
  });

  it('needs the merchant active and the owner’s permission', async () => {
    const shop = await portalMerchant('shop');
    await setMerchantStatus(testApp, shop.id, 'suspended');
    const held = await shop.owner.request('POST', `/api/v1/portal/markets/${marketB.id}/join`);
    expect(held.statusCode).toBe(409);
    expect(held.json().error.code).toBe('merchant_not_active');

    const other = await createActiveMerchant(testApp);
    const cashier = await createMerchantUserIn(testApp, {
      merchantId: other.id,
      role: 'merchant_cashier',
      storeId: other.storeId,
    });
    const cashierSession = await signInMerchant(testApp, cashier.mobile);
    const refused = await cashierSession.request(
      'POST',
      `/api/v1/portal/markets/${marketB.id}/join`,
    );
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('permission_denied');
    // A cashier may still look.
    expect((await cashierSession.request('GET', '/api/v1/portal/markets')).statusCode).toBe(200);
  });
});

describe('deciding on requests', () => {
  it('accepts a request once, notifies the member and audits it', async () => {
    const shop = await portalMerchant('shop');
    const { membershipId } = (
      await shop.owner.request('POST', `/api/v1/portal/markets/${marketA.id}/join`)
    ).json();

    const members = await operatorA.owner.request(
      'GET',
      `/api/v1/portal/markets/${marketA.id}/members?status=requested`,
    );
    expect(members.statusCode).toBe(200);
    expect(members.json().data.map((m: { membershipId: string }) => m.membershipId)).toContain(
      membershipId,
    );

    const url = `/api/v1/portal/markets/${marketA.id}/members/${membershipId}/accept`;
    const accepted = await operatorA.owner.request('POST', url);
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', decidedAt: expect.any(String) });

    const twice = await operatorA.owner.request('POST', url);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('invalid_state_transition');
    const declineAfter = await operatorA.owner.request(
      'POST',
      `/api/v1/portal/markets/${marketA.id}/members/${membershipId}/decline`,
    );
    expect(declineAfter.json().error.code).toBe('invalid_state_transition');

    const notifications = await notificationsOf(shop.id);
    expect(notifications.map((n) => n.kind)).toEqual(['market_join_accepted']);
    expect(notifications[0]?.params).toMatchObject({ marketName: '东方批发市场' });
    expect((await auditOf(membershipId)).map((event) => event.action)).toEqual([
      'market.membership_accepted',
      'market.membership_requested',
    ]);

    const detail = await shop.owner.request('GET', `/api/v1/portal/markets/${marketA.id}`);
    expect(detail.json()).toMatchObject({
      role: 'member',
      membership: { id: membershipId, status: 'accepted' },
    });
  });

  it('declines a request, and the merchant may ask again', async () => {
    const shop = await portalMerchant('shop');
    const { membershipId } = (
      await shop.owner.request('POST', `/api/v1/portal/markets/${marketA.id}/join`)
    ).json();
    const declined = await operatorA.owner.request(
      'POST',
      `/api/v1/portal/markets/${marketA.id}/members/${membershipId}/decline`,
    );
    expect(declined.statusCode).toBe(200);
    expect(declined.json().status).toBe('declined');
    expect((await notificationsOf(shop.id)).map((n) => n.kind)).toEqual(['market_join_declined']);

    const offered = await shop.owner.request('GET', '/api/v1/portal/markets/available?limit=100');
    expect(
      offered.json().data.find((m: { id: string }) => m.id === marketA.id)?.membershipStatus,
    ).toBe('declined');

    const again = await shop.owner.request('POST', `/api/v1/portal/markets/${marketA.id}/join`);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toMatchObject({ membershipId, status: 'requested', decidedAt: null });
    const accepted = await operatorA.owner.request(
      'POST',
      `/api/v1/portal/markets/${marketA.id}/members/${membershipId}/accept`,
    );
    expect(accepted.json().status).toBe('accepted');
  });

  it('lets a merchant belong to several markets and leave one', async () => {
    const shop = await portalMerchant('shop');
    for (const [market, operator] of [
      [marketA, operatorA],
      [marketB, operatorB],
    ] as const) {
      const { membershipId } = (
        await shop.owner.request('POST', `/api/v1/portal/markets/${market.id}/join`)
      ).json();
      const accepted = await operator.owner.request(
        'POST',
        `/api/v1/portal/markets/${market.id}/members/${membershipId}/accept`,
      );
      expect(accepted.statusCode).toBe(200);
    }
    const mine = (await shop.owner.request('GET', '/api/v1/portal/markets')).json();
    expect(
      mine.memberships.map((m: { market: { id: string }; status: string }) => [
        m.market.id,
        m.status,
      ]),
    ).toEqual(
      expect.arrayContaining([
        [marketA.id, 'accepted'],
        [marketB.id, 'accepted'],
      ]),
    );

    const left = await shop.owner.request('POST', `/api/v1/portal/markets/${marketB.id}/leave`);
    expect(left.statusCode).toBe(200);
    expect(left.json().status).toBe('left');
    const twice = await shop.owner.request('POST', `/api/v1/portal/markets/${marketB.id}/leave`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('invalid_state_transition');
    expect((await auditOf(left.json().membershipId))[0]?.action).toBe('market.membership_left');
    expect(await availableIds(shop.owner)).toContain(marketB.id);
    expect(await availableIds(shop.owner)).not.toContain(marketA.id);
  });

  it('does not accept into a closed market', async () => {
    const market = await createMarket(testApp, { operatorMerchantId: operatorA.id });
    const shop = await createActiveMerchant(testApp);
    const membershipId = await addMembership(testApp, {
      marketId: market.id,
      merchantId: shop.id,
      status: 'requested',
    });
    await admin.request('PATCH', `/api/v1/markets/${market.id}`, { status: 'closed' });
    const reply = await operatorA.owner.request(
      'POST',
      `/api/v1/portal/markets/${market.id}/members/${membershipId}/accept`,
    );
    expect(reply.statusCode).toBe(409);
    expect(reply.json().error.code).toBe('market_closed');
  });

  it('shows the operator its markets with members and pending requests', async () => {
    const operator = await portalMerchant('operator');
    const market = await createMarket(testApp, { operatorMerchantId: operator.id });
    for (const status of ['accepted', 'accepted', 'requested', 'declined'] as const) {
      const shop = await createActiveMerchant(testApp);
      await addMembership(testApp, { marketId: market.id, merchantId: shop.id, status });
    }
    const reply = await operator.owner.request('GET', '/api/v1/portal/markets');
    expect(reply.json()).toEqual({
      memberships: [],
      operated: [
        expect.objectContaining({
          id: market.id,
          memberCount: 2,
          pendingRequests: 1,
          buyerCount: 0,
        }),
      ],
    });
    const detail = await operator.owner.request('GET', `/api/v1/portal/markets/${market.id}`);
    expect(detail.json()).toMatchObject({ role: 'operator', memberCount: 2, membership: null });
    const members = await operator.owner.request(
      'GET',
      `/api/v1/portal/markets/${market.id}/members?limit=3`,
    );
    expect(members.json().data).toHaveLength(3);
    expect(members.json().hasMore).toBe(true);
  });
});

describe('merchant scoping', () => {
  it('gives another merchant 404 on a market’s members, decisions and buyers', async () => {
    const shop = await createActiveMerchant(testApp);
    const membershipId = await addMembership(testApp, {
      marketId: marketA.id,
      merchantId: shop.id,
      status: 'requested',
    });
    const member = await signInMerchant(testApp, shop.ownerMobile);
    const buyer = {
      name: '张三',
      idNumber: '11010519491231002X',
      accountNumber: '6228480402564890018',
      bankCode: '103',
    };
    for (const session of [operatorB.owner, member]) {
      for (const [method, url, body] of [
        ['GET', `/api/v1/portal/markets/${marketA.id}/members`, undefined],
        ['POST', `/api/v1/portal/markets/${marketA.id}/members/${membershipId}/accept`, undefined],
        ['POST', `/api/v1/portal/markets/${marketA.id}/members/${membershipId}/decline`, undefined],
        ['GET', `/api/v1/portal/markets/${marketA.id}/buyers`, undefined],
        ['POST', `/api/v1/portal/markets/${marketA.id}/buyers`, buyer],
      ] as const) {
        const reply = await session.request(method, url, body);
        expect(reply.statusCode, `${method} ${url}`).toBe(404);
        expect(reply.json().error.code).toBe('resource_not_found');
      }
    }
    // B neither runs nor belongs to A's market, so even its portal page is a 404.
    expect(
      (await operatorB.owner.request('GET', `/api/v1/portal/markets/${marketA.id}`)).statusCode,
    ).toBe(404);
    expect(
      (await operatorB.owner.request('POST', `/api/v1/portal/markets/${marketA.id}/leave`))
        .statusCode,
    ).toBe(404);

    const [row] = await testApp.db
      .select()
      .from(merchantNotifications)
      .where(
        and(
          eq(merchantNotifications.merchantId, shop.id),
          eq(merchantNotifications.kind, 'market_join_accepted'),
        ),
      );
    expect(row).toBeUndefined();
  });
});
