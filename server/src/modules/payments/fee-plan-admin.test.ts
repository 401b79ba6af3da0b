import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser, type Session, signIn } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { collectByCode, merchantAtTill } from '../../../test/payment-factories.js';

let testApp: TestApp;
let admin: Session;
let operator: Session;

beforeAll(async () => {
  testApp = await createTestApp({ SHAREFIN_MFA_ENFORCEMENT: 'off' });
  admin = (
    await signIn(
      testApp,
      (
        await createStaffUser(testApp.db, { nodeCode: 'QD000', roles: ['admin'] })
      ).username,
    )
  ).session;
  operator = (
    await signIn(
      testApp,
      (
        await createStaffUser(testApp.db, { nodeCode: 'QD010', roles: ['operator'] })
      ).username,
    )
  ).session;
});
afterAll(() => testApp.close());

const qr = (rateBp: number) =>
  (['wechat', 'alipay', 'unionpay', 'bankapp'] as const).map((channel) => ({
    channel,
    cardType: 'any',
    rateBp,
    capFen: null,
  }));
const cards = [
  { channel: 'card', cardType: 'debit', rateBp: 35, capFen: 1300 },
  { channel: 'card', cardType: 'credit', rateBp: 45, capFen: null },
];

describe('fee plans', () => {
  it('lists the plans with a rate for every channel and card type', async () => {
    const plans = (await operator.request('GET', '/api/v1/fee-plans')).json().data;
    expect(plans.map((plan: { code: string }) => plan.code)).toEqual([
      'market_member',
      'micro_preferential',
      'public_service',
      'standard',
    ]);
    const standard = plans.find((plan: { code: string }) => plan.code === 'standard');
    expect(standard.rates).toContainEqual({
      channel: 'wechat',
      cardType: 'any',
      rateBp: 60,
      capFen: null,
    });
    expect(standard.rates).toContainEqual({
      channel: 'card',
      cardType: 'debit',
      rateBp: 35,
      capFen: 1300,
    });
  });

  it('lets head office change a plan’s rates, audited; new payments pay the new rate', async () => {
    const till = await merchantAtTill(testApp);
    expect((await collectByCode(till.session, till.storeId, 10_000)).json().feeFen).toBe(60);
    const changed = await admin.request('PUT', '/api/v1/fee-plans/standard', {
      refundFee: 'pro_rata',
      rates: [...qr(38), ...cards],
    });
    expect(changed.statusCode).toBe(200);
    expect((await collectByCode(till.session, till.storeId, 10_000)).json().feeFen).toBe(38);
    const audit = (
      await admin.request('GET', '/api/v1/audit-events?action=fee_plan.updated')
    ).json().data;
    expect(audit.length).toBeGreaterThan(0);
  });

  it('refuses a plan that would leave a channel without a rate, and staff without the permission', async () => {
    const partial = await admin.request('PUT', '/api/v1/fee-plans/standard', {
      refundFee: 'pro_rata',
      rates: qr(50),
    });
    expect(partial.statusCode).toBe(400);
    expect(partial.json().error.errors.map((error: { code: string }) => error.code)).toContain(
      'rate_missing',
    );
    const denied = await operator.request('PUT', '/api/v1/fee-plans/standard', {
      refundFee: 'pro_rata',
      rates: [...qr(1), ...cards],
    });
    expect(denied.statusCode).toBe(403);
  });
});
