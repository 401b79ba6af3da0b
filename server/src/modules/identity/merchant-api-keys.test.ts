import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import {
  createActiveMerchant,
  createMerchantUserIn,
  signInMerchant,
} from '../../../test/merchant-factories.js';
import { sha256Hex } from '../../platform/crypto/tokens.js';
import { idempotencyKeys } from '../../platform/http/idempotency-tables.js';
import { auditEvents } from '../audit/tables.js';
import { merchants, notifyMerchant } from '../merchants/index.js';
import { maxActiveApiKeys } from './create-merchant-api-key.js';
import { merchantApiKeys } from './tables.js';

let testApp: TestApp;
let merchantA: Awaited<ReturnType<typeof createActiveMerchant>>;
let merchantB: Awaited<ReturnType<typeof createActiveMerchant>>;
let ownerA: Session;
let ownerB: Session;

beforeAll(async () => {
  testApp = await createTestApp();
  merchantA = await createActiveMerchant(testApp, { nodeCode: 'QD010' });
  merchantB = await createActiveMerchant(testApp, { nodeCode: 'QD020' });
  ownerA = await signInMerchant(testApp, merchantA.ownerMobile);
  ownerB = await signInMerchant(testApp, merchantB.ownerMobile);
});

afterAll(() => testApp.close());

type CreatedKey = { key: { id: string; prefix: string; status: string }; secret: string };

async function createKey(owner: Session, name = 'ERP 系统'): Promise<CreatedKey> {
  const reply = await owner.request('POST', '/api/v1/portal/api-keys', { name });
  expect(reply.statusCode, reply.body).toBe(201);
  return reply.json();
}

function withKey(
  secret: string,
  method: 'GET' | 'POST',
  url: string,
  options: { payload?: unknown; headers?: Record<string, string> } = {},
): Promise<LightMyRequestResponse> {
  return testApp.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${secret}`, ...options.headers },
    ...(options.payload === undefined ? {} : { payload: options.payload as object }),
  });
}

function expectError(reply: LightMyRequestResponse, status: number, code: string) {
  expect(reply.statusCode, reply.body).toBe(status);
  expect(reply.json().error.code).toBe(code);
}

async function keyRow(id: string) {
  const [row] = await testApp.db.select().from(merchantApiKeys).where(eq(merchantApiKeys.id, id));
  if (!row) throw new Error(`no key ${id}`);
  return row;
}

describe('managing API keys', () => {
  it('shows the secret once: the list, a replay and the database never hold it', async () => {
    const created = await ownerA.request(
      'POST',
      '/api/v1/portal/api-keys',
      { name: '收银系统' },
      { 'idempotency-key': 'create-key-1' },
    );
    expect(created.statusCode, created.body).toBe(201);
    expect(created.headers['cache-control']).toBe('no-store');
    const { key, secret } = created.json() as CreatedKey;
    expect(secret).toMatch(/^sk_live_[A-Za-z0-9_-]{43}$/);
    expect(key).toMatchObject({ name: '收银系统', status: 'active', lastUsedAt: null });
    expect(key.prefix).toBe(secret.slice(0, 12));

    const list = await ownerA.request('GET', '/api/v1/portal/api-keys');
    expect(list.statusCode).toBe(200);
    expect(list.json().data.map((item: { id: string }) => item.id)).toContain(key.id);
    expect(list.body).not.toContain(secret);
    expect(list.body).not.toContain(sha256Hex(secret));
    expect(list.body).not.toContain('secretHash');

    // Retrying the same request finds the key, but the secret was in the first reply only.
    const replay = await ownerA.request(
      'POST',
      '/api/v1/portal/api-keys',
      { name: '收银系统' },
      { 'idempotency-key': 'create-key-1' },
    );
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json()).toEqual({ key, secret: null });

    const row = await keyRow(key.id);
    expect(row.secretHash).toBe(sha256Hex(secret));
    expect(row.merchantId).toBe(merchantA.id);
    expect(row.createdByUserId).toBe(merchantA.owner.userId);
    expect(JSON.stringify(row)).not.toContain(secret);
    const stored = await testApp.db.select().from(idempotencyKeys);
    expect(JSON.stringify(stored)).not.toContain(secret);
  });

  it('leaves key management to the owner: a manager and a cashier get 403', async () => {
    const { key } = await createKey(ownerA);
    const manager = await createMerchantUserIn(testApp, {
      merchantId: merchantA.id,
      role: 'merchant_manager',
    });
    const cashier = await createMerchantUserIn(testApp, {
      merchantId: merchantA.id,
      role: 'merchant_cashier',
      storeId: merchantA.storeId,
    });
    for (const user of [manager, cashier]) {
      const session = await signInMerchant(testApp, user.mobile);
      expectError(
        await session.request('GET', '/api/v1/portal/api-keys'),
        403,
        'permission_denied',
      );
      expectError(
        await session.request('POST', '/api/v1/portal/api-keys', { name: '偷偷建的' }),
        403,
        'permission_denied',
      );
      expectError(
        await session.request('POST', `/api/v1/portal/api-keys/${key.id}/revoke`),
        403,
        'permission_denied',
      );
    }
    expect((await keyRow(key.id)).revokedAt).toBeNull();
  });

  it('lists and revokes only the caller’s own merchant’s keys', async () => {
    const { key } = await createKey(ownerA);
    const listB = await ownerB.request('GET', '/api/v1/portal/api-keys');
    expect(listB.json().data.map((item: { id: string }) => item.id)).not.toContain(key.id);
    expectError(
      await ownerB.request('POST', `/api/v1/portal/api-keys/${key.id}/revoke`),
      404,
      'resource_not_found',
    );
    expect((await keyRow(key.id)).revokedAt).toBeNull();
  });

  it('rejects unknown fields in the body', async () => {
    expectError(
      await ownerA.request('POST', '/api/v1/portal/api-keys', { name: 'x', scopes: ['all'] }),
      400,
      'validation_failed',
    );
  });

  it('audits creation and revocation once each, without the secret', async () => {
    const { key, secret } = await createKey(ownerA, '对账脚本');
    const first = await ownerA.request('POST', `/api/v1/portal/api-keys/${key.id}/revoke`);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ id: key.id, status: 'revoked' });
    // Revoking again is harmless and records nothing more.
    const again = await ownerA.request('POST', `/api/v1/portal/api-keys/${key.id}/revoke`);
    expect(again.statusCode).toBe(200);
    expect(again.json().revokedAt).toBe(first.json().revokedAt);

    const rows = await testApp.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.targetId, key.id));
    expect(rows.map((row) => row.action).sort()).toEqual([
      'merchant_api_key.created',
      'merchant_api_key.revoked',
    ]);
    for (const row of rows) {
      expect(row.actorId).toBe(merchantA.owner.userId);
      expect(row.targetType).toBe('merchant_api_key');
      expect(row.scopePath).toBe(merchantA.node.path);
    }
    expect(JSON.stringify(rows)).not.toContain(secret);
    expect((await keyRow(key.id)).revokedByUserId).toBe(merchantA.owner.userId);
  });
});

describe('calling the API with a key', () => {
  it('acts for its own merchant only, with what an integration needs and no more', async () => {
    const { secret: secretA } = await createKey(ownerA);
    const { secret: secretB } = await createKey(ownerB);

    const asA = await withKey(secretA, 'GET', '/api/v1/portal/merchant');
    expect(asA.statusCode, asA.body).toBe(200);
    expect(asA.json().id).toBe(merchantA.id);
    expect((await withKey(secretB, 'GET', '/api/v1/portal/merchant')).json().id).toBe(merchantB.id);
    // The key decides, not a session cookie that happens to ride along.
    const both = await withKey(secretA, 'GET', '/api/v1/portal/merchant', {
      headers: { cookie: ownerB.cookie },
    });
    expect(both.json().id).toBe(merchantA.id);
    expect((await withKey(secretA, 'GET', '/api/v1/portal/stores')).statusCode).toBe(200);

    // Not the merchant's users, its keys, the bank's side, nor what belongs to a person's login.
    expectError(await withKey(secretA, 'GET', '/api/v1/portal/users'), 403, 'permission_denied');
    expectError(await withKey(secretA, 'GET', '/api/v1/portal/api-keys'), 403, 'permission_denied');
    expectError(
      await withKey(secretA, 'GET', `/api/v1/merchants/${merchantB.id}`),
      403,
      'permission_denied',
    );
    expectError(await withKey(secretA, 'GET', '/api/v1/me'), 403, 'permission_denied');
    expectError(
      await withKey(secretA, 'POST', '/api/v1/portal/api-keys', { payload: { name: '再建一把' } }),
      403,
      'permission_denied',
    );
  });

  it('refuses a revoked, unknown or malformed key with 401 api_key_invalid', async () => {
    const { key, secret } = await createKey(ownerA);
    expect((await withKey(secret, 'GET', '/api/v1/portal/merchant')).statusCode).toBe(200);
    await ownerA.request('POST', `/api/v1/portal/api-keys/${key.id}/revoke`);
    expectError(await withKey(secret, 'GET', '/api/v1/portal/merchant'), 401, 'api_key_invalid');

    const unknown = `sk_live_${'A'.repeat(43)}`;
    for (const token of [unknown, 'sk_live_short', secret.slice(0, -1), 'not-a-key', '']) {
      expectError(await withKey(token, 'GET', '/api/v1/portal/merchant'), 401, 'api_key_invalid');
    }
    // A revoked key beside a valid session cookie is still refused: Bearer is judged alone.
    expectError(
      await withKey(secret, 'GET', '/api/v1/portal/merchant', {
        headers: { cookie: ownerA.cookie },
      }),
      401,
      'api_key_invalid',
    );
  });

  it('refuses a key of a merchant that is suspended, and accepts it again once reinstated', async () => {
    const other = await createActiveMerchant(testApp, { nodeCode: 'QD010' });
    const { secret } = await createKey(await signInMerchant(testApp, other.ownerMobile));
    await testApp.db
      .update(merchants)
      .set({ status: 'suspended' })
      .where(eq(merchants.id, other.id));
    expectError(
      await withKey(secret, 'GET', '/api/v1/portal/merchant'),
      409,
      'merchant_not_active',
    );
    await testApp.db.update(merchants).set({ status: 'active' }).where(eq(merchants.id, other.id));
    expect((await withKey(secret, 'GET', '/api/v1/portal/merchant')).statusCode).toBe(200);
  });

  it('needs no CSRF token for a Bearer write, while a cookie session write still does', async () => {
    const { secret } = await createKey(ownerA);
    await testApp.db.transaction((tx) =>
      notifyMerchant(tx, testApp, { merchantId: merchantA.id, kind: 'merchant_reinstated' }),
    );
    const listed = await withKey(secret, 'GET', '/api/v1/portal/notifications');
    const notificationId = listed.json().data[0].id as string;
    const read = await withKey(
      secret,
      'POST',
      `/api/v1/portal/notifications/${notificationId}/read`,
    );
    expect(read.statusCode, read.body).toBe(200);

    const withoutToken = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/portal/api-keys',
      headers: { cookie: ownerA.cookie },
      payload: { name: '没有令牌' },
    });
    expectError(withoutToken, 403, 'csrf_token_invalid');
  });

  it('records when a key was last used, at most once a minute', async () => {
    const { key, secret } = await createKey(ownerA);
    expect((await keyRow(key.id)).lastUsedAt).toBeNull();

    await withKey(secret, 'GET', '/api/v1/portal/merchant');
    const firstUse = testApp.clock.now().getTime();
    expect((await keyRow(key.id)).lastUsedAt?.getTime()).toBe(firstUse);

    testApp.clock.advance(30_000);
    await withKey(secret, 'GET', '/api/v1/portal/merchant');
    testApp.clock.advance(29_000);
    await withKey(secret, 'GET', '/api/v1/portal/merchant');
    expect((await keyRow(key.id)).lastUsedAt?.getTime()).toBe(firstUse);

    testApp.clock.advance(2_000);
    await withKey(secret, 'GET', '/api/v1/portal/merchant');
    expect((await keyRow(key.id)).lastUsedAt?.getTime()).toBe(testApp.clock.now().getTime());

    const list = await ownerA.request('GET', '/api/v1/portal/api-keys');
    const listed = list.json().data.find((item: { id: string }) => item.id === key.id);
    expect(listed.lastUsedAt).toBe(testApp.clock.now().toISOString());
  });
});

describe('the bound on active keys', () => {
  it('refuses a key beyond the limit until one is revoked', async () => {
    const other = await createActiveMerchant(testApp, { nodeCode: 'QD010' });
    const owner = await signInMerchant(testApp, other.ownerMobile);
    const keys: CreatedKey[] = [];
    for (let n = 0; n < maxActiveApiKeys; n++) keys.push(await createKey(owner, `key ${n}`));
    expectError(
      await owner.request('POST', '/api/v1/portal/api-keys', { name: 'one too many' }),
      409,
      'api_key_limit_reached',
    );
    await owner.request('POST', `/api/v1/portal/api-keys/${keys[0]?.key.id}/revoke`);
    await createKey(owner, 'in its place');
  });
});
