import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser, demoNode, type Session, signIn } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';

type StaffView = {
  id: string;
  username: string;
  orgNode: { code: string };
  roles: string[];
  status: string;
};

let testApp: TestApp;
let admin: Session;
let adminSecret: string;
let shinanManager: Session;
const node: Record<string, string> = {};
beforeAll(async () => {
  testApp = await createTestApp();
  const adminSignIn = await signIn(testApp, 'admin');
  admin = adminSignIn.session;
  adminSecret = adminSignIn.secret as string;
  shinanManager = (await signIn(testApp, 'shinan.manager')).session;
  for (const code of ['QD000', 'QD010', 'QD011', 'QD020', 'QD021'])
    node[code] = (await demoNode(testApp.database.db, code)).id;
});
afterAll(() => testApp.close());

async function listAll(session: Session, query = ''): Promise<StaffView[]> {
  const reply = await session.request('GET', `/api/v1/staff?limit=100${query}`);
  expect(reply.statusCode).toBe(200);
  return reply.json().data;
}

async function staffId(username: string): Promise<string> {
  const [found] = (await listAll(admin, `&q=${encodeURIComponent(username)}`)).filter(
    (staff) => staff.username === username,
  );
  if (!found) throw new Error(`No staff ${username}`);
  return found.id;
}

describe('creating staff', () => {
  it('creates a user with a temporary password shown once, and audits it', async () => {
    const reply = await admin.request('POST', '/api/v1/staff', {
      username: 'new.teller',
      displayName: '新柜员 周一',
      orgNodeId: node.QD011,
      roles: ['operator'],
    });
    expect(reply.statusCode).toBe(201);
    const { staff, temporaryPassword } = reply.json();
    expect(staff).toMatchObject({
      username: 'new.teller',
      displayName: '新柜员 周一',
      orgNode: { id: node.QD011, code: 'QD011' },
      roles: ['operator'],
      status: 'active',
      mfaEnabled: false,
      mustChangePassword: true,
      lastLoginAt: null,
    });
    expect(staff.id).toMatch(/^usr_/);
    expect(temporaryPassword).toMatch(/^(?=.*[A-Za-z])(?=.*\d).{10,}$/);

    // Shown once: reading the user back does not reveal it.
    const readBack = await admin.request('GET', `/api/v1/staff/${staff.id}`);
    expect(readBack.statusCode).toBe(200);
    expect(readBack.body).not.toContain(temporaryPassword);

    const audit = await admin.request(
      'GET',
      `/api/v1/audit-events?action=staff.created&targetId=${staff.id}`,
    );
    const [event] = audit.json().data;
    expect(event.actor.username).toBe('admin');
    expect(event.changes).toEqual({
      username: { before: null, after: 'new.teller' },
      displayName: { before: null, after: '新柜员 周一' },
      orgNodeId: { before: null, after: node.QD011 },
      roles: { before: null, after: ['operator'] },
    });
    expect(JSON.stringify(event)).not.toContain(temporaryPassword);

    // The new user can log in with the temporary password, and must change it first.
    const login = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'new.teller', password: temporaryPassword },
    });
    expect(login.json().next).toBe('change_password');
  });

  it('replays the same reply for a repeated Idempotency-Key and creates one user', async () => {
    const body = {
      username: 'twice.sent',
      displayName: '重复提交',
      orgNodeId: node.QD010,
      roles: ['operator'],
    };
    const headers = { 'idempotency-key': 'create-twice-sent-1' };
    const first = await admin.request('POST', '/api/v1/staff', body, headers);
    const second = await admin.request('POST', '/api/v1/staff', body, headers);
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json()).toEqual(first.json());
    expect((await listAll(admin, '&q=twice.sent')).map((staff) => staff.username)).toEqual([
      'twice.sent',
    ]);

    const otherBody = await admin.request(
      'POST',
      '/api/v1/staff',
      { ...body, displayName: '另一个' },
      headers,
    );
    expect(otherBody.statusCode).toBe(422);
    expect(otherBody.json().error.code).toBe('idempotency_key_reused');
  });

  it('refuses a username that is taken', async () => {
    const reply = await admin.request('POST', '/api/v1/staff', {
      username: 'shinan.operator',
      displayName: '重名',
      orgNodeId: node.QD010,
      roles: ['operator'],
    });
    expect(reply.statusCode).toBe(409);
    expect(reply.json().error).toMatchObject({ code: 'username_taken', param: 'username' });
  });

  it('answers racing creations of one username with one user and 409s, never a 500', async () => {
    const body = {
      username: 'race.teller',
      displayName: '并发',
      orgNodeId: node.QD010,
      roles: ['operator'],
    };
    const replies = await Promise.all(
      Array.from({ length: 8 }, () => admin.request('POST', '/api/v1/staff', body)),
    );
    const statuses = replies.map((reply) => reply.statusCode).sort();
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status !== 201).every((status) => status === 409)).toBe(
      true,
    );
    for (const reply of replies.filter((each) => each.statusCode === 409)) {
      expect(reply.json().error.code).toBe('username_taken');
    }
  });

  it('refuses unknown and invalid fields, naming each', async () => {
    const reply = await admin.request('POST', '/api/v1/staff', {
      username: 'Bad Name',
      displayName: '字段',
      orgNodeId: node.QD010,
      roles: ['operator'],
      isSuperuser: true,
    });
    expect(reply.statusCode).toBe(400);
    const { error } = reply.json();
    expect(error.code).toBe('validation_failed');
    const params = error.errors.map((fieldError: { param: string }) => fieldError.param);
    expect(params).toEqual(expect.arrayContaining(['isSuperuser', 'username']));
    expect(await listAll(admin, '&q=Bad')).toEqual([]);

    const unknownRole = await admin.request('POST', '/api/v1/staff', {
      username: 'role.less',
      displayName: '角色',
      orgNodeId: node.QD010,
      roles: ['superuser'],
    });
    expect(unknownRole.statusCode).toBe(400);
    expect(unknownRole.json().error.errors[0].param).toBe('roles.0');
  });
});

describe('listing staff', () => {
  it('searches by name and filters by role and status', async () => {
    const byName = await listAll(admin, '&q=shinan');
    expect(byName.map((staff) => staff.username).sort()).toEqual([
      'shinan.manager',
      'shinan.operator',
    ]);
    const byDisplayName = await listAll(admin, `&q=${encodeURIComponent('崂山')}`);
    expect(byDisplayName.map((staff) => staff.username)).toEqual(['laoshan.manager']);

    const managers = await listAll(admin, '&role=branch_manager');
    expect(managers.map((staff) => staff.username).sort()).toEqual([
      'laoshan.manager',
      'shinan.manager',
    ]);

    const locked = await createStaffUser(testApp.database.db, {
      nodeCode: 'QD021',
      roles: ['marketing'],
    });
    expect((await admin.request('POST', `/api/v1/staff/${locked.id}/lock`)).json().status).toBe(
      'locked',
    );
    expect((await listAll(admin, '&status=locked')).map((staff) => staff.id)).toEqual([locked.id]);
    expect((await listAll(admin, '&status=active')).map((staff) => staff.id)).not.toContain(
      locked.id,
    );

    const inLaoshan = await listAll(admin, `&orgNodeId=${node.QD020}`);
    expect(inLaoshan.map((staff) => staff.username).sort()).toEqual(
      ['laoshan.manager', locked.username].sort(),
    );
  });

  it('pages through everyone with limit and startingAfter, newest first', async () => {
    const everyone = await listAll(admin);
    expect(everyone.length).toBeGreaterThanOrEqual(8);
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 50; page++) {
      const query = `/api/v1/staff?limit=2${cursor ? `&startingAfter=${cursor}` : ''}`;
      const reply = (await admin.request('GET', query)).json() as {
        data: StaffView[];
        hasMore: boolean;
      };
      expect(reply.data.length).toBeLessThanOrEqual(2);
      seen.push(...reply.data.map((staff) => staff.id));
      if (!reply.hasMore) break;
      expect(reply.data).toHaveLength(2);
      cursor = reply.data.at(-1)?.id;
    }
    expect(seen).toEqual(everyone.map((staff) => staff.id));
    expect([...seen].sort().reverse()).toEqual(seen);
  });

  it('refuses a limit outside 1..100', async () => {
    const reply = await admin.request('GET', '/api/v1/staff?limit=101');
    expect(reply.statusCode).toBe(400);
    expect(reply.json().error.param).toBe('limit');
  });
});

describe('branch scoping', () => {
  it('shows a branch manager only the staff of their branch subtree', async () => {
    const inSubBranch = await createStaffUser(testApp.database.db, {
      nodeCode: 'QD012',
      roles: ['operator'],
    });
    const visible = await listAll(shinanManager);
    expect(visible.length).toBeGreaterThanOrEqual(3);
    for (const staff of visible) expect(['QD010', 'QD011', 'QD012']).toContain(staff.orgNode.code);
    expect(visible.map((staff) => staff.username)).toEqual(
      expect.arrayContaining(['shinan.manager', 'shinan.operator', inSubBranch.username]),
    );
    // Asking for a node outside the subtree by id is a 404, not an empty list.
    const outside = await shinanManager.request('GET', `/api/v1/staff?orgNodeId=${node.QD020}`);
    expect(outside.statusCode).toBe(404);
  });

  it('answers 404 for a user of another branch, whatever the action', async () => {
    const laoshanManager = await staffId('laoshan.manager');
    const attempts = [
      await shinanManager.request('GET', `/api/v1/staff/${laoshanManager}`),
      await shinanManager.request('PATCH', `/api/v1/staff/${laoshanManager}`, {
        displayName: '改名',
      }),
      await shinanManager.request('POST', `/api/v1/staff/${laoshanManager}/lock`),
      await shinanManager.request('POST', `/api/v1/staff/${laoshanManager}/password-reset`),
      await shinanManager.request('POST', `/api/v1/staff/${laoshanManager}/mfa-reset`),
    ];
    for (const reply of attempts) {
      expect(reply.statusCode).toBe(404);
      expect(reply.json().error.code).toBe('resource_not_found');
    }
    // Nothing happened to the user.
    const untouched = (await admin.request('GET', `/api/v1/staff/${laoshanManager}`)).json();
    expect(untouched).toMatchObject({
      displayName: '崂山支行行长 陈静',
      status: 'active',
      mustChangePassword: false,
    });
  });

  it('does not let a branch manager create staff in another branch', async () => {
    const reply = await shinanManager.request('POST', '/api/v1/staff', {
      username: 'laoshan.intruder',
      displayName: '越权',
      orgNodeId: node.QD020,
      roles: ['operator'],
    });
    expect(reply.statusCode).toBe(404);
    expect(reply.json().error.code).toBe('resource_not_found');
  });

  it('does not let a branch manager grant admin or auditor', async () => {
    for (const role of ['admin', 'auditor']) {
      const reply = await shinanManager.request('POST', '/api/v1/staff', {
        username: `would.be.${role}`,
        displayName: '越权角色',
        orgNodeId: node.QD011,
        roles: [role],
      });
      expect(reply.statusCode, role).toBe(403);
      expect(reply.json().error).toMatchObject({ code: 'permission_denied', param: 'roles' });
    }
    const operator = await staffId('shinan.operator');
    const promote = await shinanManager.request('PATCH', `/api/v1/staff/${operator}`, {
      roles: ['operator', 'auditor'],
    });
    expect(promote.statusCode).toBe(403);
    expect((await admin.request('GET', `/api/v1/staff/${operator}`)).json().roles).toEqual([
      'operator',
    ]);
  });

  it('does not let a branch manager take over an account more powerful than their own', async () => {
    // An auditor placed in the branch holds audit:read, which the branch manager lacks.
    const created = await admin.request('POST', '/api/v1/staff', {
      username: 'shinan.auditor',
      displayName: '市南审计',
      orgNodeId: node.QD011,
      roles: ['auditor'],
    });
    const auditor = created.json().staff.id as string;
    // Resetting both factors would hand the manager the auditor's login.
    for (const action of ['password-reset', 'mfa-reset', 'lock']) {
      const reply = await shinanManager.request('POST', `/api/v1/staff/${auditor}/${action}`);
      expect(reply.statusCode, action).toBe(403);
      expect(reply.json().error.code).toBe('permission_denied');
    }
    const moved = await shinanManager.request('PATCH', `/api/v1/staff/${auditor}`, {
      displayName: '改名',
    });
    expect(moved.statusCode).toBe(403);
    const untouched = (await admin.request('GET', `/api/v1/staff/${auditor}`)).json();
    expect(untouched).toMatchObject({
      displayName: '市南审计',
      status: 'active',
      mustChangePassword: true,
    });

    // An equal, such as another manager of the same branch, can still be helped.
    const peer = await createStaffUser(testApp.database.db, {
      nodeCode: 'QD011',
      roles: ['branch_manager'],
    });
    expect(
      (await shinanManager.request('POST', `/api/v1/staff/${peer.id}/password-reset`)).statusCode,
    ).toBe(200);
  });

  it('lets a branch manager create an operator in a sub-branch of their branch', async () => {
    const reply = await shinanManager.request('POST', '/api/v1/staff', {
      username: 'xianggang.teller',
      displayName: '香港中路柜员',
      orgNodeId: node.QD011,
      roles: ['operator'],
    });
    expect(reply.statusCode).toBe(201);
    expect(reply.json().staff.orgNode.code).toBe('QD011');
    expect((await listAll(shinanManager)).map((staff) => staff.username)).toContain(
      'xianggang.teller',
    );
  });

  it('does not let anyone lock, reset or re-role themselves', async () => {
    for (const [session, username] of [
      [admin, 'admin'],
      [shinanManager, 'shinan.manager'],
    ] as const) {
      const id = await staffId(username);
      for (const action of ['lock', 'password-reset']) {
        const reply = await session.request('POST', `/api/v1/staff/${id}/${action}`);
        expect(reply.statusCode, `${username} ${action}`).toBe(400);
        expect(reply.json().error.code).toBe('cannot_change_self');
      }
      const reRole = await session.request('PATCH', `/api/v1/staff/${id}`, { roles: ['operator'] });
      expect(reRole.json().error.code).toBe('cannot_change_self');
    }
    // Still logged in and unchanged.
    expect((await admin.request('GET', '/api/v1/me')).json().user.roles).toEqual(['admin']);
  });

  it('locking a user ends their sessions and keeps them out', async () => {
    const user = await createStaffUser(testApp.database.db, {
      nodeCode: 'QD011',
      roles: ['operator'],
    });
    const { session } = await signIn(testApp, user.username);
    const lock = await shinanManager.request('POST', `/api/v1/staff/${user.id}/lock`);
    expect(lock.statusCode).toBe(200);
    expect(lock.json().status).toBe('locked');
    expect((await session.request('GET', '/api/v1/me')).json().error.code).toBe('session_expired');
    const login = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: user.username, password: user.password },
    });
    expect(login.json().error.code).toBe('account_locked');
  });
});

describe('org switcher', () => {
  it('narrows the admin’s view to the chosen node’s subtree', async () => {
    const { session } = await signIn(testApp, 'admin', { totpSecret: adminSecret });
    const switched = await session.request('POST', '/api/v1/me/org-node', {
      orgNodeId: node.QD020,
    });
    expect(switched.statusCode).toBe(200);
    expect(switched.json().session.currentOrgNode).toMatchObject({
      code: 'QD020',
      name: '崂山支行',
    });
    expect(switched.json().user.orgNode.code).toBe('QD000');

    const nodes = (await session.request('GET', '/api/v1/org-nodes')).json().data;
    expect(nodes.map((orgNode: { code: string }) => orgNode.code)).toEqual(['QD020', 'QD021']);
    // The switcher still lists every node the admin may switch to, siblings included.
    const switchable = (await session.request('GET', '/api/v1/org-nodes?within=home')).json().data;
    expect(switchable.map((orgNode: { code: string }) => orgNode.code)).toEqual(
      expect.arrayContaining(['QD000', 'QD010', 'QD020', 'QD030']),
    );
    const staff = await listAll(session);
    expect(staff.length).toBeGreaterThan(0);
    for (const member of staff) expect(['QD020', 'QD021']).toContain(member.orgNode.code);
    expect(
      (await session.request('GET', `/api/v1/staff/${await staffId('shinan.manager')}`)).statusCode,
    ).toBe(404);

    // Only this session is narrowed; switching back restores the whole bank.
    expect((await listAll(admin)).some((member) => member.orgNode.code === 'QD010')).toBe(true);
    const back = await session.request('POST', '/api/v1/me/org-node', { orgNodeId: node.QD000 });
    expect(back.json().session.currentOrgNode.code).toBe('QD000');
    expect((await session.request('GET', '/api/v1/org-nodes')).json().data).toHaveLength(11);
  });

  it('refuses to switch to a node outside one’s home subtree', async () => {
    const reply = await shinanManager.request('POST', '/api/v1/me/org-node', {
      orgNodeId: node.QD020,
    });
    expect(reply.statusCode).toBe(404);
    expect(reply.json().error.code).toBe('resource_not_found');
    const toRoot = await shinanManager.request('POST', '/api/v1/me/org-node', {
      orgNodeId: node.QD000,
    });
    expect(toRoot.statusCode).toBe(404);
    expect(
      (await shinanManager.request('GET', '/api/v1/me')).json().session.currentOrgNode.code,
    ).toBe('QD010');

    // Within the home subtree it works, down and back up to the home node.
    const down = await shinanManager.request('POST', '/api/v1/me/org-node', {
      orgNodeId: node.QD011,
    });
    expect(down.statusCode).toBe(200);
    const up = await shinanManager.request('POST', '/api/v1/me/org-node', {
      orgNodeId: node.QD010,
    });
    expect(up.statusCode).toBe(200);
  });
});
