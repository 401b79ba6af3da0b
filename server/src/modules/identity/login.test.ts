import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createStaffUser,
  demoPassword,
  type Session,
  sessionFrom,
  signIn,
} from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';

let testApp: TestApp;
let admin: Session;
beforeAll(async () => {
  testApp = await createTestApp();
  admin = (await signIn(testApp, 'admin')).session;
});
afterAll(() => testApp.close());

// Logins are rate-limited per address; each test logs in from its own so they stay independent.
let addressCounter = 10;
function loginFrom(
  username: string,
  password: string,
  remoteAddress = `10.0.0.${addressCounter++}`,
) {
  return testApp.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
    remoteAddress,
  });
}

async function auditEvents(query: Record<string, string>) {
  const reply = await admin.request(
    'GET',
    `/api/v1/audit-events?${new URLSearchParams({ limit: '100', ...query })}`,
  );
  expect(reply.statusCode).toBe(200);
  return reply.json().data as Array<{
    action: string;
    targetId: string | null;
    ip: string | null;
    actor: { username: string } | null;
    changes: Record<string, { before: unknown; after: unknown }>;
  }>;
}

describe('login', () => {
  it('sets an httpOnly, SameSite=Lax session cookie and hands out a CSRF token', async () => {
    const reply = await loginFrom('shinan.operator', demoPassword);
    expect(reply.statusCode).toBe(200);
    expect(reply.json()).toEqual({ next: 'done', csrfToken: expect.any(String) });
    const setCookie = String(reply.headers['set-cookie']);
    expect(setCookie).toMatch(/^sf_session=[^;]+;/);
    expect(setCookie).toMatch(/; HttpOnly/i);
    expect(setCookie).toMatch(/; SameSite=Lax/i);
    expect(setCookie).toMatch(/; Path=\//);
    // The token itself only travels in the cookie, never in a body a script could read.
    const token = reply.cookies.find((cookie) => cookie.name === 'sf_session')?.value;
    expect(token).toBeTruthy();
    expect(reply.body).not.toContain(token);

    const me = await sessionFrom(testApp, reply).request('GET', '/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toMatchObject({ username: 'shinan.operator', roles: ['operator'] });
  });

  it('accepts the username in any letter case', async () => {
    const reply = await loginFrom('Shinan.Operator', demoPassword);
    expect(reply.statusCode).toBe(200);
  });

  it('answers a wrong password and an unknown user alike, with 401 invalid_credentials', async () => {
    const wrongPassword = await loginFrom('shinan.operator', 'not-the-password-1');
    const unknownUser = await loginFrom('nobody.here', demoPassword);
    for (const reply of [wrongPassword, unknownUser]) {
      expect(reply.statusCode).toBe(401);
      expect(reply.json().error).toMatchObject({
        type: 'authentication_error',
        code: 'invalid_credentials',
      });
      expect(reply.cookies.find((cookie) => cookie.name === 'sf_session')).toBeUndefined();
    }
    expect(unknownUser.json().error.message).toBe(wrongPassword.json().error.message);
  });

  it('audits failed attempts, including those for unknown usernames', async () => {
    const user = await createStaffUser(testApp.database.db, {
      nodeCode: 'QD011',
      roles: ['operator'],
    });
    await loginFrom(user.username, 'wrong-password-1', '10.9.9.9');
    await loginFrom('ghost.user', 'wrong-password-1', '10.9.9.10');

    const failed = await auditEvents({ action: 'auth.login_failed' });
    const forUser = failed.filter((event) => event.targetId === user.id);
    expect(forUser).toHaveLength(1);
    expect(forUser[0]).toMatchObject({
      ip: '10.9.9.9',
      changes: { failedAttempts: { before: 0, after: 1 } },
    });
    const forGhost = failed.filter((event) => event.actor?.username === 'ghost.user');
    expect(forGhost).toHaveLength(1);
    expect(forGhost[0]).toMatchObject({
      targetId: null,
      ip: '10.9.9.10',
      changes: { reason: { after: 'unknown_user' } },
    });
  });

  it('locks the account after 10 failed attempts, until an administrator unlocks it', async () => {
    const user = await createStaffUser(testApp.database.db, {
      nodeCode: 'QD012',
      roles: ['operator'],
    });
    const address = '10.1.1.1';
    for (let attempt = 1; attempt <= 9; attempt++) {
      const reply = await loginFrom(user.username, `wrong-password-${attempt}`, address);
      expect(reply.statusCode).toBe(401);
      expect(reply.json().error.code).toBe('invalid_credentials');
    }
    const tenth = await loginFrom(user.username, 'wrong-password-10', address);
    expect(tenth.statusCode).toBe(403);
    expect(tenth.json().error.code).toBe('account_locked');

    // The right password no longer helps: guessing it on the eleventh try must not get in.
    const rightPassword = await loginFrom(user.username, user.password, address);
    expect(rightPassword.statusCode).toBe(403);
    expect(rightPassword.json().error.code).toBe('account_locked');
    expect(rightPassword.cookies.find((cookie) => cookie.name === 'sf_session')).toBeUndefined();

    const failed = (await auditEvents({ action: 'auth.login_failed', targetId: user.id })).length;
    expect(failed).toBe(10);
    const locked = await auditEvents({ action: 'auth.account_locked', targetId: user.id });
    expect(locked).toHaveLength(1);
    expect(locked[0]?.changes).toEqual({ locked: { before: false, after: true } });

    const listed = await admin.request('GET', `/api/v1/staff/${user.id}`);
    expect(listed.json().status).toBe('locked');

    const unlock = await admin.request('POST', `/api/v1/staff/${user.id}/unlock`);
    expect(unlock.statusCode).toBe(200);
    expect(unlock.json().status).toBe('active');
    const afterUnlock = await loginFrom(user.username, user.password, address);
    expect(afterUnlock.statusCode).toBe(200);
    expect(afterUnlock.json().next).toBe('done');

    // The count starts again from zero: one more mistake does not lock the account again.
    const oneMistake = await loginFrom(user.username, 'wrong-password-11', address);
    expect(oneMistake.json().error.code).toBe('invalid_credentials');
  });

  it('a successful login resets the count of failed attempts', async () => {
    const user = await createStaffUser(testApp.database.db, {
      nodeCode: 'QD021',
      roles: ['operator'],
    });
    const address = '10.2.2.2';
    for (let attempt = 1; attempt <= 9; attempt++)
      await loginFrom(user.username, 'wrong-password-1', address);
    expect((await loginFrom(user.username, user.password, address)).statusCode).toBe(200);
    const next = await loginFrom(user.username, 'wrong-password-1', address);
    expect(next.json().error.code).toBe('invalid_credentials');
  });
});

describe('logout', () => {
  it('revokes the session and clears the cookie', async () => {
    const login = await loginFrom('shinan.operator', demoPassword);
    const session = sessionFrom(testApp, login);
    expect((await session.request('GET', '/api/v1/me')).statusCode).toBe(200);

    const logout = await session.request('POST', '/api/v1/auth/logout');
    expect(logout.statusCode).toBe(204);
    const cleared = logout.cookies.find((cookie) => cookie.name === 'sf_session');
    expect(cleared?.value).toBe('');

    // Replaying the old cookie (say, from a copied browser profile) must not work either.
    const after = await session.request('GET', '/api/v1/me');
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('session_expired');
  });

  it('ends only the session it is called from', async () => {
    const first = sessionFrom(testApp, await loginFrom('shinan.operator', demoPassword));
    const second = sessionFrom(testApp, await loginFrom('shinan.operator', demoPassword));
    expect((await first.request('POST', '/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await second.request('GET', '/api/v1/me')).statusCode).toBe(200);
  });
});
