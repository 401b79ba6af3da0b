import { randomUUID } from 'node:crypto';
import type { Session } from '../../../test/factories.js';
import type { TestApp } from '../../../test/harness.js';
import { validResidentId } from '../../../test/market-factories.js';
import { createActiveMerchant, validAccountNumber } from '../../../test/merchant-factories.js';
import { purchaseAmountFen } from './purchase-amount.js';

/**
 * Test support for the farmers module: purchasers, farmers and purchases as the purchaser's
 * app and the bank's staff would make them, through the HTTP API.
 */

/** An active produce purchaser with an owner who can log in to the portal. */
export function createPurchaser(testApp: TestApp, options: { nodeCode?: string } = {}) {
  return createActiveMerchant(testApp, { ...options, kind: 'produce_purchaser' });
}

/** A farmer registration form filled in correctly, in 城阳区 of Qingdao. */
export function farmerForm(overrides: Record<string, string> = {}) {
  return {
    name: '刘建国',
    idNumber: validResidentId('19680305'),
    accountNumber: validAccountNumber(),
    bankCode: '314',
    regionCode: '370214',
    mobile: '13912345678',
    ...overrides,
  };
}

export async function registerFarmer(
  session: Session,
  overrides: Record<string, string> = {},
): Promise<{ id: string; name: string }> {
  const reply = await session.request('POST', '/api/v1/portal/farmers', farmerForm(overrides));
  if (reply.statusCode !== 201) throw new Error(`Farmer not registered: ${reply.body}`);
  return reply.json();
}

/** Credits a purchaser's funds as bank staff do. */
export async function deposit(
  staff: Session,
  merchantId: string,
  amountFen: number,
  reference = `DEP${randomUUID().slice(0, 12)}`,
) {
  return staff.request('POST', `/api/v1/merchants/${merchantId}/purchaser-funds/deposits`, {
    amountFen,
    reference,
  });
}

/** A purchase as the app records it: a fresh client id and the amount computed right. */
export function purchaseForm(
  farmerId: string,
  overrides: Partial<{
    clientPurchaseId: string;
    produce: string;
    weightGrams: number;
    unitPriceFenPerKg: number;
    amountFen: number;
    recordedAt: string;
  }> = {},
) {
  const weightGrams = overrides.weightGrams ?? 12_345;
  const unitPriceFenPerKg = overrides.unitPriceFenPerKg ?? 350;
  return {
    clientPurchaseId: randomUUID(),
    farmerId,
    produce: '苹果',
    recordedAt: '2026-10-08T01:30:00.000Z',
    ...overrides,
    weightGrams,
    unitPriceFenPerKg,
    amountFen: overrides.amountFen ?? purchaseAmountFen(weightGrams, unitPriceFenPerKg),
  };
}

export async function balanceOf(session: Session): Promise<number> {
  const reply = await session.request('GET', '/api/v1/portal/farmers/balance');
  if (reply.statusCode !== 200) throw new Error(`No balance: ${reply.body}`);
  return reply.json().balanceFen;
}
