import { eq, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { userRoles, users } from '../modules/identity/index.js';
import { buyerMembers, marketMemberships, markets } from '../modules/markets/tables.js';
import { isMcc } from '../modules/merchants/mcc-codes.js';
import { isSettlementBank } from '../modules/merchants/settlement-banks.js';
import { merchantNotifications, merchants, stores } from '../modules/merchants/tables.js';
import { findRegion, orgNodes } from '../modules/orgs/index.js';
import { checkBankAccountNumber } from '../platform/validation/bank-card.js';
import { checkCreditCode } from '../platform/validation/credit-code.js';
import { isMobileNumber } from '../platform/validation/mobile.js';
import { checkResidentId } from '../platform/validation/resident-id.js';
import { demoPassword } from './demo-bank.js';
import { demoMerchantLogins, seedDemoMerchants } from './demo-merchants.js';

// The template database every test app clones was seeded by global-setup, so these tests look
// at what a fresh demo bank holds.
let testApp: TestApp;
let all: Array<typeof merchants.$inferSelect>;

beforeAll(async () => {
  testApp = await createTestApp();
  all = await testApp.db.select().from(merchants);
});
afterAll(() => testApp.close());

const countBy = <T>(rows: T[], key: (row: T) => string) =>
  rows.reduce<Record<string, number>>((counts, row) => {
    counts[key(row)] = (counts[key(row)] ?? 0) + 1;
    return counts;
  }, {});

async function tableCounts() {
  const { db } = testApp;
  const count = async (table: PgTable) =>
    (await db.select({ n: sql<number>`count(*)::int` }).from(table))[0]?.n;
  return {
    merchants: await count(merchants),
    stores: await count(stores),
    users: await count(users),
    userRoles: await count(userRoles),
    notifications: await count(merchantNotifications),
    markets: await count(markets),
    memberships: await count(marketMemberships),
    buyers: await count(buyerMembers),
  };
}

describe('demo merchants', () => {
  it('has about fifty merchants of every kind, with a queue to review', () => {
    expect(all.length).toBeGreaterThanOrEqual(45);
    expect(all.length).toBeLessThanOrEqual(60);
    const kinds = countBy(all, (m) => m.kind);
    expect(Object.keys(kinds).sort()).toEqual([
      'company',
      'individual_business',
      'market_operator',
      'micro',
      'produce_purchaser',
    ]);
    expect(kinds.market_operator).toBe(2);
    expect(kinds.produce_purchaser).toBe(3);
    expect(kinds.individual_business).toBeGreaterThan(kinds.company ?? 0);

    const statuses = countBy(all, (m) => m.status);
    expect(statuses.active).toBeGreaterThanOrEqual(38);
    expect(statuses).toMatchObject({
      suspended: 2,
      closed: 1,
      submitted: 3,
      in_review: 2,
      needs_changes: 1,
      rejected: 1,
      draft: 2,
    });
  });

  it('spreads the merchants over every branch and sub-branch and over Shandong counties', async () => {
    const nodes = await testApp.db.select().from(orgNodes);
    const perNode = countBy(all, (m) => nodes.find((node) => node.id === m.orgNodeId)?.code ?? '');
    for (const node of nodes) expect(perNode[node.code], node.code).toBeGreaterThan(0);
    for (const merchant of all) {
      expect(findRegion(merchant.regionCode ?? '')?.level, merchant.shortName ?? '').toBe('county');
      expect(merchant.regionCode?.slice(0, 2)).toBe('37');
      expect(isMcc(merchant.mcc ?? '')).toBe(true);
    }
    expect(new Set(all.map((m) => m.regionCode)).size).toBeGreaterThanOrEqual(12);
  });

  it('stores every identifier encrypted, and each passes its check once decrypted', () => {
    const { encryptor } = testApp;
    const today = testApp.clock.now();
    const mobiles = new Set<string>();
    for (const merchant of all) {
      const name = merchant.shortName ?? merchant.id;
      const idNumber = encryptor.decrypt(merchant.legalRepIdNumberEnc ?? '');
      const check = checkResidentId(idNumber, today);
      expect(check.ok, `${name} ${idNumber}`).toBe(true);
      if (check.ok) expect(check.birthDate < '2000-01-01').toBe(true);
      expect(idNumber.slice(0, 6)).toBe(merchant.regionCode);

      const mobile = encryptor.decrypt(merchant.mobileEnc ?? '');
      expect(isMobileNumber(mobile), name).toBe(true);
      expect(merchant.mobileIndex).toBe(encryptor.blindIndex(mobile));
      mobiles.add(mobile);

      if (merchant.kind === 'micro') expect(merchant.creditCode).toBeNull();
      else if (merchant.reviewFlags.includes('credit_code_check_failed'))
        expect(checkCreditCode(merchant.creditCode ?? '')).toEqual({
          ok: false,
          reason: 'check_digit',
        });
      else expect(checkCreditCode(merchant.creditCode ?? ''), name).toEqual({ ok: true });

      if (merchant.status === 'draft') continue;
      const account = encryptor.decrypt(merchant.settlementAccountNumberEnc ?? '');
      expect(checkBankAccountNumber(account), `${name} ${account}`).toEqual({
        ok: true,
        luhn: true,
      });
      expect(isSettlementBank(merchant.settlementBankCode ?? '')).toBe(true);
    }
    expect(mobiles.size).toBe(all.length);
    const banks = countBy(
      all.filter((m) => m.settlementBankCode),
      (m) => m.settlementBankCode ?? '',
    );
    expect(banks['314']).toBeGreaterThan((banks['102'] ?? 0) + (banks['103'] ?? 0));
    // Exactly one queued application carries a credit code that fails its check.
    const flagged = all.filter((m) => m.reviewFlags.includes('credit_code_check_failed'));
    expect(flagged.map((m) => m.status)).toEqual(['submitted']);
  });

  it('has every activated merchant reviewed and approved by two different demo staff', async () => {
    const staff = await testApp.db
      .select({ id: users.id, username: users.username })
      .from(users)
      .where(eq(users.realm, 'staff'));
    const usernameOf = new Map(staff.map((user) => [user.id, user.username]));
    const activated = all.filter((m) => ['active', 'suspended', 'closed'].includes(m.status));
    for (const merchant of activated) {
      expect(usernameOf.has(merchant.reviewerUserId ?? ''), merchant.shortName ?? '').toBe(true);
      expect(usernameOf.has(merchant.approverUserId ?? '')).toBe(true);
      expect(merchant.approverUserId).not.toBe(merchant.reviewerUserId);
      expect(merchant.activatedAt).not.toBeNull();
      expect(merchant.riskLevel).not.toBeNull();
      expect(merchant.feePlan).not.toBeNull();
      expect(merchant.referralCode).toMatch(/^[A-Z0-9]{8}$/);
      expect(merchant.ownerUserId).not.toBeNull();
    }
    expect(new Set(activated.map((m) => m.referralCode)).size).toBe(activated.length);
    for (const merchant of all.filter((m) => m.status === 'suspended' || m.status === 'closed'))
      expect(merchant.statusReason).toBeTruthy();

    // The one recommendation awaiting a checker was made by the 市南 operator, so the 市南
    // manager can approve it.
    const recommended = all.filter((m) => m.status === 'in_review' && m.recommendedAt);
    expect(recommended).toHaveLength(1);
    expect(usernameOf.get(recommended[0]?.reviewerUserId ?? '')).toBe('shinan.operator');
    expect(recommended[0]).toMatchObject({ riskLevel: 'low', feePlan: 'micro_preferential' });
    const needsChanges = all.find((m) => m.status === 'needs_changes');
    expect(needsChanges?.statusReason).toBeTruthy();
    for (const merchant of all.filter((m) => m.status !== 'draft'))
      expect(merchant.submittedAt).not.toBeNull();
  });

  it('records referrals between active merchants', () => {
    const byId = new Map(all.map((m) => [m.id, m]));
    const referred = all.filter((m) => m.referredByMerchantId);
    expect(referred.length).toBeGreaterThanOrEqual(8);
    for (const merchant of referred) {
      const referrer = byId.get(merchant.referredByMerchantId ?? '');
      expect(referrer?.status).toBe('active');
      expect(merchant.referralCodeGiven).toBe(referrer?.referralCode);
    }
  });

  it('gives every activated merchant stores and a set-up owner, and some of them staff', async () => {
    const { db } = testApp;
    const storeRows = await db.select().from(stores);
    const merchantUsers = await db
      .select({ user: users, role: userRoles.role })
      .from(users)
      .innerJoin(userRoles, eq(userRoles.userId, users.id))
      .where(eq(users.realm, 'merchant'));
    for (const merchant of all.filter((m) => m.status === 'active' || m.status === 'suspended')) {
      const own = storeRows.filter((store) => store.merchantId === merchant.id);
      expect(own.length, merchant.shortName ?? '').toBeGreaterThanOrEqual(1);
      expect(own.length).toBeLessThanOrEqual(3);
      expect(own.some((store) => store.status === 'open')).toBe(true);
      const owner = merchantUsers.find((row) => row.user.id === merchant.ownerUserId);
      expect(owner?.role).toBe('merchant_owner');
      expect(owner?.user.merchantId).toBe(merchant.id);
      expect(owner?.user.passwordSetAt).not.toBeNull();
    }
    for (const store of storeRows) expect(store.hours).toMatch(/^\d\d:\d\d-\d\d:\d\d$/);
    expect(storeRows.filter((store) => store.status === 'closed').length).toBeGreaterThan(0);

    const withStaff = new Set(
      merchantUsers.filter((row) => row.role !== 'merchant_owner').map((r) => r.user.merchantId),
    );
    expect(withStaff.size).toBeGreaterThanOrEqual(10);
    for (const { user } of merchantUsers.filter((r) => r.role === 'merchant_cashier')) {
      const store = storeRows.find((s) => s.id === user.storeId);
      expect(store?.merchantId).toBe(user.merchantId);
    }
  });

  it('runs two wholesale markets with members, requests and buyers', async () => {
    const { db, encryptor } = testApp;
    const marketRows = await db.select().from(markets);
    expect(marketRows.map((m) => [m.name, m.commissionBp]).sort()).toEqual([
      ['即墨水产批发市场', 60],
      ['青岛城阳蔬菜批发市场', 80],
    ]);
    const memberRows = await db.select().from(marketMemberships);
    const buyerRows = await db.select().from(buyerMembers);
    const byId = new Map(all.map((m) => [m.id, m]));
    for (const market of marketRows) {
      expect(market.commissionBp).toBeLessThanOrEqual(testApp.config.marketCommissionCapBp);
      expect(byId.get(market.operatorMerchantId)?.kind).toBe('market_operator');
      const members = memberRows.filter((m) => m.marketId === market.id);
      expect(countBy(members, (m) => m.status)).toMatchObject({ requested: 2, declined: 1 });
      const accepted = members.filter((m) => m.status === 'accepted');
      expect(accepted.length).toBeGreaterThanOrEqual(8);
      for (const member of accepted) {
        expect(byId.get(member.merchantId)?.status).toBe('active');
        expect(member.decidedByUserId).toBe(byId.get(market.operatorMerchantId)?.ownerUserId);
      }
      const buyers = buyerRows.filter((b) => b.marketId === market.id);
      expect(buyers.length).toBeGreaterThanOrEqual(5);
      for (const buyer of buyers) {
        const idNumber = encryptor.decrypt(buyer.idNumberEnc);
        expect(checkResidentId(idNumber, testApp.clock.now()).ok).toBe(true);
        expect(buyer.idNumberIndex).toBe(encryptor.blindIndex(idNumber));
        const account = encryptor.decrypt(buyer.accountNumberEnc);
        expect(checkBankAccountNumber(account)).toEqual({ ok: true, luhn: buyer.accountLuhnOk });
      }
    }
    // Some merchants sell in both markets.
    const acceptedIn = countBy(
      memberRows.filter((m) => m.status === 'accepted'),
      (m) => m.merchantId,
    );
    expect(Object.values(acceptedIn).filter((n) => n === 2).length).toBeGreaterThanOrEqual(2);
  });

  it('tells each active merchant it was approved', async () => {
    const notes = await testApp.db.select().from(merchantNotifications);
    for (const merchant of all.filter((m) => m.status === 'active')) {
      const approved = notes.find(
        (note) => note.merchantId === merchant.id && note.kind === 'merchant_approved',
      );
      expect(approved?.params, merchant.shortName ?? '').toEqual({
        shortName: merchant.shortName,
      });
    }
  });

  it('lets the printed demo merchant logins sign in', async () => {
    for (const login of demoMerchantLogins) {
      const reply = await testApp.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: login.mobile, password: demoPassword, realm: 'merchant' },
      });
      expect(reply.statusCode, login.mobile).toBe(200);
      expect(reply.json().next).toBe('done');
      const [user] = await testApp.db
        .select({ merchantId: users.merchantId, role: userRoles.role })
        .from(users)
        .innerJoin(userRoles, eq(userRoles.userId, users.id))
        .where(eq(users.username, `m:${testApp.encryptor.blindIndex(login.mobile)}`));
      expect(user?.role).toBe(login.role);
      expect(all.find((m) => m.id === user?.merchantId)?.shortName).toBe(login.merchant);
    }
    const wang = all.find((m) => m.shortName === '王记水果店');
    expect(wang).toMatchObject({ kind: 'individual_business', status: 'active' });
    const operator = all.find((m) => m.shortName === '城阳蔬菜批发市场');
    expect(operator?.kind).toBe('market_operator');
  });

  it('changes nothing when seeded again', async () => {
    const before = await tableCounts();
    const created = await seedDemoMerchants(testApp.db, testApp);
    expect(created).toBe(0);
    expect(await tableCounts()).toEqual(before);
  });
});
