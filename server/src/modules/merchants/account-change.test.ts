import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createStaffUser,
  demoPassword,
  type Session,
  sessionFrom,
  signIn,
  totpCode,
} from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import {
  createActiveMerchant,
  createMerchantUserIn,
  signInMerchant,
} from '../../../test/merchant-factories.js';
import { luhnCheckDigit } from '../../platform/validation/bank-card.js';
import { auditEvents } from '../audit/tables.js';
import { users } from '../identity/index.js';
import { merchantNotifications, settlementAccountChanges } from './tables.js';

const hourMs = 3_600_000;

let testApp: TestApp;
let shinanUsername: string;
let laoshan: Session;
let merchant: Awaited<ReturnType<typeof createActiveMerchant>>;
let owner: Session;
let secret: string;

/** A 16-digit account number passing Luhn, told apart by its middle digits. */
function accountNumber(middle: string): string {
  const partial = `621700${middle.padStart(9, '0')}`;
  return `${partial}${luhnCheckDigit(partial)}`;
}

const request = (number: string, code: string) => ({
  accountName: '青岛市测试商户',
  accountNumber: number,
  bankCode: '105',
  mfaCode: code,
});

/** The next authenticator code: each 30 s step is accepted once, so step past the last one. */
async function freshCode(): Promise<string> {
  testApp.clock.advance(30_000);
  return totpCode(testApp, secret);
}

/** The owner's login with password and authenticator, as the portal does it. */
async function signInOwner(): Promise<Session> {
  const login = await testApp.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: merchant.ownerMobile, password: demoPassword, realm: 'merchant' },
  });
  expect(login.json().next).toBe('mfa_verify');
  const session = sessionFrom(testApp, login);
  const verify = await session.request('POST', '/api/v1/auth/mfa/verify', {
    code: await freshCode(),
  });
  expect(verify.statusCode).toBe(200);
  return session;
}

async function shinan(): Promise<Session> {
  return (await signIn(testApp, shinanUsername)).session;
}

async function staffView(session: Session) {
  const reply = await session.request('GET', `/api/v1/merchants/${merchant.id}`);
  expect(reply.statusCode).toBe(200);
  return reply.json();
}

async function notificationKinds(): Promise<string[]> {
  const rows = await testApp.db
    .select({ kind: merchantNotifications.kind })
    .from(merchantNotifications)
    .where(eq(merchantNotifications.merchantId, merchant.id));
  return rows.map((row) => row.kind);
}

async function audits(action: string) {
  return testApp.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.targetId, merchant.id), eq(auditEvents.action, action)));
}

beforeAll(async () => {
  testApp = await createTestApp();
  shinanUsername = (await createStaffUser(testApp.db, { nodeCode: 'QD010', roles: ['operator'] }))
    .username;
  const laoshanOperator = await createStaffUser(testApp.db, {
    nodeCode: 'QD020',
    roles: ['operator'],
  });
  laoshan = (await signIn(testApp, laoshanOperator.username)).session;
  merchant = await createActiveMerchant(testApp, { nodeCode: 'QD010' });
  owner = await signInMerchant(testApp, merchant.ownerMobile);
});

afterAll(() => testApp.close());

describe('asking for a settlement account change', () => {
  it('needs an enrolled authenticator first', async () => {
    const reply = await owner.request(
      'POST',
      '/api/v1/portal/account-changes',
      request(accountNumber('1'), '123456'),
    );
    expect(reply.statusCode).toBe(403);
    expect(reply.json().error.code).toBe('step_up_required');
  });

  it('lets a merchant owner enroll an authenticator through /me/mfa', async () => {
    const start = await owner.request('POST', '/api/v1/me/mfa/enrollment');
    expect(start.statusCode).toBe(200);
    secret = start.json().secret;
    // The authenticator names the account by its masked mobile, not the internal login.
    expect(decodeURIComponent(start.json().otpauthUrl)).toMatch(/Sharefin:1\d\d\*{4}\d{4}\?/);
    const confirm = await owner.request('POST', '/api/v1/me/mfa/enrollment/confirm', {
      code: await totpCode(testApp, secret),
    });
    expect(confirm.statusCode).toBe(200);
    const me = (await owner.request('GET', '/api/v1/me')).json();
    expect(me.user).toMatchObject({ realm: 'merchant', mfaEnabled: true });
    // From now on the owner's login asks for the code too.
    owner = await signInOwner();
  });

  it('refuses a wrong code and counts it like a failed login', async () => {
    const reply = await owner.request(
      'POST',
      '/api/v1/portal/account-changes',
      request(accountNumber('1'), '000000'),
    );
    expect(reply.statusCode).toBe(401);
    expect(reply.json().error).toMatchObject({ code: 'mfa_code_invalid', param: 'mfaCode' });
    const [user] = await testApp.db
      .select({ failedAttempts: users.failedAttempts })
      .from(users)
      .where(eq(users.id, merchant.owner.userId));
    expect(user?.failedAttempts).toBe(1);
  });

  it('reports a bad account number and an unknown bank together', async () => {
    const reply = await owner.request('POST', '/api/v1/portal/account-changes', {
      ...request('6217 0012 3', await freshCode()),
      bankCode: '999',
    });
    expect(reply.statusCode).toBe(400);
    expect(reply.json().error.errors.map((error: { param: string }) => error.param)).toEqual([
      'accountNumber',
      'bankCode',
    ]);
  });

  it('is only for the owner', async () => {
    const manager = await createMerchantUserIn(testApp, {
      merchantId: merchant.id,
      role: 'merchant_manager',
    });
    const session = await signInMerchant(testApp, manager.mobile);
    const reply = await session.request(
      'POST',
      '/api/v1/portal/account-changes',
      request(accountNumber('1'), '123456'),
    );
    expect(reply.statusCode).toBe(403);
    expect(reply.json().error.code).toBe('permission_denied');
  });
});

describe('a pending change', () => {
  let changeId: string;
  const number = accountNumber('111222333');

  it('is created with a fresh code, held for 24 hours and shown masked to both sides', async () => {
    const code = await freshCode();
    const reply = await owner.request(
      'POST',
      '/api/v1/portal/account-changes',
      request(number, code),
    );
    expect(reply.statusCode).toBe(201);
    const change = reply.json();
    changeId = change.id;
    const masked = `${number.slice(0, 6)}******${number.slice(-4)}`;
    expect(change).toMatchObject({
      status: 'pending',
      accountName: '青*',
      accountNumber: masked,
      bankCode: '105',
      effectiveAt: new Date(testApp.clock.now().getTime() + 24 * hourMs).toISOString(),
    });
    expect(reply.body).not.toContain(number);

    const portal = (await owner.request('GET', '/api/v1/portal/merchant')).json();
    expect(portal.pendingAccountChange).toMatchObject({ id: changeId, accountNumber: masked });
    expect(portal.me).toMatchObject({ userId: merchant.owner.userId, role: 'merchant_owner' });
    expect((await staffView(await shinan())).pendingAccountChange).toMatchObject({
      id: changeId,
      status: 'pending',
    });
    expect(await notificationKinds()).toContain('account_change_requested');
    const [requested] = await audits('merchant.account_change_requested');
    expect(requested?.changes).toMatchObject({
      changeId: { after: changeId },
      accountNumber: { after: masked },
      luhnCheck: { after: 'passed' },
    });

    // The same code again is a replay, even a second later.
    const replay = await owner.request(
      'POST',
      '/api/v1/portal/account-changes',
      request(accountNumber('2'), code),
    );
    expect(replay.json().error.code).toBe('mfa_code_invalid');
  });

  it('allows one pending change at a time', async () => {
    const reply = await owner.request(
      'POST',
      '/api/v1/portal/account-changes',
      request(accountNumber('2'), await freshCode()),
    );
    expect(reply.statusCode).toBe(409);
    expect(reply.json().error.code).toBe('account_change_pending');
  });

  it('is cancelled by the branch, not by another branch, and only once', async () => {
    const url = `/api/v1/merchants/${merchant.id}/account-changes/${changeId}/cancel`;
    expect((await laoshan.request('POST', url)).statusCode).toBe(404);
    const branch = await shinan();
    const cancelled = await branch.request('POST', url);
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json().status).toBe('cancelled');
    const again = await branch.request('POST', url);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('invalid_state_transition');
    // Nor may the owner cancel it now.
    const byOwner = await owner.request(
      'POST',
      `/api/v1/portal/account-changes/${changeId}/cancel`,
    );
    expect(byOwner.json().error.code).toBe('invalid_state_transition');

    expect((await staffView(branch)).pendingAccountChange).toBeNull();
    expect(await notificationKinds()).toContain('account_change_cancelled');
    const [event] = await audits('merchant.account_change_cancelled');
    expect(event?.changes).toMatchObject({
      changeId: { after: changeId },
      status: { before: 'pending', after: 'cancelled' },
      cancelledBy: { after: 'bank' },
    });
  });

  it('answers 404 to another merchant cancelling it', async () => {
    const other = await createActiveMerchant(testApp, { nodeCode: 'QD010' });
    const otherChange = await testApp.db
      .select({ id: settlementAccountChanges.id })
      .from(settlementAccountChanges)
      .where(eq(settlementAccountChanges.merchantId, merchant.id));
    const otherOwner = await signInMerchant(testApp, other.ownerMobile);
    const reply = await otherOwner.request(
      'POST',
      `/api/v1/portal/account-changes/${otherChange[0]?.id}/cancel`,
    );
    expect(reply.statusCode).toBe(404);
  });
});

describe('the hold', () => {
  it('applies a change once 24 hours have passed, and not an hour before', async () => {
    const number = accountNumber('444555666');
    const before = (await staffView(await shinan())).settlementAccountNumber;
    const reply = await owner.request('POST', '/api/v1/portal/account-changes', {
      ...request(number, await freshCode()),
      bankCode: '102',
    });
    expect(reply.statusCode).toBe(201);
    const changeId = reply.json().id;

    testApp.clock.advance(23 * hourMs);
    await testApp.jobs.runDue();
    const waiting = await staffView(await shinan());
    expect(waiting.pendingAccountChange).toMatchObject({ id: changeId, status: 'pending' });
    expect(waiting.settlementAccountNumber).toBe(before);

    testApp.clock.advance(hourMs);
    await testApp.jobs.runDue();
    const applied = await staffView(await shinan());
    expect(applied.pendingAccountChange).toBeNull();
    expect(applied.settlementAccountNumber).toBe(`${number.slice(0, 6)}******${number.slice(-4)}`);
    expect(applied.settlementBankCode).toBe('102');
    const [change] = await testApp.db
      .select()
      .from(settlementAccountChanges)
      .where(eq(settlementAccountChanges.id, changeId));
    expect(change?.status).toBe('applied');
    expect(await notificationKinds()).toContain('account_change_applied');
    const [event] = await audits('merchant.account_change_applied');
    expect(event).toMatchObject({ actorId: null, actorUsername: 'system' });
    expect(event?.changes).toMatchObject({
      changeId: { after: changeId },
      settlementAccountNumber: { before, after: applied.settlementAccountNumber },
      settlementBankCode: { before: '314', after: '102' },
    });
  });

  it('never applies a cancelled change, even when its job runs', async () => {
    owner = await signInOwner();
    const before = (await staffView(await shinan())).settlementAccountNumber;
    // A number failing Luhn is taken (some real accounts do) and noted for the branch.
    const partial = '621700777888999';
    const failing = `${partial}${(Number(luhnCheckDigit(partial)) + 1) % 10}`;
    const reply = await owner.request(
      'POST',
      '/api/v1/portal/account-changes',
      request(failing, await freshCode()),
    );
    expect(reply.statusCode).toBe(201);
    const changeId = reply.json().id;
    const requested = await audits('merchant.account_change_requested');
    expect(requested.at(-1)?.changes.luhnCheck).toEqual({ before: null, after: 'failed' });

    const cancelled = await owner.request(
      'POST',
      `/api/v1/portal/account-changes/${changeId}/cancel`,
    );
    expect(cancelled.statusCode).toBe(200);
    const [event] = (await audits('merchant.account_change_cancelled')).slice(-1);
    expect(event?.changes.cancelledBy).toEqual({ before: null, after: 'merchant' });

    testApp.clock.advance(25 * hourMs);
    expect(await testApp.jobs.runDue()).toBeGreaterThan(0);
    const [change] = await testApp.db
      .select()
      .from(settlementAccountChanges)
      .where(eq(settlementAccountChanges.id, changeId));
    expect(change?.status).toBe('cancelled');
    expect((await staffView(await shinan())).settlementAccountNumber).toBe(before);
  });
});
