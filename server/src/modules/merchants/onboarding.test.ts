import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createStaffUser,
  demoNode,
  type Session,
  sessionFrom,
  signIn,
} from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import {
  completeApplication,
  createActiveMerchant,
  documentUpload,
  signInMerchant,
  tinyPng,
} from '../../../test/merchant-factories.js';
import { newId } from '../../platform/ids.js';
import { jobs } from '../../platform/jobs/tables.js';
import { orgNodes } from '../orgs/index.js';
import { merchants, settlementAccountChanges } from './tables.js';

let testApp: TestApp;
let reviewer: Session;
let approver: Session;
let otherBranch: Session;
let reviewerName: string;
/** Applicant tokens by application id, as the applicant's browser keeps them. */
const tokens = new Map<string, string>();

beforeAll(async () => {
  testApp = await createTestApp();
  const db = testApp.db;
  const operator = await createStaffUser(db, { nodeCode: 'QD010', roles: ['operator'] });
  const manager = await createStaffUser(db, { nodeCode: 'QD010', roles: ['branch_manager'] });
  const laoshan = await createStaffUser(db, { nodeCode: 'QD020', roles: ['branch_manager'] });
  reviewerName = operator.username;
  reviewer = (await signIn(testApp, operator.username)).session;
  approver = (await signIn(testApp, manager.username)).session;
  otherBranch = (await signIn(testApp, laoshan.username)).session;
});

afterAll(() => testApp.close());

/** The applicant's side of the H5 form: no session, the token in a header. */
function applicant(id: string, token: string) {
  return (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', suffix = '', body?: unknown) =>
    testApp.app.inject({
      method,
      url: `/api/v1/applications/${id}${suffix}`,
      headers: { 'x-applicant-token': token },
      ...(body === undefined ? {} : { payload: body as object }),
    });
}

async function startApplication(fields: Record<string, unknown>) {
  const created = await testApp.app.inject({
    method: 'POST',
    url: '/api/v1/applications',
    payload: fields,
  });
  expect(created.statusCode).toBe(201);
  const { application, applicantToken } = created.json();
  tokens.set(application.id, applicantToken);
  return { id: application.id as string, as: applicant(application.id, applicantToken) };
}

describe('an application from the H5 form to the owner’s first login', () => {
  it('goes draft → submitted → in_review → active, and the owner logs in by mobile', async () => {
    const fields = completeApplication();
    const created = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/applications',
      payload: fields,
    });
    expect(created.statusCode).toBe(201);
    const { application, applicantToken } = created.json();
    expect(application.status).toBe('draft');
    // Proposed from the region: 市南区 is 市南支行's.
    expect(application.orgNode.code).toBe('QD010');
    // Masked in the reply even to the applicant who typed it.
    expect(application.legalRepIdNumber).toBe('110***********002X');
    expect(application.mobile).toBe(`${fields.mobile.slice(0, 3)}****${fields.mobile.slice(-4)}`);
    const headers = { 'x-applicant-token': applicantToken };
    const url = `/api/v1/applications/${application.id}`;
    for (const type of ['licence', 'id_front', 'id_back', 'storefront']) {
      const upload = documentUpload(type, tinyPng);
      const reply = await testApp.app.inject({
        method: 'POST',
        url: `${url}/documents`,
        payload: upload.payload,
        headers: { ...upload.headers, ...headers },
      });
      expect(reply.statusCode).toBe(201);
      expect(reply.json()).toMatchObject({ type, contentType: 'image/png' });
    }
    const submitted = await testApp.app.inject({ method: 'POST', url: `${url}/submit`, headers });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json().application.status).toBe('submitted');

    const queue = await reviewer.request('GET', '/api/v1/merchants?status=submitted,in_review');
    expect(queue.json().data.map((m: { id: string }) => m.id)).toContain(application.id);
    expect(
      (await reviewer.request('POST', `/api/v1/merchants/${application.id}/start-review`)).json()
        .status,
    ).toBe('in_review');
    const recommended = await reviewer.request(
      'POST',
      `/api/v1/merchants/${application.id}/review`,
      {
        outcome: 'recommend_approval',
        riskLevel: 'low',
        feePlan: 'standard',
      },
    );
    expect(recommended.json()).toMatchObject({ status: 'in_review', riskLevel: 'low' });

    const approved = await approver.request('POST', `/api/v1/merchants/${application.id}/approve`);
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'active', feePlan: 'standard' });
    expect(approved.json().referralCode).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);

    const status = await testApp.app.inject({ method: 'GET', url, headers });
    expect(status.json()).toMatchObject({ application: { status: 'active' }, ownerSetUp: false });
    const setUp = await testApp.app.inject({
      method: 'POST',
      url: `${url}/owner-password`,
      headers,
      payload: { password: 'Fruit-Shop-2026' },
    });
    expect(setUp.statusCode).toBe(204);
    const again = await testApp.app.inject({
      method: 'POST',
      url: `${url}/owner-password`,
      headers,
      payload: { password: 'Another-Pass-2026' },
    });
    expect(again.json().error.code).toBe('owner_already_set_up');

    const login = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: fields.mobile, password: 'Fruit-Shop-2026', realm: 'merchant' },
    });
    expect(login.statusCode).toBe(200);
    expect(login.json().next).toBe('done');
    const owner = sessionFrom(testApp, login);
    const notifications = (await owner.request('GET', '/api/v1/portal/notifications')).json();
    expect(notifications.data.map((n: { kind: string }) => n.kind)).toEqual([
      'merchant_approved',
      'application_submitted',
    ]);
    // The approval's text message was queued with it and is sent by the worker.
    const [sms] = await testApp.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.kind, 'merchants.send_sms'), eq(jobs.status, 'pending')));
    expect(sms?.payload).toMatchObject({ merchantId: application.id });
    await testApp.jobs.runDue();
    const [sent] = await testApp.db
      .select()
      .from(jobs)
      .where(eq(jobs.id, sms?.id ?? ''));
    expect(sent?.status).toBe('done');
    // The same number is not a staff login.
    const asStaff = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: fields.mobile, password: 'Fruit-Shop-2026' },
    });
    expect(asStaff.statusCode).toBe(401);
  });
});

describe('the proposed branch', () => {
  it('is the older branch of the county, not one opened later with a smaller code', async () => {
    const head = await demoNode(testApp.db, 'QD000');
    const id = newId('orgNode');
    await testApp.db.insert(orgNodes).values({
      id,
      parentId: head.id,
      code: 'AA001',
      name: '新开市南支行',
      kind: 'branch',
      regionCode: '370202',
      path: `${head.path}${id}/`,
      depth: 1,
      createdAt: testApp.clock.now(),
      updatedAt: testApp.clock.now(),
    });
    const { as } = await startApplication({ kind: 'micro', regionCode: '370202' });
    expect((await as('GET')).json().application.orgNode.code).toBe('QD010');
    const { as: jimo } = await startApplication({ kind: 'micro', regionCode: '370215' });
    expect((await jimo('GET')).json().application.orgNode.code).toBe('QD040');
    const { as: jinan } = await startApplication({ kind: 'micro', regionCode: '370102' });
    expect((await jinan('GET')).json().application.orgNode.code).toBe('QD000');
  });
});

describe('the applicant sees every problem at once', () => {
  it('reports each bad field and missing document by name, in Chinese by default', async () => {
    const { as } = await startApplication({
      kind: 'company',
      shortName: '海鲜',
      legalRepIdNumber: '110105194912310021',
      mobile: '12345678901',
      regionCode: '370200',
      mcc: '1234',
      settlementAccountNumber: '6222 0212 3456',
      creditCode: 'ABC',
    });
    const reply = await as('POST', '/submit');
    expect(reply.statusCode).toBe(400);
    const error = reply.json().error;
    expect(error.code).toBe('application_incomplete');
    const byField = Object.fromEntries(
      error.errors.map((e: { param: string; message: string }) => [e.param, e.message]),
    );
    expect(byField).toMatchObject({
      registeredName: '请填写此项',
      legalRepName: '请填写此项',
      legalRepIdNumber: '身份证号校验位不对，请逐位核对',
      mobile: '手机号应为 11 位，以 1 开头',
      regionCode: '请选择到区县一级',
      mcc: '请从列表中选择经营类目',
      settlementAccountNumber: '银行账号应为 16 到 19 位数字',
      creditCode: '统一社会信用代码应为 18 位数字或大写字母（不含 I、O、S、V、Z）',
      'documents.licence': '请上传此材料',
      'documents.id_front': '请上传此材料',
    });
    // Nothing moved: it is still a draft.
    expect((await as('GET')).json().application.status).toBe('draft');
  });

  it('answers in English when asked, and hides the draft from anyone without its token', async () => {
    const { id } = await startApplication({ kind: 'micro', mobile: '1380013' });
    const reply = await testApp.app.inject({
      method: 'POST',
      url: `/api/v1/applications/${id}/submit`,
      headers: { 'x-applicant-token': tokens.get(id) ?? '', 'accept-language': 'en' },
    });
    const mobile = reply.json().error.errors.find((e: { param: string }) => e.param === 'mobile');
    expect(mobile.message).toBe('A mobile number has 11 digits and starts with 1');
    const noToken = await testApp.app.inject({ method: 'GET', url: `/api/v1/applications/${id}` });
    expect(noToken.statusCode).toBe(404);
  });

  it('routes a failed credit-code check and a non-Luhn account to review instead of refusing', async () => {
    const fields = completeApplication();
    const first17 = fields.creditCode.slice(0, 17);
    const wrongCheck = fields.creditCode.endsWith('0') ? '1' : '0';
    const { id, as } = await startApplication({
      ...fields,
      creditCode: `${first17}${wrongCheck}`,
      settlementAccountNumber: '6222021234567890120',
    });
    await uploadFor(id, as, ['licence', 'id_front', 'id_back', 'storefront']);
    const reply = await as('POST', '/submit');
    expect(reply.statusCode).toBe(200);
    expect(reply.json().application.reviewFlags).toEqual([
      'credit_code_check_failed',
      'account_luhn_failed',
    ]);
  });

  it('a micro merchant needs no licence or credit code', async () => {
    const { registeredName: _r, creditCode: _c, ...fields } = completeApplication();
    const { id, as } = await startApplication({ ...fields, kind: 'micro' });
    await uploadFor(id, as, ['id_front', 'id_back', 'storefront']);
    expect((await as('POST', '/submit')).json().application.status).toBe('submitted');
  });

  it('refuses an unknown referral code and links a known one', async () => {
    const fields = completeApplication();
    const { id, as } = await startApplication({ ...fields, referralCode: 'NOSUCH22' });
    await uploadFor(id, as, ['licence', 'id_front', 'id_back', 'storefront']);
    const refused = (await as('POST', '/submit')).json().error;
    expect(refused.errors).toEqual([
      expect.objectContaining({ param: 'referralCode', code: 'referral_code_unknown' }),
    ]);
    const referrer = await createActiveMerchant(testApp);
    const [row] = await testApp.db
      .select({ code: merchants.referralCode })
      .from(merchants)
      .where(eq(merchants.id, referrer.id));
    await as('PATCH', '', { referralCode: row?.code?.toLowerCase() });
    const linked = (await as('POST', '/submit')).json().application;
    expect(linked.referredBy).toMatchObject({ id: referrer.id });
  });
});

describe('documents', () => {
  it('refuses a file that is not an image or PDF, whatever its name says', async () => {
    const { id, as } = await startApplication({ kind: 'micro' });
    const upload = documentUpload('id_front', Buffer.from('MZ\x90\x00 not a picture'), 'id.png');
    const reply = await uploadRaw(id, as, upload);
    expect(reply.statusCode).toBe(415);
    expect(reply.json().error.code).toBe('document_type_not_allowed');
  });

  it('refuses more than 10 MB and keeps nothing', async () => {
    const { id, as } = await startApplication({ kind: 'micro' });
    const big = Buffer.concat([tinyPng, Buffer.alloc(10 * 1024 * 1024)]);
    const reply = await uploadRaw(id, as, documentUpload('storefront', big));
    expect(reply.statusCode).toBe(413);
    expect(reply.json().error.code).toBe('document_too_large');
    expect((await as('GET')).json().documents).toEqual([]);
  });

  it('replaces an ID side, keeps up to five storefront photos, serves the bytes back', async () => {
    const { id, as } = await startApplication({ kind: 'micro' });
    await uploadFor(id, as, ['id_front', 'id_front', 'storefront', 'storefront']);
    const documents = (await as('GET')).json().documents as Array<{ id: string; type: string }>;
    expect(documents.map((d) => d.type).sort()).toEqual(['id_front', 'storefront', 'storefront']);
    const file = await as('GET', `/documents/${documents[0]?.id}`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(tinyPng)).toBe(true);
    expect(file.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves a document only to those who may see the merchant', async () => {
    const { id, as } = await startApplication({ ...completeApplication() });
    await uploadFor(id, as, ['id_front']);
    const [document] = (await as('GET')).json().documents;
    expect((await as('GET', `/documents/${document.id}`)).statusCode).toBe(200);
    const wrongToken = applicant(id, 'not-the-token');
    expect((await wrongToken('GET', `/documents/${document.id}`)).statusCode).toBe(404);
    const staffUrl = `/api/v1/merchants/${id}/documents/${document.id}`;
    expect((await reviewer.request('GET', staffUrl)).statusCode).toBe(200);
    expect((await otherBranch.request('GET', staffUrl)).statusCode).toBe(404);
  });
});

describe('review and maker-checker', () => {
  async function submitted() {
    const { id, as } = await startApplication(completeApplication());
    await uploadFor(id, as, ['licence', 'id_front', 'id_back', 'storefront']);
    expect((await as('POST', '/submit')).statusCode).toBe(200);
    return { id, as };
  }

  it('the reviewer cannot approve what they recommended', async () => {
    const { id } = await submitted();
    const mgr = approver;
    await mgr.request('POST', `/api/v1/merchants/${id}/start-review`);
    await mgr.request('POST', `/api/v1/merchants/${id}/review`, {
      outcome: 'recommend_approval',
      riskLevel: 'medium',
      feePlan: 'standard',
    });
    const self = await mgr.request('POST', `/api/v1/merchants/${id}/approve`);
    expect(self.statusCode).toBe(403);
    expect(self.json().error.code).toBe('maker_checker_required');
    expect((await mgr.request('GET', `/api/v1/merchants/${id}`)).json().status).toBe('in_review');
  });

  it('approval needs a recommendation first, and only the reviewer concludes', async () => {
    const { id } = await submitted();
    expect((await approver.request('POST', `/api/v1/merchants/${id}/approve`)).statusCode).toBe(
      409,
    );
    await reviewer.request('POST', `/api/v1/merchants/${id}/start-review`);
    const notMine = await approver.request('POST', `/api/v1/merchants/${id}/review`, {
      outcome: 'reject',
      reason: '资料不符',
    });
    expect(notMine.statusCode).toBe(403);
    expect((await approver.request('POST', `/api/v1/merchants/${id}/approve`)).statusCode).toBe(
      409,
    );
  });

  it('sends an application back with what to change; the applicant edits and resubmits', async () => {
    const { id, as } = await submitted();
    await reviewer.request('POST', `/api/v1/merchants/${id}/start-review`);
    const back = await reviewer.request('POST', `/api/v1/merchants/${id}/review`, {
      outcome: 'needs_changes',
      reason: '门头照片不清晰，请重新拍摄',
    });
    expect(back.json()).toMatchObject({
      status: 'needs_changes',
      statusReason: '门头照片不清晰，请重新拍摄',
    });
    const edited = await as('PATCH', '', { address: '香港中路 10 号' });
    expect(edited.json().application.address).toBe('香港中路 10 号');
    expect((await as('POST', '/submit')).json().application).toMatchObject({
      status: 'submitted',
      statusReason: null,
    });
  });

  it('a rejected application stays rejected and cannot be edited', async () => {
    const { id, as } = await submitted();
    await reviewer.request('POST', `/api/v1/merchants/${id}/start-review`);
    await reviewer.request('POST', `/api/v1/merchants/${id}/review`, {
      outcome: 'reject',
      reason: '经营范围不符',
    });
    expect((await as('GET')).json().application).toMatchObject({
      status: 'rejected',
      statusReason: '经营范围不符',
    });
    expect((await as('PATCH', '', { address: 'x 路 1 号' })).json().error.code).toBe(
      'invalid_state_transition',
    );
    expect((await as('POST', '/submit')).statusCode).toBe(409);
  });

  it('suspends with a reason, reinstates, closes; a closed merchant stays closed', async () => {
    const { id } = await submitted();
    await reviewer.request('POST', `/api/v1/merchants/${id}/start-review`);
    await reviewer.request('POST', `/api/v1/merchants/${id}/review`, {
      outcome: 'recommend_approval',
      riskLevel: 'high',
      feePlan: 'standard',
    });
    await approver.request('POST', `/api/v1/merchants/${id}/approve`);
    const suspended = await approver.request('POST', `/api/v1/merchants/${id}/suspend`, {
      reason: '疑似套现，风险排查',
    });
    expect(suspended.json()).toMatchObject({
      status: 'suspended',
      statusReason: '疑似套现，风险排查',
    });
    expect(
      (
        await approver.request('POST', `/api/v1/merchants/${id}/reinstate`, {
          reason: '排查无异常',
        })
      ).json().status,
    ).toBe('active');
    expect(
      (
        await approver.request('POST', `/api/v1/merchants/${id}/close`, { reason: '商户申请注销' })
      ).json().status,
    ).toBe('closed');
    const reopen = await approver.request('POST', `/api/v1/merchants/${id}/reinstate`, {
      reason: '误操作',
    });
    expect(reopen.json().error.code).toBe('invalid_state_transition');
    // The operator may review but not hold merchants.
    expect(
      (await reviewer.request('POST', `/api/v1/merchants/${id}/suspend`, { reason: '测试' }))
        .statusCode,
    ).toBe(403);
    const history = (await approver.request('GET', `/api/v1/merchants/${id}/history?limit=50`))
      .json()
      .data.map((event: { action: string }) => event.action)
      .reverse();
    expect(history).toEqual([
      'merchant.application_created',
      'merchant.document_uploaded',
      'merchant.document_uploaded',
      'merchant.document_uploaded',
      'merchant.document_uploaded',
      'merchant.application_submitted',
      'merchant.review_started',
      'merchant.approval_recommended',
      'merchant.approved',
      'merchant.suspended',
      'merchant.reinstated',
      'merchant.closed',
    ]);
  });
});

describe('closing a merchant', () => {
  it('ends its users’ sessions and cancels a pending account change', async () => {
    const merchant = await createActiveMerchant(testApp, { nodeCode: 'QD010' });
    const owner = await signInMerchant(testApp, merchant.ownerMobile);
    const now = testApp.clock.now();
    await testApp.db.insert(settlementAccountChanges).values({
      id: 'sac_closing_test',
      merchantId: merchant.id,
      status: 'pending',
      accountName: '测试',
      accountNumberEnc: testApp.encryptor.encrypt('6228480000000000018'),
      bankCode: '103',
      requestedByUserId: merchant.owner.userId,
      requestedAt: now,
      effectiveAt: new Date(now.getTime() + 86_400_000),
    });
    const closed = await approver.request('POST', `/api/v1/merchants/${merchant.id}/close`, {
      reason: '商户申请注销',
    });
    expect(closed.json()).toMatchObject({ status: 'closed', pendingAccountChange: null });
    expect((await owner.request('GET', '/api/v1/portal/merchant')).statusCode).toBe(401);
    await expect(signInMerchant(testApp, merchant.ownerMobile)).rejects.toThrow(
      /invalid_credentials/,
    );
  });
});

describe('owner setup code and merchant login', () => {
  it('staff hand out a one-time code; it sets the password once', async () => {
    const { id, as } = await startApplication(completeApplication());
    await uploadFor(id, as, ['licence', 'id_front', 'id_back', 'storefront']);
    await as('POST', '/submit');
    await reviewer.request('POST', `/api/v1/merchants/${id}/start-review`);
    await reviewer.request('POST', `/api/v1/merchants/${id}/review`, {
      outcome: 'recommend_approval',
      riskLevel: 'low',
      feePlan: 'micro_preferential',
    });
    await approver.request('POST', `/api/v1/merchants/${id}/approve`);
    const issued = await reviewer.request('POST', `/api/v1/merchants/${id}/owner-setup-code`);
    expect(issued.statusCode).toBe(200);
    const { setupCode } = issued.json();
    expect(setupCode).toMatch(/^\d{8}$/);
    const ownerMobile = await revealMobile(id);
    const redeem = (code: string) =>
      testApp.app.inject({
        method: 'POST',
        url: '/api/v1/merchant-auth/setup-password',
        payload: { mobile: ownerMobile, setupCode: code, password: 'Owner-Pass-2026' },
        remoteAddress: '10.0.3.1',
      });
    const wrong = setupCode === '00000000' ? '11111111' : '00000000';
    expect((await redeem(wrong)).json().error.code).toBe('setup_code_invalid');
    expect((await redeem(setupCode)).statusCode).toBe(204);
    expect((await redeem(setupCode)).json().error.code).toBe('setup_code_invalid');
    const session = await signInMerchantWith(ownerMobile, 'Owner-Pass-2026');
    expect(session.statusCode).toBe(200);
  });

  it('an expired code is refused', async () => {
    const { id, as } = await startApplication(completeApplication());
    await uploadFor(id, as, ['licence', 'id_front', 'id_back', 'storefront']);
    await as('POST', '/submit');
    await reviewer.request('POST', `/api/v1/merchants/${id}/start-review`);
    await reviewer.request('POST', `/api/v1/merchants/${id}/review`, {
      outcome: 'recommend_approval',
      riskLevel: 'low',
      feePlan: 'standard',
    });
    await approver.request('POST', `/api/v1/merchants/${id}/approve`);
    const { setupCode } = (
      await reviewer.request('POST', `/api/v1/merchants/${id}/owner-setup-code`)
    ).json();
    testApp.clock.advance(73 * 3_600_000);
    const reply = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/merchant-auth/setup-password',
      payload: { mobile: await revealMobile(id), setupCode, password: 'Owner-Pass-2026' },
      remoteAddress: '10.0.3.2',
    });
    expect(reply.json().error.code).toBe('setup_code_invalid');
    // Sessions made before the jump would have idled out; sign the staff in again.
    reviewer = (await signIn(testApp, reviewerName)).session;
  });

  it('a merchant user’s session is of the merchant realm', async () => {
    const merchant = await createActiveMerchant(testApp);
    const session = await signInMerchant(testApp, merchant.ownerMobile);
    const me = (await session.request('GET', '/api/v1/me')).json();
    expect(me.user.realm).toBe('merchant');
  });
});

/** The owner's mobile in clear, as a risk officer with pii:reveal would see it. */
async function revealMobile(merchantId: string): Promise<string> {
  const risk = await createStaffUser(testApp.db, { nodeCode: 'QD000', roles: ['risk'] });
  const session = (await signIn(testApp, risk.username)).session;
  const reply = await session.request('POST', `/api/v1/merchants/${merchantId}/reveal`, {
    field: 'mobile',
    reason: '协助商户设置登录密码',
  });
  expect(reply.statusCode).toBe(200);
  return reply.json().value;
}

function signInMerchantWith(mobile: string, password: string) {
  return testApp.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: mobile, password, realm: 'merchant' },
    remoteAddress: '10.0.3.9',
  });
}

function uploadRaw(
  id: string,
  _as: ReturnType<typeof applicant>,
  upload: ReturnType<typeof documentUpload>,
) {
  return testApp.app.inject({
    method: 'POST',
    url: `/api/v1/applications/${id}/documents`,
    payload: upload.payload,
    headers: { ...upload.headers, 'x-applicant-token': tokens.get(id) ?? '' },
  });
}

async function uploadFor(id: string, as: ReturnType<typeof applicant>, types: string[]) {
  for (const type of types) {
    const reply = await uploadRaw(id, as, documentUpload(type, tinyPng));
    expect(reply.statusCode).toBe(201);
  }
}
