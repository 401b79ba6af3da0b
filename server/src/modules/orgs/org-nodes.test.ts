import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createStaffUser,
  demoNode,
  postLogin,
  type Session,
  sessionFrom,
  signIn,
} from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';

type OrgNodeView = {
  id: string;
  parentId: string | null;
  code: string;
  name: string;
  kind: string;
  regionName: string;
  depth: number;
};

let testApp: TestApp;
let admin: Session;
let shinan: Session;
let shinanSecret: string;
let laoshan: Session;
const node: Record<string, string> = {};
beforeAll(async () => {
  testApp = await createTestApp();
  admin = (await signIn(testApp, 'admin')).session;
  const shinanSignIn = await signIn(testApp, 'shinan.manager');
  shinan = shinanSignIn.session;
  shinanSecret = shinanSignIn.secret as string;
  laoshan = (await signIn(testApp, 'laoshan.manager')).session;
  for (const code of ['QD000', 'QD010', 'QD011', 'QD012', 'QD020', 'QD021'])
    node[code] = (await demoNode(testApp.database.db, code)).id;
});
afterAll(() => testApp.close());

async function codesSeenBy(session: Session): Promise<string[]> {
  const reply = await session.request('GET', '/api/v1/org-nodes');
  expect(reply.statusCode).toBe(200);
  return reply.json().data.map((orgNode: OrgNodeView) => orgNode.code);
}

describe('creating nodes', () => {
  it('adds a branch under the head office and a sub-branch under it', async () => {
    const branch = await admin.request('POST', '/api/v1/org-nodes', {
      parentId: node.QD000,
      code: 'QD060',
      name: '市北支行',
      regionCode: '370203',
    });
    expect(branch.statusCode).toBe(201);
    expect(branch.json()).toMatchObject({
      parentId: node.QD000,
      code: 'QD060',
      name: '市北支行',
      kind: 'branch',
      regionCode: '370203',
      regionName: '山东省 青岛市 市北区',
      depth: 1,
      staffCount: 0,
    });
    expect(branch.json().id).toMatch(/^org_/);

    const subBranch = await admin.request('POST', '/api/v1/org-nodes', {
      parentId: branch.json().id,
      code: 'QD061',
      name: '台东分理处',
      regionCode: '370202',
    });
    expect(subBranch.statusCode).toBe(201);
    expect(subBranch.json()).toMatchObject({
      kind: 'sub_branch',
      depth: 2,
      regionName: '山东省 青岛市 市南区',
    });

    // The tree lists a parent before its children.
    const codes = await codesSeenBy(admin);
    expect(codes).toEqual(expect.arrayContaining(['QD060', 'QD061']));
    expect(codes.indexOf('QD060')).toBeLessThan(codes.indexOf('QD061'));

    const audit = await admin.request(
      'GET',
      `/api/v1/audit-events?action=org.node.created&targetId=${branch.json().id}`,
    );
    expect(audit.json().data[0].changes).toMatchObject({
      code: { after: 'QD060' },
      kind: { after: 'branch' },
    });
  });

  it('refuses children of a sub-branch', async () => {
    const reply = await admin.request('POST', '/api/v1/org-nodes', {
      parentId: node.QD021,
      code: 'QD029',
      name: '不该存在',
      regionCode: '370212',
    });
    expect(reply.statusCode).toBe(400);
    expect(reply.json().error).toMatchObject({
      code: 'org_node_invalid_parent',
      param: 'parentId',
    });
  });

  it('refuses an unknown region code and a code already in use', async () => {
    const unknownRegion = await admin.request('POST', '/api/v1/org-nodes', {
      parentId: node.QD000,
      code: 'QD070',
      name: '无效地区',
      regionCode: '379999',
    });
    expect(unknownRegion.statusCode).toBe(400);
    expect(unknownRegion.json().error).toMatchObject({
      code: 'region_unknown',
      param: 'regionCode',
    });

    const duplicate = await admin.request('POST', '/api/v1/org-nodes', {
      parentId: node.QD000,
      code: 'QD010',
      name: '又一个市南',
      regionCode: '370202',
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error).toMatchObject({ code: 'org_node_code_taken', param: 'code' });
    expect(await codesSeenBy(admin)).not.toContain('QD070');
  });

  it('does not let a branch manager add nodes outside their branch', async () => {
    const reply = await laoshan.request('POST', '/api/v1/org-nodes', {
      parentId: node.QD010,
      code: 'QD019',
      name: '越权网点',
      regionCode: '370202',
    });
    expect(reply.statusCode).toBe(404);
    const own = await laoshan.request('POST', '/api/v1/org-nodes', {
      parentId: node.QD020,
      code: 'QD022',
      name: '北宅分理处',
      regionCode: '370212',
    });
    expect(own.statusCode).toBe(201);
  });

  it('refuses writes from an operator, who may only read', async () => {
    const operator = sessionFrom(testApp, await postLogin(testApp, 'shinan.operator'));
    expect((await operator.request('GET', '/api/v1/org-nodes')).statusCode).toBe(200);
    const reply = await operator.request('POST', '/api/v1/org-nodes', {
      parentId: node.QD010,
      code: 'QD018',
      name: '柜员建的',
      regionCode: '370202',
    });
    expect(reply.statusCode).toBe(403);
    expect(reply.json().error.code).toBe('permission_denied');
    const rename = await operator.request('PATCH', `/api/v1/org-nodes/${node.QD011}`, {
      name: '柜员改的',
    });
    expect(rename.json().error.code).toBe('permission_denied');
  });
});

describe('renaming', () => {
  it('renames a node and audits the old and new name', async () => {
    const reply = await admin.request('PATCH', `/api/v1/org-nodes/${node.QD021}`, {
      name: '沙子口网点',
    });
    expect(reply.statusCode).toBe(200);
    expect(reply.json()).toMatchObject({ code: 'QD021', name: '沙子口网点' });

    const audit = await admin.request(
      'GET',
      `/api/v1/audit-events?action=org.node.renamed&targetId=${node.QD021}`,
    );
    const events = audit.json().data;
    expect(events).toHaveLength(1);
    expect(events[0].changes).toEqual({ name: { before: '沙子口分理处', after: '沙子口网点' } });

    const unknownRegion = await admin.request('PATCH', `/api/v1/org-nodes/${node.QD021}`, {
      regionCode: '000001',
    });
    expect(unknownRegion.json().error.code).toBe('region_unknown');
    const code = await admin.request('PATCH', `/api/v1/org-nodes/${node.QD021}`, { code: 'QD099' });
    expect(code.statusCode).toBe(400);
    expect(code.json().error.code).toBe('validation_failed');
  });
});

describe('moving', () => {
  it('moves a sub-branch, with its staff, to another branch', async () => {
    const teller = await createStaffUser(testApp.database.db, {
      nodeCode: 'QD011',
      roles: ['operator'],
    });
    expect((await shinan.request('GET', `/api/v1/staff/${teller.id}`)).statusCode).toBe(200);
    expect((await laoshan.request('GET', `/api/v1/staff/${teller.id}`)).statusCode).toBe(404);

    const move = await admin.request('POST', `/api/v1/org-nodes/${node.QD011}/move`, {
      parentId: node.QD020,
    });
    expect(move.statusCode).toBe(200);
    expect(move.json()).toMatchObject({
      code: 'QD011',
      parentId: node.QD020,
      kind: 'sub_branch',
      depth: 2,
      staffCount: 1,
    });

    expect(await codesSeenBy(shinan)).not.toContain('QD011');
    expect(await codesSeenBy(laoshan)).toContain('QD011');
    const lostByShinan = await shinan.request('GET', `/api/v1/staff/${teller.id}`);
    expect(lostByShinan.statusCode).toBe(404);
    const gainedByLaoshan = await laoshan.request('GET', `/api/v1/staff/${teller.id}`);
    expect(gainedByLaoshan.statusCode).toBe(200);
    expect(gainedByLaoshan.json().orgNode.code).toBe('QD011');
    expect(
      (await shinan.request('PATCH', `/api/v1/org-nodes/${node.QD011}`, { name: '不再归我' }))
        .statusCode,
    ).toBe(404);

    // The admin's view of the tree places it under its new parent.
    const tree = (await admin.request('GET', '/api/v1/org-nodes')).json().data as OrgNodeView[];
    const codes = tree.map((orgNode) => orgNode.code);
    expect(codes.indexOf('QD020')).toBeLessThan(codes.indexOf('QD011'));
    expect(tree.find((orgNode) => orgNode.code === 'QD011')?.parentId).toBe(node.QD020);

    const audit = await admin.request(
      'GET',
      `/api/v1/audit-events?action=org.node.moved&targetId=${node.QD011}`,
    );
    expect(audit.json().data[0].changes).toEqual({
      parentId: { before: node.QD010, after: node.QD020 },
    });
  });

  it('does not leave a session switched to a node that moved out of the user’s subtree', async () => {
    const { session } = await signIn(testApp, 'shinan.manager', { totpSecret: shinanSecret });
    expect(
      (await session.request('POST', '/api/v1/me/org-node', { orgNodeId: node.QD012 })).statusCode,
    ).toBe(200);
    expect(await codesSeenBy(session)).toEqual(['QD012']);

    const move = await admin.request('POST', `/api/v1/org-nodes/${node.QD012}/move`, {
      parentId: node.QD020,
    });
    expect(move.statusCode).toBe(200);

    // QD012 now belongs to 崂山支行; the session falls back to the manager's own branch.
    const codes = await codesSeenBy(session);
    expect(codes).not.toContain('QD012');
    expect(codes[0]).toBe('QD010');
    expect((await session.request('GET', '/api/v1/me')).json().session.currentOrgNode.code).toBe(
      'QD010',
    );
  });

  it('refuses moves that would break the tree', async () => {
    const attempts: Array<[string, string, string]> = [
      // A node under itself or under its own descendant.
      ['QD021', 'QD021', 'org_node_invalid_parent'],
      ['QD020', 'QD021', 'org_node_invalid_parent'],
      // A sub-branch straight under the head office, a branch under a branch.
      ['QD021', 'QD000', 'org_node_invalid_parent'],
      ['QD020', 'QD010', 'org_node_invalid_parent'],
      // The head office itself.
      ['QD000', 'QD010', 'org_node_is_root'],
    ];
    for (const [moved, parent, code] of attempts) {
      const reply = await admin.request('POST', `/api/v1/org-nodes/${node[moved]}/move`, {
        parentId: node[parent],
      });
      expect(reply.statusCode, `${moved} under ${parent}`).toBe(400);
      expect(reply.json().error.code, `${moved} under ${parent}`).toBe(code);
    }
    const tree = (await admin.request('GET', '/api/v1/org-nodes')).json().data as OrgNodeView[];
    expect(tree.find((orgNode) => orgNode.code === 'QD021')?.parentId).toBe(node.QD020);
    expect(tree.find((orgNode) => orgNode.code === 'QD020')?.parentId).toBe(node.QD000);
  });
});

describe('regions', () => {
  it('lists provinces, and the districts of a city', async () => {
    const provinces = (await admin.request('GET', '/api/v1/regions')).json().data;
    expect(provinces.length).toBeGreaterThanOrEqual(31);
    expect(provinces).toContainEqual({
      code: '370000',
      name: '山东省',
      level: 'province',
      hasChildren: true,
    });

    const cities = (await admin.request('GET', '/api/v1/regions?parent=370000')).json().data;
    expect(cities).toContainEqual({
      code: '370200',
      name: '青岛市',
      level: 'city',
      hasChildren: true,
    });

    const qingdao = (await admin.request('GET', '/api/v1/regions?parent=370200')).json().data;
    expect(qingdao).toContainEqual({
      code: '370202',
      name: '市南区',
      level: 'county',
      hasChildren: false,
    });
    expect(qingdao).toContainEqual(expect.objectContaining({ code: '370212', name: '崂山区' }));
    for (const region of qingdao) expect(region.code).toMatch(/^3702\d\d$/);

    const bad = await admin.request('GET', '/api/v1/regions?parent=37');
    expect(bad.statusCode).toBe(400);
  });
});
