import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createStaffUser,
  postLogin,
  type Session,
  sessionFrom,
  signIn,
  totpCode,
} from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';

let testApp: TestApp;
let admin: Session;
beforeAll(async () => {
  testApp = await createTestApp();
  admin = (await signIn(testApp, 'admin')).session;
});
afterAll(() => testApp.close());

async function loginSession(username: string, password: string): Promise<Session> {
  const login = await postLogin(testApp, username, password);
  expect(login.statusCode).toBe(200);
  return sessionFrom(testApp, login);
}

describe('changing one’s own password', () => {
  it('needs the current password and a strong new one', async () => {
    const user = await createStaffUser(testApp.database.db, {
      nodeCode: 'QD011',
      roles: ['operator'],
    });
    const session = await loginSession(user.username, user.password);

    const wrongCurrent = await session.request('POST', '/api/v1/me/password', {
      currentPassword: 'not-my-password-1',
      newPassword: 'Brand-new-pass-42',
    });
    expect(wrongCurrent.statusCode).toBe(400);
    expect(wrongCurrent.json().error).toMatchObject({
      code: 'current_password_wrong',
      param: 'currentPassword',
    });

    for (const weak of ['short1', 'onlyletterslong', '12345678901234']) {
      const reply = await session.request('POST', '/api/v1/me/password', {
        currentPassword: user.password,
        newPassword: weak,
      });
      expect(reply.statusCode, weak).toBe(400);
      expect(reply.json().error).toMatchObject({ code: 'password_too_weak', param: 'newPassword' });
    }

    const same = await session.request('POST', '/api/v1/me/password', {
      currentPassword: user.password,
      newPassword: user.password,
    });
    expect(same.json().error).toMatchObject({ code: 'password_reused', param: 'newPassword' });

    // None of the refused attempts changed anything.
    expect((await postLogin(testApp, user.username, user.password)).statusCode).toBe(200);
  });

  it('replaces the old password and ends the user’s other sessions', async () => {
    const user = await createStaffUser(testApp.database.db, {
      nodeCode: 'QD011',
      roles: ['operator'],
    });
    const other = await loginSession(user.username, user.password);
    const current = await loginSession(user.username, user.password);
    const newPassword = 'Brand-new-pass-42';

    const change = await current.request('POST', '/api/v1/me/password', {
      currentPassword: user.password,
      newPassword,
    });
    expect(change.statusCode).toBe(204);

    expect((await current.request('GET', '/api/v1/me')).statusCode).toBe(200);
    const otherReply = await other.request('GET', '/api/v1/me');
    expect(otherReply.statusCode).toBe(401);
    expect(otherReply.json().error.code).toBe('session_expired');

    const oldLogin = await postLogin(testApp, user.username, user.password);
    expect(oldLogin.statusCode).toBe(401);
    expect(oldLogin.json().error.code).toBe('invalid_credentials');
    const newLogin = await postLogin(testApp, user.username, newPassword);
    expect(newLogin.statusCode).toBe(200);
    expect(newLogin.json().next).toBe('done');

    const audit = await admin.request(
      'GET',
      `/api/v1/audit-events?action=auth.password_changed&targetId=${user.id}`,
    );
    expect(audit.json().data).toHaveLength(1);
  });
});

describe('password reset by an administrator', () => {
  it('issues a temporary password that must be changed before anything else', async () => {
    const user = await createStaffUser(testApp.database.db, {
      nodeCode: 'QD021',
      roles: ['operator'],
    });
    const openSession = await loginSession(user.username, user.password);

    const reset = await admin.request('POST', `/api/v1/staff/${user.id}/password-reset`);
    expect(reset.statusCode).toBe(200);
    const { temporaryPassword } = reset.json();
    expect(temporaryPassword).toMatch(/^(?=.*[A-Za-z])(?=.*\d).{10,}$/);

    // The reset ends what was open and retires the old password.
    expect((await openSession.request('GET', '/api/v1/me')).json().error.code).toBe(
      'session_expired',
    );
    expect((await postLogin(testApp, user.username, user.password)).statusCode).toBe(401);

    const login = await postLogin(testApp, user.username, temporaryPassword);
    expect(login.statusCode).toBe(200);
    expect(login.json().next).toBe('change_password');
    const session = sessionFrom(testApp, login);
    const blocked = await session.request('GET', '/api/v1/org-nodes');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('password_change_required');
    expect((await session.request('GET', '/api/v1/console/summary')).json().error.code).toBe(
      'password_change_required',
    );
    expect((await session.request('GET', '/api/v1/me')).json().user.mustChangePassword).toBe(true);

    const newPassword = 'My-own-password-7';
    const change = await session.request('POST', '/api/v1/me/password', {
      currentPassword: temporaryPassword,
      newPassword,
    });
    expect(change.statusCode).toBe(204);
    expect((await session.request('GET', '/api/v1/org-nodes')).statusCode).toBe(200);
    expect((await session.request('GET', '/api/v1/me')).json().user.mustChangePassword).toBe(false);

    const later = await postLogin(testApp, user.username, newPassword);
    expect(later.json().next).toBe('done');
  });

  it('asks for the second factor before the password change', async () => {
    const user = await createStaffUser(testApp.database.db, {
      nodeCode: 'QD010',
      roles: ['branch_manager'],
    });
    const { secret } = await signIn(testApp, user.username);
    const { temporaryPassword } = (
      await admin.request('POST', `/api/v1/staff/${user.id}/password-reset`)
    ).json();

    const login = await postLogin(testApp, user.username, temporaryPassword);
    expect(login.json().next).toBe('mfa_verify');
    const session = sessionFrom(testApp, login);
    // Knowing the temporary password alone must not be enough to set a new one.
    const early = await session.request('POST', '/api/v1/me/password', {
      currentPassword: temporaryPassword,
      newPassword: 'Sneaky-change-99',
    });
    expect(early.statusCode).toBe(403);
    expect(early.json().error.code).toBe('mfa_required');

    testApp.clock.advance(30_000);
    const verify = await session.request('POST', '/api/v1/auth/mfa/verify', {
      code: await totpCode(testApp, secret as string),
    });
    expect(verify.json()).toEqual({ next: 'change_password' });
    expect((await session.request('GET', '/api/v1/staff')).json().error.code).toBe(
      'password_change_required',
    );
  });
});
