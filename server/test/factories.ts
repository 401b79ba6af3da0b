import { eq } from 'drizzle-orm';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { generate } from 'otplib';
import { userRoles, users } from '../src/modules/identity/index.js';
import { orgNodes } from '../src/modules/orgs/index.js';
import { hashPassword } from '../src/platform/crypto/passwords.js';
import type { Db } from '../src/platform/db/database.js';
import { newId } from '../src/platform/ids.js';
import { demoPassword } from '../src/seed/demo-bank.js';
import type { TestApp } from './harness.js';

export { demoPassword };

/** A node of the demo bank by its code (QD000 head office, QD010 市南支行, QD011 …). */
export async function demoNode(db: Db, code: string) {
  const [node] = await db.select().from(orgNodes).where(eq(orgNodes.code, code));
  if (!node) throw new Error(`No demo node ${code}`);
  return node;
}

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

/** A staff user straight in the database, with a known password and no MFA. */
export async function createStaffUser(
  db: Db,
  options: {
    nodeCode: string;
    roles: string[];
    username?: string;
    password?: string;
    mustChangePassword?: boolean;
  },
) {
  const node = await demoNode(db, options.nodeCode);
  const id = newId('user');
  const username = options.username ?? `t.${unique()}`;
  const now = new Date();
  await db.insert(users).values({
    id,
    realm: 'staff',
    username,
    displayName: `测试 ${username}`,
    orgNodeId: node.id,
    passwordHash: await hashPassword(options.password ?? demoPassword),
    mustChangePassword: options.mustChangePassword ?? false,
    createdAt: now,
    updatedAt: now,
  });
  await db.insert(userRoles).values(options.roles.map((role) => ({ userId: id, role })));
  return { id, username, password: options.password ?? demoPassword, node };
}

/** A logged-in browser: cookie and CSRF token carried on every request. */
export type Session = {
  csrfToken: string;
  cookie: string;
  request(
    method: InjectOptions['method'],
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
};

export function sessionFrom(testApp: TestApp, login: LightMyRequestResponse): Session {
  const setCookie = login.cookies.find((cookie) => cookie.name === 'sf_session');
  if (!setCookie) throw new Error(`Login set no session cookie: ${login.statusCode} ${login.body}`);
  const session: Session = {
    csrfToken: login.json().csrfToken,
    cookie: `sf_session=${setCookie.value}`,
    request: (method, url, body, headers = {}) =>
      testApp.app.inject({
        method,
        url,
        headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, ...headers },
        ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }),
      }),
  };
  return session;
}

export function postLogin(testApp: TestApp, username: string, password = demoPassword) {
  return testApp.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
  });
}

/** The current TOTP code for a secret at the app's clock. */
export function totpCode(testApp: TestApp, secret: string): Promise<string> {
  return generate({ secret, epoch: Math.floor(testApp.clock.now().getTime() / 1000) });
}

/**
 * Logs in all the way: password, MFA enrollment or verification when required, and a
 * password change when one is due. Returns the session and the TOTP secret, if any.
 */
export async function signIn(
  testApp: TestApp,
  username: string,
  options: { password?: string; totpSecret?: string } = {},
) {
  const login = await postLogin(testApp, username, options.password);
  if (login.statusCode !== 200) throw new Error(`Login of ${username} failed: ${login.body}`);
  const session = sessionFrom(testApp, login);
  let secret = options.totpSecret;
  let next = login.json().next as string;
  if (next === 'mfa_enroll') {
    secret = (await session.request('POST', '/api/v1/me/mfa/enrollment')).json().secret as string;
    const confirm = await session.request('POST', '/api/v1/me/mfa/enrollment/confirm', {
      code: await totpCode(testApp, secret),
    });
    if (confirm.statusCode !== 200) throw new Error(`MFA enrollment failed: ${confirm.body}`);
    next = (await session.request('GET', '/api/v1/me')).json().user.mustChangePassword
      ? 'change_password'
      : 'done';
  } else if (next === 'mfa_verify') {
    if (!secret) throw new Error(`${username} needs a TOTP secret`);
    // Each code is accepted once; step past any code already used in this window.
    testApp.clock.advance(30_000);
    const verify = await session.request('POST', '/api/v1/auth/mfa/verify', {
      code: await totpCode(testApp, secret),
    });
    if (verify.statusCode !== 200) throw new Error(`MFA verification failed: ${verify.body}`);
    next = verify.json().next;
  }
  if (next === 'change_password') throw new Error(`${username} must change the password first`);
  return { session, secret };
}
