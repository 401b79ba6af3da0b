import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser, signIn } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import {
  collectByCode,
  merchantAtTill,
  payStoreCode,
  storeCodeOf,
} from '../../../test/payment-factories.js';

let testApp: TestApp;

beforeAll(async () => {
  // Noon in Shanghai, so the day's payments do not straddle midnight.
  testApp = await createTestApp();
  testApp.clock.set('2026-12-02T04:00:00.000Z');
});
afterAll(() => testApp.close());

describe('today’s totals', () => {
  it('count today’s succeeded payments by channel for the merchant and by branch for staff', async () => {
    const shinan = await merchantAtTill(testApp, { nodeCode: 'QD010' });
    const laoshan = await merchantAtTill(testApp, { nodeCode: 'QD020' });
    const staffUser = await createStaffUser(testApp.db, { nodeCode: 'QD000', roles: ['auditor'] });
    const staff = (await signIn(testApp, staffUser.username)).session;
    const before = (await staff.request('GET', '/api/v1/payments/today')).json();

    await collectByCode(shinan.session, shinan.storeId, 1_000);
    await collectByCode(shinan.session, shinan.storeId, 500, { lastFour: '9999' });
    await payStoreCode(testApp, await storeCodeOf(shinan.session), 2_500, { channel: 'alipay' });
    await collectByCode(laoshan.session, laoshan.storeId, 700);

    const own = (await shinan.session.request('GET', '/api/v1/payments/today')).json();
    expect(own.day).toBe('2026-12-02');
    expect(own).toMatchObject({ count: 2, amountFen: 3_500, byBranch: [] });
    const byChannel = Object.fromEntries(
      own.byChannel.map((row: { key: string; amountFen: number }) => [row.key, row.amountFen]),
    );
    expect(byChannel).toMatchObject({ wechat: 1_000, alipay: 2_500, unionpay: 0 });

    const bank = (await staff.request('GET', '/api/v1/payments/today')).json();
    expect(bank.count - before.count).toBe(3);
    const branch = (name: string, totals: typeof bank) =>
      totals.byBranch.find((row: { label: string }) => row.label === name)?.amountFen ?? 0;
    expect(branch('市南支行', bank) - branch('市南支行', before)).toBe(3_500);
    expect(branch('崂山支行', bank) - branch('崂山支行', before)).toBe(700);

    // Tomorrow, today's figures start again.
    testApp.clock.advance(24 * 3_600_000);
    const tomorrowStaff = (await signIn(testApp, staffUser.username)).session;
    expect((await tomorrowStaff.request('GET', '/api/v1/payments/today')).json().day).toBe(
      '2026-12-03',
    );
  });
});
