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
beforeAll(async () => {
  testApp = await createTestApp();
});
afterAll(() => testApp.close());

/** A code that is certainly not the current one: every digit shifted by one. */
function wrongCode(code: string): string {
  return code.replace(/\d/g, (digit) => String((Number(digit) + 1) % 10));
}

/** Logs in with the password only; the session then owes its second factor. */
async function passwordStep(
  username: string,
  password?: string,
): Promise<{ session: Session; next: string }> {
  const login = await postLogin(testApp, username, password);
  expect(login.statusCode).toBe(200);
  return { session: sessionFrom(testApp, login), next: login.json().next };
}

describe('MFA enrollment and verification (enforcement on)', () => {
  let adminSecret: string;
  let recoveryCodes: string[];

  it('makes an admin without an authenticator enroll before anything else', async () => {
    const { session, next } = await passwordStep('admin');
    expect(next).toBe('mfa_enroll');
    const blocked = await session.request('GET', '/api/v1/staff');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('mfa_required');
    expect((await session.request('GET', '/api/v1/org-nodes')).json().error.code).toBe(
      'mfa_required',
    );
    const me = await session.request('GET', '/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().session).toMatchObject({ mfaRequired: true, mfaPassed: false });
    expect(me.json().settings).toEqual({ mfaEnforced: true });

    const enrollment = await session.request('POST', '/api/v1/me/mfa/enrollment');
    expect(enrollment.statusCode).toBe(200);
    const { secret, otpauthUrl, qrCodeDataUrl } = enrollment.json();
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    expect(otpauthUrl).toContain(`secret=${secret}`);
    expect(otpauthUrl).toContain('issuer=Sharefin');
    expect(qrCodeDataUrl).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/);

    const wrong = await session.request('POST', '/api/v1/me/mfa/enrollment/confirm', {
      code: wrongCode(await totpCode(testApp, secret)),
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('mfa_code_invalid');
    expect((await session.request('GET', '/api/v1/staff')).statusCode).toBe(403);

    const confirm = await session.request('POST', '/api/v1/me/mfa/enrollment/confirm', {
      code: await totpCode(testApp, secret),
    });
    expect(confirm.statusCode).toBe(200);
    recoveryCodes = confirm.json().recoveryCodes;
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[a-z0-9]{5}-[a-z0-9]{5}$/);
    adminSecret = secret;

    // Enrolling completes this login.
    expect((await session.request('GET', '/api/v1/staff')).statusCode).toBe(200);
    const after = (await session.request('GET', '/api/v1/me')).json();
    expect(after.user.mfaEnabled).toBe(true);
    expect(after.session).toMatchObject({ mfaRequired: true, mfaPassed: true });
  });

  it('asks for the code at the next login, and accepts each code once only', async () => {
    testApp.clock.advance(30_000);
    const first = await passwordStep('admin');
    expect(first.next).toBe('mfa_verify');
    expect((await first.session.request('GET', '/api/v1/staff')).json().error.code).toBe(
      'mfa_required',
    );
    const code = await totpCode(testApp, adminSecret);
    const verify = await first.session.request('POST', '/api/v1/auth/mfa/verify', { code });
    expect(verify.statusCode).toBe(200);
    expect(verify.json()).toEqual({ next: 'done' });
    expect((await first.session.request('GET', '/api/v1/staff')).statusCode).toBe(200);

    // Someone who saw that code over the admin's shoulder cannot use it for another session.
    const second = await passwordStep('admin');
    const replay = await second.session.request('POST', '/api/v1/auth/mfa/verify', { code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('mfa_code_invalid');
    expect((await second.session.request('GET', '/api/v1/staff')).statusCode).toBe(403);

    // The next code, in the next 30-second window, is fine.
    testApp.clock.advance(30_000);
    const nextCode = await totpCode(testApp, adminSecret);
    expect(
      (await second.session.request('POST', '/api/v1/auth/mfa/verify', { code: nextCode }))
        .statusCode,
    ).toBe(200);
  });

  it('refuses a wrong code with 401 and keeps the session waiting', async () => {
    testApp.clock.advance(30_000);
    const { session } = await passwordStep('admin');
    const wrong = await session.request('POST', '/api/v1/auth/mfa/verify', {
      code: wrongCode(await totpCode(testApp, adminSecret)),
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('mfa_code_invalid');
    expect((await session.request('GET', '/api/v1/me')).json().session.mfaPassed).toBe(false);
  });

  it('accepts a recovery code once only', async () => {
    const recoveryCode = recoveryCodes[3] as string;
    const first = await passwordStep('admin');
    const used = await first.session.request('POST', '/api/v1/auth/mfa/verify', { recoveryCode });
    expect(used.statusCode).toBe(200);
    expect((await first.session.request('GET', '/api/v1/staff')).statusCode).toBe(200);

    const second = await passwordStep('admin');
    const again = await second.session.request('POST', '/api/v1/auth/mfa/verify', { recoveryCode });
    expect(again.statusCode).toBe(401);
    expect(again.json().error.code).toBe('mfa_code_invalid');

    // Another, unused one still works, however it is typed.
    const other = (recoveryCodes[4] as string).toUpperCase().replace('-', ' ');
    expect(
      (await second.session.request('POST', '/api/v1/auth/mfa/verify', { recoveryCode: other }))
        .statusCode,
    ).toBe(200);
  });

  it('does not let a session that still owes its code replace the authenticator', async () => {
    const { session, next } = await passwordStep('admin');
    expect(next).toBe('mfa_verify');
    const restart = await session.request('POST', '/api/v1/me/mfa/enrollment');
    expect(restart.statusCode).toBe(403);
    expect(restart.json().error.code).toBe('mfa_required');

    // The enrolled authenticator keeps working.
    testApp.clock.advance(30_000);
    const verify = await session.request('POST', '/api/v1/auth/mfa/verify', {
      code: await totpCode(testApp, adminSecret),
    });
    expect(verify.statusCode).toBe(200);
  });

  it('lets a verified session re-enroll without breaking the old authenticator until confirmed', async () => {
    testApp.clock.advance(30_000);
    const { session } = await signIn(testApp, 'admin', { totpSecret: adminSecret });
    const restart = await session.request('POST', '/api/v1/me/mfa/enrollment');
    expect(restart.statusCode).toBe(200);
    expect(restart.json().secret).not.toBe(adminSecret);

    // Not confirmed: the next login still takes a code from the old secret.
    testApp.clock.advance(30_000);
    const { next, session: later } = await passwordStep('admin');
    expect(next).toBe('mfa_verify');
    expect(
      (
        await later.request('POST', '/api/v1/auth/mfa/verify', {
          code: await totpCode(testApp, adminSecret),
        })
      ).statusCode,
    ).toBe(200);
  });

  it('makes a branch manager (who approves merchants) enroll too, but not an operator', async () => {
    const manager = await passwordStep('shinan.manager');
    expect(manager.next).toBe('mfa_enroll');
    expect((await manager.session.request('GET', '/api/v1/org-nodes')).json().error.code).toBe(
      'mfa_required',
    );

    const operator = await passwordStep('shinan.operator');
    expect(operator.next).toBe('done');
    expect((await operator.session.request('GET', '/api/v1/org-nodes')).statusCode).toBe(200);
    expect((await operator.session.request('GET', '/api/v1/me')).json().session).toMatchObject({
      mfaRequired: false,
      mfaPassed: true,
    });
  });

  it('makes a user enroll again after an administrator resets their MFA', async () => {
    const user = await createStaffUser(testApp.database.db, { nodeCode: 'QD020', roles: ['risk'] });
    const { session: userSession, secret } = await signIn(testApp, user.username);
    expect(secret).toBeTruthy();

    testApp.clock.advance(30_000);
    const { session: admin } = await signIn(testApp, 'admin', { totpSecret: adminSecret });
    const reset = await admin.request('POST', `/api/v1/staff/${user.id}/mfa-reset`);
    expect(reset.statusCode).toBe(200);
    expect(reset.json().mfaEnabled).toBe(false);

    // The user's open session ends, and the lost authenticator is no longer asked for.
    expect((await userSession.request('GET', '/api/v1/me')).json().error.code).toBe(
      'session_expired',
    );
    const { next } = await passwordStep(user.username);
    expect(next).toBe('mfa_enroll');
  });

  it('refuses an MFA reset of oneself', async () => {
    testApp.clock.advance(30_000);
    const { session: admin } = await signIn(testApp, 'admin', { totpSecret: adminSecret });
    const me = (await admin.request('GET', '/api/v1/me')).json();
    const reset = await admin.request('POST', `/api/v1/staff/${me.user.id}/mfa-reset`);
    expect(reset.statusCode).toBe(400);
    expect(reset.json().error.code).toBe('cannot_change_self');
  });
});

describe('MFA enforcement off', () => {
  let relaxedApp: TestApp;
  beforeAll(async () => {
    relaxedApp = await createTestApp({ SHAREFIN_MFA_ENFORCEMENT: 'off' });
  });
  afterAll(() => relaxedApp.close());

  it('lets an admin without an authenticator in and says enforcement is off', async () => {
    const login = await postLogin(relaxedApp, 'admin');
    expect(login.json().next).toBe('done');
    const session = sessionFrom(relaxedApp, login);
    const me = await session.request('GET', '/api/v1/me');
    expect(me.json().settings).toEqual({ mfaEnforced: false });
    expect(me.json().session.mfaRequired).toBe(false);
    expect((await session.request('GET', '/api/v1/staff')).statusCode).toBe(200);
  });
});
