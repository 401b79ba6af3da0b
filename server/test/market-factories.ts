import { eq } from 'drizzle-orm';
import { buyerMembers, marketMemberships, markets } from '../src/modules/markets/index.js';
import type { marketKinds, membershipStatuses } from '../src/modules/markets/tables.js';
import { merchants } from '../src/modules/merchants/index.js';
import type { MerchantStatus } from '../src/modules/merchants/tables.js';
import { newId } from '../src/platform/ids.js';
import { residentIdCheckChar } from '../src/platform/validation/resident-id.js';
import type { TestApp } from './harness.js';
import { createActiveMerchant, validAccountNumber } from './merchant-factories.js';

let counter = 0;

/** An active market-operator merchant with an owner who can log in to the portal. */
export function createMarketOperator(
  testApp: TestApp,
  options: { nodeCode?: string; shortName?: string } = {},
) {
  return createActiveMerchant(testApp, { ...options, kind: 'market_operator' });
}

/** A market straight in the database, open unless told otherwise. */
export async function createMarket(
  testApp: TestApp,
  options: {
    operatorMerchantId: string;
    name?: string;
    kind?: (typeof marketKinds)[number];
    commissionBp?: number;
    status?: 'open' | 'closed';
  },
) {
  const now = testApp.clock.now();
  counter += 1;
  const [market] = await testApp.db
    .insert(markets)
    .values({
      id: newId('market', now.getTime()),
      operatorMerchantId: options.operatorMerchantId,
      name: options.name ?? `测试批发市场${counter}`,
      kind: options.kind ?? 'wholesale',
      commissionBp: options.commissionBp ?? 50,
      status: options.status ?? 'open',
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!market) throw new Error('Market insert returned no row');
  return market;
}

/** A membership in a given state, as if the request and decision had already happened. */
export async function addMembership(
  testApp: TestApp,
  input: {
    marketId: string;
    merchantId: string;
    status: (typeof membershipStatuses)[number];
  },
) {
  const now = testApp.clock.now();
  const id = newId('membership', now.getTime());
  await testApp.db.insert(marketMemberships).values({
    id,
    marketId: input.marketId,
    merchantId: input.merchantId,
    status: input.status,
    requestedAt: now,
    decidedAt: input.status === 'requested' ? null : now,
  });
  return id;
}

/** A buyer member straight in the database, encrypted as the use case stores it. */
export async function addBuyer(testApp: TestApp, input: { marketId: string; name?: string }) {
  const idNumber = validResidentId();
  const now = testApp.clock.now();
  const id = newId('buyer', now.getTime());
  await testApp.db.insert(buyerMembers).values({
    id,
    marketId: input.marketId,
    name: input.name ?? '李四',
    idNumberEnc: testApp.encryptor.encrypt(idNumber),
    idNumberIndex: testApp.encryptor.blindIndex(idNumber),
    accountNumberEnc: testApp.encryptor.encrypt(validAccountNumber()),
    accountLuhnOk: true,
    bankCode: '103',
    createdAt: now,
  });
  return { id, idNumber };
}

/** A resident ID number with a real birth date and the right check character, new per call. */
export function validResidentId(birthDate = '19850614'): string {
  counter += 1;
  const first17 = `370202${birthDate}${String(counter % 1000).padStart(3, '0')}`;
  return `${first17}${residentIdCheckChar(first17)}`;
}

/** Puts a merchant in another state (a risk hold, a closure) without going through review. */
export async function setMerchantStatus(testApp: TestApp, id: string, status: MerchantStatus) {
  await testApp.db.update(merchants).set({ status }).where(eq(merchants.id, id));
}
