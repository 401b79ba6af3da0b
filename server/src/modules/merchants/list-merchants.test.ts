import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser, type Session, signIn } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { createActiveMerchant } from '../../../test/merchant-factories.js';

let testApp: TestApp;
let shinan: Session;
let head: Session;
let laoshanMerchant: string;
let shinanMerchant: string;

beforeAll(async () => {
  testApp = await createTestApp();
  const manager = await createStaffUser(testApp.db, { nodeCode: 'QD010', roles: ['auditor'] });
  const auditor = await createStaffUser(testApp.db, { nodeCode: 'QD000', roles: ['auditor'] });
  shinan = (await signIn(testApp, manager.username)).session;
  head = (await signIn(testApp, auditor.username)).session;
  shinanMerchant = (
    await createActiveMerchant(testApp, { nodeCode: 'QD011', shortName: '列表测试市南鲜花' })
  ).id;
  laoshanMerchant = (
    await createActiveMerchant(testApp, {
      nodeCode: 'QD020',
      kind: 'company',
      shortName: '列表测试崂山茶社',
    })
  ).id;
});

afterAll(() => testApp.close());

const ids = (reply: { json(): { data: Array<{ id: string }> } }) =>
  reply.json().data.map((merchant) => merchant.id);

describe('merchant list', () => {
  it('shows a branch its subtree only, sub-branches included', async () => {
    const mine = ids(await shinan.request('GET', '/api/v1/merchants?q=列表测试&limit=100'));
    expect(mine).toContain(shinanMerchant);
    expect(mine).not.toContain(laoshanMerchant);
    const all = ids(await head.request('GET', '/api/v1/merchants?q=列表测试&limit=100'));
    expect(all).toEqual(expect.arrayContaining([shinanMerchant, laoshanMerchant]));
  });

  it('filters by kind, status, region prefix, MCC and branch subtree', async () => {
    const query = async (filter: string) =>
      ids(await head.request('GET', `/api/v1/merchants?q=列表测试&limit=100&${filter}`));
    expect(await query('kind=company')).toEqual([laoshanMerchant]);
    expect(await query('status=active,suspended')).toHaveLength(2);
    expect(await query('status=draft')).toEqual([]);
    expect(await query('regionCode=370212')).toEqual([laoshanMerchant]);
    expect(await query('regionCode=370200')).toHaveLength(2);
    expect(await query('mcc=5812')).toEqual([]);
    const qd020 = (await head.request('GET', '/api/v1/org-nodes')).json();
    const laoshanNode = (qd020.data ?? qd020).find(
      (node: { code: string }) => node.code === 'QD020',
    );
    expect(await query(`orgNodeId=${laoshanNode.id}`)).toEqual([laoshanMerchant]);
  });

  it('refuses a filter value that is not one', async () => {
    const reply = await head.request('GET', '/api/v1/merchants?status=open');
    expect(reply.statusCode).toBe(400);
  });

  it('exports the filtered list to Excel with personal data masked, within scope', async () => {
    const reply = await shinan.request('GET', '/api/v1/merchants/export.xlsx?q=列表测试');
    expect(reply.statusCode).toBe(200);
    expect(reply.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(reply.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const rows: string[][] = [];
    sheet?.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map(String)));
    expect(rows[0]?.slice(0, 3)).toEqual(['商户编号', '商户简称', '商户名称']);
    expect(rows.slice(1).map((row) => row[0])).toEqual([shinanMerchant]);
    const mobile = rows[1]?.[11] ?? '';
    expect(mobile).toMatch(/^1\d\d\*{4}\d{4}$/);
    const audit = await head.request('GET', '/api/v1/audit-events?action=merchant.exported');
    expect(audit.json().data[0].changes.rows.after).toBe(1);
  });
});
