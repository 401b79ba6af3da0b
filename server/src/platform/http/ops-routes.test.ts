import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, signIn } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { expectedMigrationCount } from '../db/migrations.js';

let testApp: TestApp;
let admin: Session;
beforeAll(async () => {
  testApp = await createTestApp();
  ({ session: admin } = await signIn(testApp, 'admin'));
});
afterAll(() => testApp.close());

const get = (url: string) => testApp.app.inject({ method: 'GET', url });

describe('probes and metrics', () => {
  it('answers /healthz', async () => {
    const reply = await get('/healthz');
    expect(reply.statusCode).toBe(200);
    expect(reply.json()).toEqual({ status: 'ok' });
  });

  it('answers /readyz with the database kind and every migration applied', async () => {
    const reply = await get('/readyz');
    expect(reply.statusCode).toBe(200);
    expect(reply.json()).toEqual({
      status: 'ready',
      database: testApp.database.kind,
      migrations: expectedMigrationCount(),
    });
    expect(expectedMigrationCount()).toBeGreaterThanOrEqual(2);
  });

  it('exposes request latency by route pattern, the database pool and the process on /metrics', async () => {
    expect((await admin.request('GET', '/api/v1/staff?limit=1')).statusCode).toBe(200);
    const staffId = (await admin.request('GET', '/api/v1/staff?limit=1')).json().data[0].id;
    expect((await admin.request('GET', `/api/v1/staff/${staffId}`)).statusCode).toBe(200);

    const reply = await get('/metrics');
    expect(reply.statusCode).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^text\/plain/);
    const text = reply.body;
    expect(text).toMatch(
      /http_request_duration_seconds_count\{[^}]*route="\/api\/v1\/staff"[^}]*status_code="200"[^}]*\} 2/,
    );
    // The pattern, not the id: one label for every staff user.
    expect(text).toMatch(/http_request_duration_seconds_count\{[^}]*route="\/api\/v1\/staff\/:id"/);
    expect(text).not.toContain(staffId);
    expect(text).toMatch(/db_pool_connections\{state="total"\} \d+/);
    expect(text).toMatch(/^process_cpu_user_seconds_total /m);
    expect(text).toMatch(/^process_resident_memory_bytes /m);
  });
});

describe('API document', () => {
  it('serves an OpenAPI 3.1 document of the routes with their request bodies', async () => {
    const reply = await get('/openapi.json');
    expect(reply.statusCode).toBe(200);
    const document = reply.json();
    expect(document.openapi).toBe('3.1.0');
    expect(document.info.title).toBe('Sharefin API');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/v1/staff', '/api/v1/org-nodes', '/api/v1/audit-events']),
    );

    const createNode = document.paths['/api/v1/org-nodes'].post;
    const nodeBody = createNode.requestBody.content['application/json'].schema;
    expect(nodeBody.required).toEqual(
      expect.arrayContaining(['parentId', 'code', 'name', 'regionCode']),
    );
    expect(nodeBody.additionalProperties).toBe(false);
    const staffBody =
      document.paths['/api/v1/staff'].post.requestBody.content['application/json'].schema;
    expect(Object.keys(staffBody.properties)).toEqual(
      expect.arrayContaining(['username', 'displayName', 'orgNodeId', 'roles']),
    );
    expect(
      document.paths['/api/v1/staff'].get.parameters.map(
        (parameter: { name: string }) => parameter.name,
      ),
    ).toEqual(expect.arrayContaining(['limit', 'startingAfter']));
    // Probes are for machines, not part of the API reference.
    expect(document.paths['/healthz']).toBeUndefined();
  });

  it('renders the reference page with its script served locally', async () => {
    // /docs sends the browser to /docs/, so the page's relative script path resolves under it.
    const entry = await get('/docs');
    const page = entry.statusCode === 200 ? entry : await get(String(entry.headers.location));
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('/openapi.json');
    expect(page.body).toMatch(/<script src="(\/docs\/)?js\/scalar\.js"/);
    expect(page.body).not.toMatch(/<script src="https?:/);
    const script = await get('/docs/js/scalar.js');
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toMatch(/javascript/);
    expect(script.body.length).toBeGreaterThan(10_000);
  });
});

describe('HTTP plumbing', () => {
  it('answers an unknown API path with route_not_found in the error model', async () => {
    const reply = await get('/api/v1/nope');
    expect(reply.statusCode).toBe(404);
    expect(reply.json()).toEqual({
      error: {
        type: 'not_found_error',
        code: 'route_not_found',
        message: '接口不存在',
        requestId: reply.headers['request-id'],
      },
    });
  });

  it('answers a body that is not JSON with invalid_json', async () => {
    const reply = await admin.request('POST', '/api/v1/org-nodes', '{"parentId": ', {
      'content-type': 'application/json',
    });
    expect(reply.statusCode).toBe(400);
    expect(reply.json().error).toMatchObject({
      type: 'invalid_request_error',
      code: 'invalid_json',
    });
  });

  it('refuses a body with an unknown field and names the field', async () => {
    const reply = await admin.request('POST', '/api/v1/org-nodes', {
      parentId: 'org_x',
      code: 'QD099',
      name: '多余字段支行',
      regionCode: '370202',
      kind: 'head_office',
    });
    expect(reply.statusCode).toBe(400);
    const error = reply.json().error;
    expect(error.code).toBe('validation_failed');
    expect(error.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ param: 'kind', code: 'unrecognized_keys' }),
      ]),
    );
    expect(
      error.errors.find((field: { param: string }) => field.param === 'kind').message,
    ).toContain('kind');
  });

  it('lists every invalid field of a body', async () => {
    const reply = await admin.request('POST', '/api/v1/org-nodes', {
      parentId: '',
      code: 'lower',
      name: 'x',
      regionCode: '37',
    });
    expect(reply.statusCode).toBe(400);
    const params = reply.json().error.errors.map((field: { param: string }) => field.param);
    expect(params).toEqual(expect.arrayContaining(['parentId', 'code', 'name', 'regionCode']));
  });

  it('gives every reply a Request-Id, keeping a well-formed one the caller sent', async () => {
    const replies = [
      await get('/healthz'),
      await get('/api/v1/nope'),
      await get('/openapi.json'),
      await admin.request('GET', '/api/v1/me'),
      await admin.request('POST', '/api/v1/org-nodes', 'not json', {
        'content-type': 'application/json',
      }),
    ];
    for (const reply of replies) expect(reply.headers['request-id']).toMatch(/^req_[0-9a-z]{26}$/);
    const ids = new Set(replies.map((reply) => reply.headers['request-id']));
    expect(ids.size).toBe(replies.length);

    const kept = await testApp.app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'request-id': 'trace-abc-12345' },
    });
    expect(kept.headers['request-id']).toBe('trace-abc-12345');
    const replaced = await testApp.app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'request-id': 'bad id <script>' },
    });
    expect(replaced.headers['request-id']).toMatch(/^req_/);
  });
});
