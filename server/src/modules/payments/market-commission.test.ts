import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { createActiveMerchant, signInMerchant } from '../../../test/merchant-factories.js';
import { collectByCode, merchantAtTill } from '../../../test/payment-factories.js';
import { shanghaiDay } from '../../platform/clock.js';
import { newId } from '../../platform/ids.js';
import { marketMemberships, markets } from '../markets/tables.js';

let testApp: TestApp;
let member: Awaited<ReturnType<typeof merchantAtTill>>;
let operatorId: string;
let operatorMobile: string;

beforeAll(async () => {
  testApp = await createTestApp();
  member = await merchantAtTill(testApp);
  const operator = await createActiveMerchant(testApp, { kind: 'market_operator' });
  operatorId = operator.id;
  operatorMobile = operator.ownerMobile;
  const now = testApp.clock.now();
  const marketId = newId('market');
  await testApp.db.insert(markets).values({
    id: marketId,
    operatorMerchantId: operatorId,
    name: '城阳蔬菜批发市场',
    kind: 'wholesale',
    commissionBp: 125,
    status: 'open',
    createdAt: now,
    updatedAt: now,
  });
  await testApp.db.insert(marketMemberships).values({
    id: newId('membership'),
    marketId,
    merchantId: member.id,
    status: 'accepted',
    requestedAt: now,
    decidedAt: now,
  });
});
afterAll(() => testApp.close());

describe('market commission on a member’s trade', () => {
  it('is split from the amount in the payment’s own journal, and the legs sum exactly', async () => {
    // 1.25% of 123.45 CNY is 154.3125 fen: the operator gets 154, and the fee 0.6% is 74.07 → 74.
    const payment = (await collectByCode(member.session, member.storeId, 12_345)).json();
    expect(payment).toMatchObject({ feeFen: 74, commissionFen: 154, netFen: 12_345 - 74 - 154 });
    const [journal] = (
      await member.session.request('GET', `/api/v1/payments/${payment.id}/journals`)
    ).json().data;
    const legs = Object.fromEntries(
      journal.entries.map((entry: { accountCode: string; amountFen: number }) => [
        entry.accountCode,
        entry.amountFen,
      ]),
    );
    expect(legs).toEqual({
      'channel_receivable:wechat': 12_345,
      [`merchant_payable:${member.id}`]: -(12_345 - 74 - 154),
      fee_revenue: -74,
      [`market_payable:${operatorId}`]: -154,
    });
  });

  it('is taken back in proportion when the trade is refunded in full', async () => {
    const payment = (await collectByCode(member.session, member.storeId, 9_999)).json();
    await member.session.request('POST', `/api/v1/payments/${payment.id}/refunds`, {
      amountFen: 3_333,
    });
    await member.session.request('POST', `/api/v1/payments/${payment.id}/refunds`, {
      amountFen: 6_666,
    });
    const journals = (
      await member.session.request('GET', `/api/v1/payments/${payment.id}/journals`)
    ).json().data;
    const toOperator = journals
      .flatMap(
        (journal: { entries: { accountCode: string; amountFen: number }[] }) => journal.entries,
      )
      .filter(
        (entry: { accountCode: string }) => entry.accountCode === `market_payable:${operatorId}`,
      )
      .reduce((sum: number, entry: { amountFen: number }) => sum + entry.amountFen, 0);
    expect(payment.commissionFen).toBeGreaterThan(0);
    expect(toOperator).toBe(0);
  });

  it('shows the operator its commission income by day, net of what refunds took back', async () => {
    const payment = (await collectByCode(member.session, member.storeId, 20_000)).json();
    const today = shanghaiDay(testApp.clock.now());
    const owner = await signInMerchant(testApp, operatorMobile);
    const income = await owner.request(
      'GET',
      `/api/v1/portal/commission-income?from=${today}&to=${today}`,
    );
    expect(income.statusCode, income.body).toBe(200);
    // The earlier trades of this file: 154 kept, the fully refunded one gave its share back.
    expect(income.json().totalFen).toBe(154 + payment.commissionFen);
    expect(income.json().days).toEqual([
      { day: today, tradeCount: 3, commissionFen: 154 + payment.commissionFen },
    ]);
    const memberView = await member.session.request(
      'GET',
      `/api/v1/portal/commission-income?from=${today}&to=${today}`,
    );
    expect(memberView.json().totalFen).toBe(0);
  });
});
