import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createStaffUser,
  demoPassword,
  type Session,
  sessionFrom,
  signIn,
} from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import {
  createActiveMerchant,
  createMerchantUserIn,
  signInMerchant,
  uniqueMobile,
} from '../../../test/merchant-factories.js';
import { auditEvents } from '../audit/tables.js';

let testApp: TestApp;
let shinan: Session;
let laoshan: Session;
let merchantA: Awaited<ReturnType<typeof createActiveMerchant>>;
let merchantB: Awaited<ReturnType<typeof createActiveMerchant>>;
let ownerA: Session;

type UserView = {
  id: string;
  displayName: string;
  mobile: string;
  role: string;
  store: { id: string; name: string } | null;
  disabled: boolean;
  passwordSet: boolean;
  mustChangePassword: boolean;
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
  ownerA = await signInMerchant(testApp, merchantA.ownerMobile);
});

afterAll(() => testApp.close());

const masked = (mobile: string) => `${mobile.slice(0, 3)}****${mobile.slice(-4)}`;

function merchantLogin(mobile: string, password: string) {
  return testApp.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: mobile, password, realm: 'merchant' },
  });
}

async function addCashier(session: Session, storeId: string) {
  const mobile = uniqueMobile();
  const reply = await session.request('POST', '/api/v1/portal/users', {
    displayName: '收银 小李',
    mobile,
    role: 'merchant_cashier',
    storeId,
  });
  expect(reply.statusCode).toBe(201);
  return { mobile, ...(reply.json() as { user: UserView; temporaryPassword: string }) };
}

describe('the bank’s view of a merchant’s users', () => {
  it('lists the owner with the mobile masked', async () => {
    const reply = await shinan.request('GET', `/api/v1/merchants/${merchantA.id}/users`);
    expect(reply.statusCode).toBe(200);
    const [owner] = reply.json().data as UserView[];
    expect(owner).toMatchObject({
      id: merchantA.owner.userId,
      mobile: masked(merchantA.ownerMobile),
      role: 'merchant_owner',
      store: null,
      disabled: false,
    });
    expect(reply.body).not.toContain(merchantA.ownerMobile);
  });

  it('answers 404 to staff of another branch', async () => {
    const reply = await laoshan.request('GET', `/api/v1/merchants/${merchantA.id}/users`);
    expect(reply.statusCode).toBe(404);
  });
});

describe('the owner manages the merchant’s users', () => {
  it('adds a cashier with a temporary password that must be changed at first login', async () => {
    const { mobile, user, temporaryPassword } = await addCashier(ownerA, merchantA.storeId);
    expect(user).toMatchObject({
      displayName: '收银 小李',
      mobile: masked(mobile),
      role: 'merchant_cashier',
      store: { id: merchantA.storeId },
      disabled: false,
      passwordSet: false,
      mustChangePassword: true,
    });

    const login = await merchantLogin(mobile, temporaryPassword);
    expect(login.statusCode).toBe(200);
    expect(login.json().next).toBe('change_password');
    const cashier = sessionFrom(testApp, login);
    const blocked = await cashier.request('GET', '/api/v1/portal/stores');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('password_change_required');
    const changed = await cashier.request('POST', '/api/v1/me/password', {
      currentPassword: temporaryPassword,
      newPassword: 'MyOwnPass2024',
    });
    expect(changed.statusCode).toBe(204);
    const stores = await cashier.request('GET', '/api/v1/portal/stores');
    expect(stores.statusCode).toBe(200);
    expect(stores.json().data.map((store: { id: string }) => store.id)).toEqual([
      merchantA.storeId,
    ]);

    const [event] = await testApp.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.targetId, user.id));
    expect(event?.action).toBe('merchant_user.created');
    expect(event?.changes.mobile?.after).toBe(masked(mobile));
    expect(JSON.stringify(event)).not.toContain(temporaryPassword);
    // The bank sees the new cashier too.
    const seen = await shinan.request('GET', `/api/v1/merchants/${merchantA.id}/users`);
    expect(seen.json().data.map((row: UserView) => row.id)).toContain(user.id);
  });

  it('requires a store of this merchant for a cashier', async () => {
    const base = { displayName: '收银 小赵', mobile: uniqueMobile(), role: 'merchant_cashier' };
    const without = await ownerA.request('POST', '/api/v1/portal/users', base);
    expect(without.statusCode).toBe(400);
    expect(without.json().error).toMatchObject({ code: 'validation_failed', param: 'storeId' });
    const foreign = await ownerA.request('POST', '/api/v1/portal/users', {
      ...base,
      storeId: merchantB.storeId,
    });
    expect(foreign.statusCode).toBe(404);
  });

  it('adds a manager without a store, refuses a bad or taken mobile and the owner role', async () => {
    const manager = await ownerA.request('POST', '/api/v1/portal/users', {
      displayName: '店长 老周',
      mobile: uniqueMobile(),
      role: 'merchant_manager',
    });
    expect(manager.statusCode).toBe(201);
    expect(manager.json().user).toMatchObject({ role: 'merchant_manager', store: null });

    const bad = await ownerA.request('POST', '/api/v1/portal/users', {
      displayName: '错号',
      mobile: '12345',
      role: 'merchant_manager',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.param).toBe('mobile');
    const taken = await ownerA.request('POST', '/api/v1/portal/users', {
      displayName: '重号',
      mobile: merchantB.ownerMobile,
      role: 'merchant_manager',
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('mobile_taken');
    const owner = await ownerA.request('POST', '/api/v1/portal/users', {
      displayName: '二老板',
      mobile: uniqueMobile(),
      role: 'merchant_owner',
    });
    expect(owner.statusCode).toBe(400);
  });

  it('changes a user’s role and store, audited', async () => {
    const { user } = await addCashier(ownerA, merchantA.storeId);
    const reply = await ownerA.request('PATCH', `/api/v1/portal/users/${user.id}`, {
      role: 'merchant_manager',
      displayName: '店长 小李',
    });
    expect(reply.statusCode).toBe(200);
    expect(reply.json()).toMatchObject({ role: 'merchant_manager', displayName: '店长 小李' });
    const toCashierWithoutStore = await ownerA.request('PATCH', `/api/v1/portal/users/${user.id}`, {
      role: 'merchant_cashier',
      storeId: null,
    });
    expect(toCashierWithoutStore.statusCode).toBe(400);
    expect(toCashierWithoutStore.json().error.param).toBe('storeId');
    const events = await testApp.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.targetId, user.id));
    expect(events.map((event) => event.action)).toEqual([
      'merchant_user.created',
      'merchant_user.updated',
    ]);
    expect(events[1]?.changes.role).toEqual({
      before: 'merchant_cashier',
      after: 'merchant_manager',
    });
  });

  it('refuses to change the owner’s own account and another merchant’s users', async () => {
    const self = await ownerA.request('PATCH', `/api/v1/portal/users/${merchantA.owner.userId}`, {
      disabled: true,
    });
    expect(self.statusCode).toBe(400);
    expect(self.json().error.code).toBe('cannot_change_self');
    const foreign = await ownerA.request(
      'PATCH',
      `/api/v1/portal/users/${merchantB.owner.userId}`,
      { displayName: '改名' },
    );
    expect(foreign.statusCode).toBe(404);
    const list = await ownerA.request('GET', '/api/v1/portal/users?limit=100');
    expect(list.json().data.map((row: UserView) => row.id)).not.toContain(merchantB.owner.userId);
  });

  it('disabling a user ends their session and their logins until enabled again', async () => {
    const cashier = await createMerchantUserIn(testApp, {
      merchantId: merchantA.id,
      role: 'merchant_cashier',
      storeId: merchantA.storeId,
    });
    const session = await signInMerchant(testApp, cashier.mobile);
    expect((await session.request('GET', '/api/v1/portal/stores')).statusCode).toBe(200);

    const disabled = await ownerA.request('PATCH', `/api/v1/portal/users/${cashier.userId}`, {
      disabled: true,
    });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json().disabled).toBe(true);
    const ended = await session.request('GET', '/api/v1/portal/stores');
    expect(ended.statusCode).toBe(401);
    expect(ended.json().error.code).toBe('session_expired');
    const login = await merchantLogin(cashier.mobile, demoPassword);
    expect(login.statusCode).toBe(401);
    expect(login.json().error.code).toBe('invalid_credentials');
    const [event] = await testApp.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.targetId, cashier.userId),
          eq(auditEvents.action, 'merchant_user.disabled'),
        ),
      );
    expect(event).toMatchObject({
      action: 'merchant_user.disabled',
      changes: { disabled: { before: false, after: true } },
    });

    const enabled = await ownerA.request('PATCH', `/api/v1/portal/users/${cashier.userId}`, {
      disabled: false,
    });
    expect(enabled.json().disabled).toBe(false);
    expect((await merchantLogin(cashier.mobile, demoPassword)).statusCode).toBe(200);
  });

  it('replays a user creation with the same Idempotency-Key instead of adding twice', async () => {
    const body = {
      displayName: '收银 小钱',
      mobile: uniqueMobile(),
      role: 'merchant_cashier',
      storeId: merchantA.storeId,
    };
    const headers = { 'idempotency-key': 'add-cashier-1' };
    const first = await ownerA.request('POST', '/api/v1/portal/users', body, headers);
    const second = await ownerA.request('POST', '/api/v1/portal/users', body, headers);
    expect(first.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json().user.id).toBe(first.json().user.id);
  });
});
