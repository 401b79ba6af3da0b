import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, signIn } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import {
  createMarket,
  createMarketOperator,
  setMerchantStatus,
  validResidentId,
} from '../../../test/market-factories.js';
import {
  createMerchantUserIn,
  signInMerchant,
  validAccountNumber,
} from '../../../test/merchant-factories.js';
import { luhnCheckDigit } from '../../platform/validation/bank-card.js';
import { residentIdCheckChar } from '../../platform/validation/resident-id.js';
import { checkBuyer } from './buyer-checks.js';
import { buyerMembers, type MarketRow } from './tables.js';

let testApp: TestApp;
let admin: Session;
let owner: Session;
let operatorId: string;
let market: MarketRow;

beforeAll(async () => {
  testApp = await createTestApp();
  admin = (await signIn(testApp, 'admin')).session;
  const operator = await createMarketOperator(testApp);
  operatorId = operator.id;
  owner = await signInMerchant(testApp, operator.ownerMobile);
  market = await createMarket(testApp, { operatorMerchantId: operator.id });
});
afterAll(() => testApp.close());

function buyer(overrides: Record<string, string> = {}) {
  return {
    name: '刘建国',
    idNumber: validResidentId(),
    accountNumber: validAccountNumber(),
    bankCode: '314',
    ...overrides,
  };
}

function register(body: unknown, marketId = market.id, headers?: Record<string, string>) {
  return owner.request('POST', `/api/v1/portal/markets/${marketId}/buyers`, body, headers);
}

/** An ID number whose check character is wrong: the right one, changed. */
function withWrongCheckChar(id: string): string {
  const right = residentIdCheckChar(id.slice(0, 17));
  return `${id.slice(0, 17)}${right === '1' ? '2' : '1'}`;
}

describe('registering a buyer', () => {
  it('stores the ID and card encrypted, replies masked and audits it masked', async () => {
    const body = buyer();
    const reply = await register(body);
    expect(reply.statusCode).toBe(201);
    const created = reply.json();
    expect(created).toMatchObject({
      marketId: market.id,
      name: '刘*',
      idNumber: `${body.idNumber.slice(0, 3)}***********${body.idNumber.slice(-4)}`,
      accountNumber: `${body.accountNumber.slice(0, 6)}*********${body.accountNumber.slice(-4)}`,
      accountLuhnOk: true,
      bankCode: '314',
    });
    expect(reply.body).not.toContain(body.idNumber);
    expect(reply.body).not.toContain(body.accountNumber);

    const [row] = await testApp.db
      .select()
      .from(buyerMembers)
      .where(eq(buyerMembers.id, created.id));
    expect(row?.idNumberEnc).not.toContain(body.idNumber);
    expect(testApp.encryptor.decrypt(row?.idNumberEnc ?? '')).toBe(body.idNumber);
    expect(testApp.encryptor.decrypt(row?.accountNumberEnc ?? '')).toBe(body.accountNumber);

    const audit = await admin.request('GET', `/api/v1/audit-events?targetId=${created.id}`);
    const [event] = audit.json().data;
    expect(event.action).toBe('market.buyer_registered');
    expect(event.changes.personName.after).toBe('刘*');
    expect(event.changes.idNumber.after).toBe(created.idNumber);
    expect(JSON.stringify(event)).not.toContain(body.idNumber);
    expect(JSON.stringify(event)).not.toContain(body.accountNumber);

    const list = await owner.request('GET', `/api/v1/portal/markets/${market.id}/buyers`);
    expect(list.json().data[0]).toEqual(created);
    const staffList = await admin.request('GET', `/api/v1/markets/${market.id}/buyers`);
    expect(staffList.json().data[0]).toEqual(created);
  });

  it('accepts a card that fails Luhn and flags it', async () => {
    const partial = '621700000012345678';
    const wrongDigit = String((Number(luhnCheckDigit(partial)) + 1) % 10);
    const reply = await register(buyer({ accountNumber: `${partial}${wrongDigit}` }));
    expect(reply.statusCode).toBe(201);
    expect(reply.json().accountLuhnOk).toBe(false);
  });

  it('accepts an ID typed with spaces and a lowercase x, stored normalised', async () => {
    let id = validResidentId('19900101');
    while (!id.endsWith('X')) id = validResidentId('19900101');
    const reply = await register(
      buyer({ idNumber: ` ${id.slice(0, 17)}x `, accountNumber: '6228 4800 1234 5678' }),
    );
    expect(reply.statusCode).toBe(201);
    const [row] = await testApp.db
      .select()
      .from(buyerMembers)
      .where(eq(buyerMembers.id, reply.json().id));
    expect(testApp.encryptor.decrypt(row?.idNumberEnc ?? '')).toBe(id);
    expect(testApp.encryptor.decrypt(row?.accountNumberEnc ?? '')).toBe('6228480012345678');
  });

  it('refuses an ID number with a wrong check character', async () => {
    const reply = await register(buyer({ idNumber: withWrongCheckChar(validResidentId()) }));
    expect(reply.statusCode).toBe(400);
    expect(reply.json().error).toMatchObject({
      code: 'validation_failed',
      param: 'idNumber',
      errors: [{ param: 'idNumber', code: 'id_check_digit', message: expect.any(String) }],
    });
  });

  it('refuses an ID number whose birth date does not exist', async () => {
    // 30 February, with the check character computed so only the date is wrong.
    const first17 = '37020219850230123';
    const reply = await register(
      buyer({ idNumber: `${first17}${residentIdCheckChar(first17)}` }),
      market.id,
      { 'accept-language': 'en' },
    );
    expect(reply.statusCode).toBe(400);
    const [error] = reply.json().error.errors;
    expect(error).toMatchObject({ param: 'idNumber', code: 'id_birth_date' });
    expect(error.message).toMatch(/birth date/);
  });

  it('reports every field problem in one reply', async () => {
    const reply = await register({
      name: '  ',
      idNumber: '3702021985',
      accountNumber: '12345',
      bankCode: '999',
    });
    expect(reply.statusCode).toBe(400);
    expect(
      reply.json().error.errors.map((e: { param: string; code: string }) => [e.param, e.code]),
    ).toEqual([
      ['name', 'required'],
      ['idNumber', 'id_format'],
      ['accountNumber', 'account_format'],
      ['bankCode', 'bank_unknown'],
    ]);
    // The Chinese wording is the default.
    expect(reply.json().error.errors[3].message).toBe('请从列表中选择开户银行');
  });

  it('refuses a second buyer with the same ID number in the market, not in another one', async () => {
    const idNumber = validResidentId();
    expect((await register(buyer({ idNumber }))).statusCode).toBe(201);
    const duplicate = await register(buyer({ idNumber, name: '另一人' }));
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error).toMatchObject({ code: 'buyer_exists', param: 'idNumber' });

    const second = await createMarket(testApp, { operatorMerchantId: operatorId });
    expect((await register(buyer({ idNumber }), second.id)).statusCode).toBe(201);
  });

  it('replays a repeated Idempotency-Key instead of reporting a duplicate', async () => {
    const body = buyer();
    const headers = { 'idempotency-key': `buyer-${body.idNumber}` };
    const first = await register(body, market.id, headers);
    const second = await register(body, market.id, headers);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json()).toEqual(first.json());
  });

  it('refuses registration in a closed market or by a suspended operator', async () => {
    const closed = await createMarket(testApp, {
      operatorMerchantId: operatorId,
      status: 'closed',
    });
    const reply = await register(buyer(), closed.id);
    expect(reply.statusCode).toBe(409);
    expect(reply.json().error.code).toBe('market_closed');

    const other = await createMarketOperator(testApp);
    const otherMarket = await createMarket(testApp, { operatorMerchantId: other.id });
    const otherOwner = await signInMerchant(testApp, other.ownerMobile);
    await setMerchantStatus(testApp, other.id, 'suspended');
    const held = await otherOwner.request(
      'POST',
      `/api/v1/portal/markets/${otherMarket.id}/buyers`,
      buyer(),
    );
    expect(held.statusCode).toBe(409);
    expect(held.json().error.code).toBe('merchant_not_active');
  });

  it('lets a manager of the operator see buyers but not register them', async () => {
    const manager = await createMerchantUserIn(testApp, {
      merchantId: operatorId,
      role: 'merchant_manager',
    });
    const session = await signInMerchant(testApp, manager.mobile);
    expect(
      (await session.request('GET', `/api/v1/portal/markets/${market.id}/buyers`)).statusCode,
    ).toBe(200);
    const reply = await session.request(
      'POST',
      `/api/v1/portal/markets/${market.id}/buyers`,
      buyer(),
    );
    expect(reply.statusCode).toBe(403);
  });
});

describe('the buyer checks', () => {
  const today = new Date('2026-06-01T00:00:00Z');

  it('refuses a birth date in the future', () => {
    const first17 = '37020220300101123';
    const result = checkBuyer(
      { ...buyer(), idNumber: `${first17}${residentIdCheckChar(first17)}` },
      today,
    );
    expect(result).toMatchObject({ ok: false, errors: [{ code: 'id_birth_date' }] });
  });

  it('returns the normalised details with the Luhn result', () => {
    const accountNumber = validAccountNumber();
    const result = checkBuyer({ ...buyer(), accountNumber, name: ' 刘建国 ' }, today);
    expect(result).toMatchObject({
      ok: true,
      buyer: { name: '刘建国', accountNumber, accountLuhnOk: true, bankCode: '314' },
    });
  });
});
