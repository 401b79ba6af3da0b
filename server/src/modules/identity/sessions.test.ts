import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoNode, postLogin, type Session, sessionFrom } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';

let testApp: TestApp;
beforeAll(async () => {
  testApp = await createTestApp();
});
afterAll(() => testApp.close());

const minuteMs = 60_000;

async function operatorSession(): Promise<Session> {
  return sessionFrom(testApp, await postLogin(testApp, 'shinan.operator'));
}

function expectExpired(reply: { statusCode: number; json(): { error: { code: string } } }) {
  expect(reply.statusCode).toBe(401);
  expect(reply.json().error.code).toBe('session_expired');
}

describe('session timeouts', () => {
  it('ends a session left idle for more than 30 minutes', async () => {
    const session = await operatorSession();
    testApp.clock.advance(29 * minuteMs);
    expect((await session.request('GET', '/api/v1/me')).statusCode).toBe(200);
    // Using the session restarts the idle period.
    testApp.clock.advance(29 * minuteMs);
    expect((await session.request('GET', '/api/v1/me')).statusCode).toBe(200);

    testApp.clock.advance(31 * minuteMs);
    expectExpired(await session.request('GET', '/api/v1/me'));
    // Coming back does not revive it.
    expectExpired(await session.request('GET', '/api/v1/org-nodes'));
  });

  it('ends a session 12 hours after login however busy it is', async () => {
    const session = await operatorSession();
    for (let elapsed = 10; elapsed < 12 * 60; elapsed += 10) {
      testApp.clock.advance(10 * minuteMs);
      const reply = await session.request('GET', '/api/v1/me');
      expect(reply.statusCode, `after ${elapsed} minutes`).toBe(200);
    }
    testApp.clock.advance(10 * minuteMs);
    expectExpired(await session.request('GET', '/api/v1/me'));

    // A fresh login still works: the limit is on the session, not the user.
    expect((await (await operatorSession()).request('GET', '/api/v1/me')).statusCode).toBe(200);
  });
});

describe('CSRF protection', () => {
  it('refuses a cookie-authenticated write without the CSRF token, or with a wrong one', async () => {
    const session = await operatorSession();
    const home = await demoNode(testApp.database.db, 'QD011');
    const body = { orgNodeId: home.id };

    const without = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/me/org-node',
      headers: { cookie: session.cookie },
      payload: body,
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('csrf_token_invalid');

    const wrong = await session.request('POST', '/api/v1/me/org-node', body, {
      'x-csrf-token': 'forged-token',
    });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.code).toBe('csrf_token_invalid');

    // Another session's token is no better than a forged one.
    const other = await operatorSession();
    const crossed = await session.request('POST', '/api/v1/me/org-node', body, {
      'x-csrf-token': other.csrfToken,
    });
    expect(crossed.json().error.code).toBe('csrf_token_invalid');

    // None of the refused writes took effect.
    expect((await session.request('GET', '/api/v1/me')).json().session.currentOrgNode.code).toBe(
      'QD010',
    );

    const withToken = await session.request('POST', '/api/v1/me/org-node', body);
    expect(withToken.statusCode).toBe(200);
    expect(withToken.json().session.currentOrgNode.code).toBe('QD011');
  });

  it('lets reads through without the token', async () => {
    const session = await operatorSession();
    const reply = await testApp.app.inject({
      method: 'GET',
      url: '/api/v1/org-nodes',
      headers: { cookie: session.cookie },
    });
    expect(reply.statusCode).toBe(200);
  });

  it('gives the same token in the login reply and in GET /me', async () => {
    const session = await operatorSession();
    const me = await session.request('GET', '/api/v1/me');
    expect(me.json().session.csrfToken).toBe(session.csrfToken);
  });
});
