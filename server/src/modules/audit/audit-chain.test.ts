import { asc, count, eq, gt, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createStaffUser,
  demoNode,
  postLogin,
  type Session,
  signIn,
} from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import type { Db } from '../../platform/db/database.js';
import { recordAudit } from './record-audit.js';
import { auditEvents } from './tables.js';

let testApp: TestApp;
let db: Db;
let admin: Session;
let auditor: Session;
let adminId: string;
let headOffice: Awaited<ReturnType<typeof demoNode>>;
let shinan: Awaited<ReturnType<typeof demoNode>>;
let laoshan: Awaited<ReturnType<typeof demoNode>>;

/** The branch and the staff user made through the API in beforeAll, with their audit events. */
let branch: { id: string; code: string };
let staff: { id: string; temporaryPassword: string };
const branchRequestId = 'req_audit_branch_0001';

type AuditEventView = {
  id: string;
  seq: number;
  occurredAt: string;
  actor: {
    id: string | null;
    username: string | null;
    roles: string[];
    orgNodeId: string | null;
  } | null;
  ip: string | null;
  requestId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  changes: Record<string, { before: unknown; after: unknown }>;
};

beforeAll(async () => {
  testApp = await createTestApp();
  db = testApp.database.db;
  ({ session: admin } = await signIn(testApp, 'admin'));
  ({ session: auditor } = await signIn(testApp, 'hq.auditor'));
  adminId = (await admin.request('GET', '/api/v1/me')).json().user.id;
  headOffice = await demoNode(db, 'QD000');
  shinan = await demoNode(db, 'QD010');
  laoshan = await demoNode(db, 'QD020');

  const createdBranch = await admin.request(
    'POST',
    '/api/v1/org-nodes',
    { parentId: headOffice.id, code: 'QD060', name: '西海岸支行', regionCode: '370211' },
    { 'request-id': branchRequestId },
  );
  expect(createdBranch.statusCode).toBe(201);
  branch = createdBranch.json();

  const createdStaff = await admin.request('POST', '/api/v1/staff', {
    username: 'audit.teller',
    displayName: '审计测试柜员',
    orgNodeId: shinan.id,
    roles: ['operator'],
  });
  expect(createdStaff.statusCode).toBe(201);
  staff = {
    id: createdStaff.json().staff.id,
    temporaryPassword: createdStaff.json().temporaryPassword,
  };
});
afterAll(() => testApp.close());

async function search(
  session: Session,
  query: string,
): Promise<{ data: AuditEventView[]; hasMore: boolean }> {
  const reply = await session.request('GET', `/api/v1/audit-events?${query}`);
  expect(reply.statusCode, reply.body).toBe(200);
  return reply.json();
}

async function onlyEvent(query: string): Promise<AuditEventView> {
  const { data } = await search(auditor, query);
  expect(data).toHaveLength(1);
  return data[0] as AuditEventView;
}

async function verification(): Promise<{ ok: boolean; checked: number; firstBrokenId?: string }> {
  const reply = await auditor.request('GET', '/api/v1/audit-events/verification');
  expect(reply.statusCode).toBe(200);
  return reply.json();
}

async function auditRowCount(): Promise<number> {
  const [row] = await db.select({ n: count() }).from(auditEvents);
  return row?.n ?? 0;
}

/** The message of a database error, whichever driver and wrapper raised it. */
async function databaseRefusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    return `${String(error)} ${cause ? String(cause) : ''}`;
  }
  return 'not refused';
}

/** What a database superuser could do: switch the append-only trigger off around a change. */
async function tamper(change: (tx: Db) => Promise<unknown>): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_events disable trigger audit_events_append_only`);
    await change(tx);
    await tx.execute(sql`alter table audit_events enable trigger audit_events_append_only`);
  });
}

describe('audit trail of API actions', () => {
  it('records who created a branch, from where, in which request, and what it became', async () => {
    const event = await onlyEvent(`targetType=org_node&targetId=${branch.id}`);
    expect(event).toMatchObject({
      actor: { id: adminId, username: 'admin', roles: ['admin'], orgNodeId: headOffice.id },
      ip: '127.0.0.1',
      requestId: branchRequestId,
      action: 'org.node.created',
      targetType: 'org_node',
      targetId: branch.id,
    });
    expect(event.id).toMatch(/^aud_/);
    expect(event.changes).toEqual({
      code: { before: null, after: 'QD060' },
      name: { before: null, after: '西海岸支行' },
      kind: { before: null, after: 'branch' },
      regionCode: { before: null, after: '370211' },
      parentId: { before: null, after: headOffice.id },
    });
    expect(new Date(event.occurredAt).getTime()).toBeLessThanOrEqual(testApp.clock.now().getTime());
  });

  it('records a staff user’s creation without the temporary password', async () => {
    const event = await onlyEvent(`targetType=user&targetId=${staff.id}`);
    expect(event).toMatchObject({ action: 'staff.created', actor: { username: 'admin' } });
    expect(event.requestId).toMatch(/^req_/);
    expect(event.changes).toMatchObject({
      username: { before: null, after: 'audit.teller' },
      orgNodeId: { before: null, after: shinan.id },
      roles: { before: null, after: ['operator'] },
    });
    expect(JSON.stringify(event)).not.toContain(staff.temporaryPassword);
  });

  it('records only the fields a change touched, before and after', async () => {
    const renamed = await admin.request('PATCH', `/api/v1/org-nodes/${branch.id}`, {
      name: '西海岸新区支行',
    });
    expect(renamed.statusCode).toBe(200);
    const event = await onlyEvent(`action=org.node.renamed&targetId=${branch.id}`);
    expect(event.changes).toEqual({ name: { before: '西海岸支行', after: '西海岸新区支行' } });
  });

  it('masks personal data and removes secrets in what it stores and shows', async () => {
    const id = await db.transaction((tx) =>
      recordAudit(
        tx,
        testApp.clock,
        {
          userId: adminId,
          username: 'admin',
          roles: ['admin'],
          orgNodeId: headOffice.id,
          ip: '10.0.0.8',
          requestId: 'req_mask_test_01',
        },
        {
          action: 'test.customer_updated',
          targetType: 'customer',
          targetId: 'cus_1',
          scopePath: headOffice.path,
          before: { mobile: '13800138000', note: '旧' },
          after: {
            mobile: '13912345678',
            idNumber: '370202199001011234',
            bankAccountNumber: '6222020200112233445',
            legalName: '张三丰',
            password: 'Sharefin#2026',
            note: '新',
          },
        },
      ),
    );
    const reply = await auditor.request('GET', `/api/v1/audit-events/${id}`);
    expect(reply.statusCode).toBe(200);
    expect(reply.json().changes).toEqual({
      mobile: { before: '138****8000', after: '139****5678' },
      idNumber: { before: null, after: '370***********1234' },
      bankAccountNumber: { before: null, after: '622202*********3445' },
      legalName: { before: null, after: '张*' },
      password: { before: null, after: '[redacted]' },
      note: { before: '旧', after: '新' },
    });
    const [stored] = await db.select().from(auditEvents).where(eq(auditEvents.id, id));
    const atRest = JSON.stringify(stored?.changes);
    for (const clear of [
      '13800138000',
      '13912345678',
      '370202199001011234',
      '6222020200112233445',
      '张三丰',
      'Sharefin#2026',
    ]) {
      expect(atRest).not.toContain(clear);
    }
  });
});

describe('hash chain', () => {
  it('verifies the whole chain', async () => {
    const result = await verification();
    expect(result).toEqual({ ok: true, checked: await auditRowCount() });
    expect(result.checked).toBeGreaterThan(3);
  });

  it('is append-only in the database itself: UPDATE, DELETE and TRUNCATE are refused', async () => {
    const [row] = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.targetId, branch.id))
      .limit(1);
    if (!row) throw new Error('no audit row for the branch');
    expect(
      await databaseRefusal(
        db.execute(sql`update audit_events set action = 'org.node.nothing' where seq = ${row.seq}`),
      ),
    ).toMatch(/append-only/);
    expect(
      await databaseRefusal(db.execute(sql`delete from audit_events where seq = ${row.seq}`)),
    ).toMatch(/append-only/);
    expect(await databaseRefusal(db.execute(sql`truncate audit_events`))).toMatch(/append-only/);
    const [after] = await db.select().from(auditEvents).where(eq(auditEvents.seq, row.seq));
    expect(after?.action).toBe(row.action);
  });

  it('reports the first altered row when someone bypasses the trigger, and heals when it is put back', async () => {
    const [row] = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.targetId, staff.id))
      .limit(1);
    if (!row) throw new Error('no audit row for the staff user');
    const setRow = (values: Partial<typeof row>) =>
      tamper((tx) => tx.update(auditEvents).set(values).where(eq(auditEvents.seq, row.seq)));

    await setRow({ changes: { ...row.changes, roles: { before: null, after: ['admin'] } } });
    expect(await verification()).toMatchObject({ ok: false, firstBrokenId: row.id });
    await setRow({ changes: row.changes });
    expect((await verification()).ok).toBe(true);

    await setRow({ action: 'staff.viewed' });
    const broken = await verification();
    expect(broken).toMatchObject({ ok: false, firstBrokenId: row.id });
    expect(broken.checked).toBe(
      (
        await db
          .select({ n: count() })
          .from(auditEvents)
          .where(sql`${auditEvents.seq} < ${row.seq}`)
      )[0]?.n,
    );
    await setRow({ action: row.action });
    expect(await verification()).toEqual({ ok: true, checked: await auditRowCount() });
  });

  it('reports the row after a deleted one', async () => {
    const [row] = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'org.node.created'))
      .orderBy(asc(auditEvents.seq))
      .limit(1);
    if (!row) throw new Error('no org.node.created row');
    const [next] = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.seq, row.seq))
      .orderBy(asc(auditEvents.seq))
      .limit(1);
    if (!next) throw new Error('the created row is the last one');

    await tamper((tx) => tx.delete(auditEvents).where(eq(auditEvents.seq, row.seq)));
    expect(await verification()).toMatchObject({ ok: false, firstBrokenId: next.id });

    await db.insert(auditEvents).values(row);
    expect((await verification()).ok).toBe(true);
  });
});

describe('audit search', () => {
  it('finds events by actor username', async () => {
    const byAdmin = await search(auditor, 'actor=admin&limit=100');
    expect(byAdmin.data.length).toBeGreaterThan(0);
    expect(byAdmin.data.every((event) => event.actor?.username === 'admin')).toBe(true);
    expect(byAdmin.data.map((event) => event.targetId)).toContain(branch.id);

    const byAuditor = await search(auditor, 'actor=hq.auditor&limit=100');
    expect(byAuditor.data.map((event) => event.targetId)).not.toContain(branch.id);
  });

  it('finds events by action prefix, taking % and _ literally', async () => {
    const orgEvents = await search(auditor, 'action=org.node.&limit=100');
    expect(orgEvents.data.map((event) => event.action).sort()).toEqual([
      'org.node.created',
      'org.node.renamed',
    ]);
    const staffEvents = await search(auditor, 'action=staff.&limit=100');
    expect(staffEvents.data.map((event) => event.targetId)).toEqual([staff.id]);

    expect((await search(auditor, 'action=org_node')).data).toEqual([]);
    expect((await search(auditor, 'action=%25node')).data).toEqual([]);
  });

  it('finds events in a time range: from inclusive, to exclusive', async () => {
    // Within the session's idle limit, so the people here stay logged in.
    testApp.clock.advance(10 * 60_000);
    const boundary = testApp.clock.now().toISOString();
    const later = await admin.request('POST', '/api/v1/org-nodes', {
      parentId: headOffice.id,
      code: 'QD070',
      name: '胶州支行',
      regionCode: '370281',
    });
    expect(later.statusCode).toBe(201);

    const fromBoundary = await search(
      auditor,
      `action=org.node.created&from=${encodeURIComponent(boundary)}`,
    );
    expect(fromBoundary.data.map((event) => event.targetId)).toEqual([later.json().id]);
    const beforeBoundary = await search(
      auditor,
      `action=org.node.created&to=${encodeURIComponent(boundary)}`,
    );
    expect(beforeBoundary.data.map((event) => event.targetId)).toEqual([branch.id]);
  });

  it('pages newest first with limit and startingAfter, without gaps or repeats', async () => {
    const all = await search(auditor, 'limit=100');
    expect(all.hasMore).toBe(false);
    const seqs = all.data.map((event) => event.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));

    const paged: string[] = [];
    let cursor = '';
    for (let page = 0; page < 50; page++) {
      const reply = await search(auditor, `limit=3${cursor ? `&startingAfter=${cursor}` : ''}`);
      expect(reply.data.length).toBeLessThanOrEqual(3);
      paged.push(...reply.data.map((event) => event.id));
      if (!reply.hasMore) break;
      cursor = reply.data.at(-1)?.id ?? '';
    }
    expect(paged).toEqual(all.data.map((event) => event.id));

    const badCursor = await auditor.request('GET', '/api/v1/audit-events?startingAfter=aud_nope');
    expect(badCursor.statusCode).toBe(400);
    expect(badCursor.json().error).toMatchObject({
      code: 'validation_failed',
      param: 'startingAfter',
    });
  });

  it('refuses staff without audit:read', async () => {
    const { session: operator } = await signIn(testApp, 'shinan.operator');
    for (const url of ['/api/v1/audit-events', '/api/v1/audit-events/verification']) {
      const reply = await operator.request('GET', url);
      expect(reply.statusCode).toBe(403);
      expect(reply.json().error.code).toBe('permission_denied');
    }
  });

  it('shows a branch auditor only the events of their branch subtree', async () => {
    const laoshanStaff = await admin.request('POST', '/api/v1/staff', {
      username: 'laoshan.teller',
      displayName: '崂山测试柜员',
      orgNodeId: laoshan.id,
      roles: ['operator'],
    });
    expect(laoshanStaff.statusCode).toBe(201);
    const unknownLogin = await postLogin(testApp, 'nobody.at.all', 'wrong-password');
    expect(unknownLogin.statusCode).toBe(401);

    const branchAuditorUser = await createStaffUser(db, { nodeCode: 'QD010', roles: ['auditor'] });
    const { session: branchAuditor } = await signIn(testApp, branchAuditorUser.username);

    const seen = await search(branchAuditor, 'action=staff.created&limit=100');
    expect(seen.data.map((event) => event.targetId)).toEqual([staff.id]);
    const everything = await search(branchAuditor, 'limit=100');
    expect(everything.data.map((event) => event.targetId)).not.toContain(branch.id);
    expect(everything.data.map((event) => event.action)).not.toContain('system.demo_seeded');

    const laoshanEvent = await onlyEvent(
      `targetType=user&targetId=${laoshanStaff.json().staff.id}`,
    );
    const hidden = await branchAuditor.request('GET', `/api/v1/audit-events/${laoshanEvent.id}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error.code).toBe('resource_not_found');
    const shinanEvent = await onlyEvent(`targetType=user&targetId=${staff.id}`);
    expect(
      (await branchAuditor.request('GET', `/api/v1/audit-events/${shinanEvent.id}`)).statusCode,
    ).toBe(200);

    // Events about no node (a failed login for an unknown name) belong to the head office.
    const failedForUnknown = (
      await search(auditor, 'action=auth.login_failed&limit=100')
    ).data.filter((event) => event.changes.reason?.after === 'unknown_user');
    expect(failedForUnknown.length).toBeGreaterThan(0);
    expect(
      (await search(branchAuditor, 'action=auth.login_failed&limit=100')).data.map(
        (event) => event.id,
      ),
    ).not.toContain(failedForUnknown[0]?.id);
  });
});
