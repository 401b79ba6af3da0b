import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { requireDeclaredAccess } from './route-access.js';

let testApp: TestApp;
beforeAll(async () => {
  testApp = await createTestApp();
});
afterAll(() => testApp.close());

describe('route access', () => {
  it('every /api/v1 route declares the permission it needs', () => {
    const undeclared: string[] = [];
    let apiRoutes = 0;
    for (const route of testApp.routes) {
      if (!route.url.startsWith('/api/v1')) continue;
      apiRoutes += 1;
      if (!route.access?.permission) undeclared.push(`${route.method} ${route.url}`);
    }
    expect(apiRoutes).toBeGreaterThan(15);
    expect(undeclared).toEqual([]);
  });

  it('refuses to register an /api route that declares no permission', async () => {
    const app = Fastify();
    requireDeclaredAccess(app);
    expect(() => app.get('/api/v1/undeclared', async () => 'x')).toThrow(
      /declares no access permission/,
    );
    expect(() =>
      app.get(
        '/api/v1/declared',
        { config: { access: { permission: 'org:read' } } },
        async () => 'x',
      ),
    ).not.toThrow();
  });

  it('answers an anonymous call to a protected route with 401 and the error model', async () => {
    const reply = await testApp.app.inject({
      method: 'GET',
      url: '/api/v1/staff',
      headers: { 'request-id': 'req_test_12345' },
    });
    expect(reply.statusCode).toBe(401);
    expect(reply.headers['request-id']).toBe('req_test_12345');
    expect(reply.json().error).toMatchObject({
      type: 'authentication_error',
      code: 'authentication_required',
      requestId: 'req_test_12345',
    });
    expect(reply.json().error.message).toBe('请先登录');
  });

  it('speaks English when the client prefers it', async () => {
    const reply = await testApp.app.inject({
      method: 'GET',
      url: '/api/v1/staff',
      headers: { 'accept-language': 'en-US,en;q=0.9' },
    });
    expect(reply.json().error.message).toBe('Please log in');
  });
});
