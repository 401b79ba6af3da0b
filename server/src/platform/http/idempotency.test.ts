import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoNode, type Session, signIn } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { auditEvents } from '../../modules/audit/tables.js';
import { orgNodes } from '../../modules/orgs/tables.js';

let testApp: TestApp;
let admin: Session;
let adminSecret: string | undefined;
let headOfficeId: string;
beforeAll(async () => {
  testApp = await createTestApp();
  ({ session: admin, secret: adminSecret } = await signIn(testApp, 'admin'));
  headOfficeId = (await demoNode(testApp.database.db, 'QD000')).id;
});
afterAll(() => testApp.close());

let codeCounter = 0;
/** A branch code no other test in this file uses. */
function freshCode(): string {
  codeCounter += 1;
  return `ID${String(codeCounter).padStart(3, '0')}`;
}

function branchBody(code: string, name = `测试支行${code}`) {
  return { parentId: headOfficeId, code, name, regionCode: '370202' };
}

function createBranch(session: Session, body: unknown, key: string) {
  return session.request('POST', '/api/v1/org-nodes', body, { 'idempotency-key': key });
}

async function nodesWithCode(code: string): Promise<number> {
  const [row] = await testApp.database.db
    .select({ n: count() })
    .from(orgNodes)
    .where(eq(orgNodes.code, code));
  return row?.n ?? 0;
}

async function creationAudits(nodeId: string): Promise<number> {
  const [row] = await testApp.database.db
    .select({ n: count() })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, 'org.node.created'), eq(auditEvents.targetId, nodeId)));
  return row?.n ?? 0;
}

describe('Idempotency-Key on POST /api/v1/org-nodes', () => {
  it('replays the stored reply for the same key and body, without creating a second node', async () => {
    const code = freshCode();
    const first = await createBranch(admin, branchBody(code), 'replay-key-1');
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();

    const again = await createBranch(admin, branchBody(code), 'replay-key-1');
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await nodesWithCode(code)).toBe(1);
    expect(await creationAudits(first.json().id)).toBe(1);
  });

  it('treats another key as another request: it runs, and meets the code already taken', async () => {
    const code = freshCode();
    expect((await createBranch(admin, branchBody(code), 'distinct-a')).statusCode).toBe(201);
    const second = await createBranch(admin, branchBody(code), 'distinct-b');
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('org_node_code_taken');
  });

  it('refuses the same key with another body (422) and does not run the request', async () => {
    const code = freshCode();
    const other = freshCode();
    expect((await createBranch(admin, branchBody(code), 'reused-key')).statusCode).toBe(201);
    const reused = await createBranch(admin, branchBody(other), 'reused-key');
    expect(reused.statusCode).toBe(422);
    expect(reused.json().error).toMatchObject({
      code: 'idempotency_key_reused',
      requestId: reused.headers['request-id'],
    });
    expect(await nodesWithCode(other)).toBe(0);
  });

  it('accepts a key of 255 characters and refuses a longer one with 400', async () => {
    const code = freshCode();
    const longest = await createBranch(admin, branchBody(code), 'k'.repeat(255));
    expect(longest.statusCode).toBe(201);

    const tooLong = await createBranch(admin, branchBody(freshCode()), 'k'.repeat(256));
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error).toMatchObject({
      code: 'validation_failed',
      param: 'Idempotency-Key',
    });
  });

  it('keeps a failed request out of the store: fixing the body and retrying with the key works', async () => {
    const code = freshCode();
    const failed = await createBranch(
      admin,
      { ...branchBody(code), regionCode: '999999' },
      'retry-after-error',
    );
    expect(failed.statusCode).toBe(400);
    expect(failed.json().error.code).toBe('region_unknown');
    const fixed = await createBranch(admin, branchBody(code), 'retry-after-error');
    expect(fixed.statusCode).toBe(201);
    expect(fixed.headers['idempotent-replayed']).toBeUndefined();
  });

  it('lets 50 concurrent identical requests create exactly one node and one audit event', async () => {
    const code = freshCode();
    const replies = await Promise.all(
      Array.from({ length: 50 }, () => createBranch(admin, branchBody(code), 'concurrent-key')),
    );
    const created = replies.filter((reply) => reply.statusCode === 201);
    const inProgress = replies.filter((reply) => reply.statusCode === 409);
    expect(
      created.length + inProgress.length,
      replies.map((reply) => `${reply.statusCode} ${reply.body}`).join('\n'),
    ).toBe(50);
    expect(created.length).toBeGreaterThanOrEqual(1);
    for (const reply of inProgress)
      expect(reply.json().error.code).toBe('idempotency_key_in_progress');

    const originals = created.filter((reply) => reply.headers['idempotent-replayed'] === undefined);
    expect(originals).toHaveLength(1);
    const node = originals[0]?.json();
    for (const reply of created) expect(reply.json()).toEqual(node);

    expect(await nodesWithCode(code)).toBe(1);
    expect(await creationAudits(node.id)).toBe(1);

    // Once the first has finished, the key replays for everyone who was told to wait.
    const later = await createBranch(admin, branchBody(code), 'concurrent-key');
    expect(later.statusCode).toBe(201);
    expect(later.headers['idempotent-replayed']).toBe('true');
    expect(later.json()).toEqual(node);
  });

  it('scopes a key to its user: another user may use the same key string', async () => {
    const { session: manager } = await signIn(testApp, 'shinan.manager');
    const shinan = await demoNode(testApp.database.db, 'QD010');
    const adminCode = freshCode();
    const managerCode = freshCode();

    const byAdmin = await createBranch(admin, branchBody(adminCode), 'shared-key-string');
    const byManager = await createBranch(
      manager,
      { parentId: shinan.id, code: managerCode, name: '测试分理处', regionCode: '370202' },
      'shared-key-string',
    );
    expect(byAdmin.statusCode).toBe(201);
    expect(byManager.statusCode).toBe(201);
    expect(byManager.headers['idempotent-replayed']).toBeUndefined();
    expect(byManager.json()).toMatchObject({
      code: managerCode,
      kind: 'sub_branch',
      parentId: shinan.id,
    });
    expect(await nodesWithCode(managerCode)).toBe(1);

    // And each user's replay is their own.
    const managerReplay = await createBranch(
      manager,
      { parentId: shinan.id, code: managerCode, name: '测试分理处', regionCode: '370202' },
      'shared-key-string',
    );
    expect(managerReplay.headers['idempotent-replayed']).toBe('true');
    expect(managerReplay.json().id).toBe(byManager.json().id);
  });

  it('forgets a key after 24 hours', async () => {
    const code = freshCode();
    expect((await createBranch(admin, branchBody(code), 'day-old-key')).statusCode).toBe(201);

    testApp.clock.advance(23 * 3_600_000);
    ({ session: admin } = await signIn(testApp, 'admin', { totpSecret: adminSecret }));
    const stillKept = await createBranch(admin, branchBody(freshCode()), 'day-old-key');
    expect(stillKept.statusCode).toBe(422);

    testApp.clock.advance(2 * 3_600_000);
    // Sessions end long before a day has passed; log in again as a person would.
    ({ session: admin } = await signIn(testApp, 'admin', { totpSecret: adminSecret }));
    const otherCode = freshCode();
    const reply = await createBranch(admin, branchBody(otherCode), 'day-old-key');
    expect(reply.statusCode).toBe(201);
    expect(reply.headers['idempotent-replayed']).toBeUndefined();
    expect(reply.json().code).toBe(otherCode);
    expect(await nodesWithCode(otherCode)).toBe(1);
  });
});
