import { eq } from 'drizzle-orm';
import { createMerchantUser } from '../src/modules/identity/index.js';
import { merchants, stores } from '../src/modules/merchants/index.js';
import type { MerchantKind } from '../src/modules/merchants/tables.js';
import type { MerchantRole } from '../src/platform/auth/permissions.js';
import { newId } from '../src/platform/ids.js';
import { luhnCheckDigit } from '../src/platform/validation/bank-card.js';
import { creditCodeCheckChar } from '../src/platform/validation/credit-code.js';
import { demoNode, demoPassword, type Session, sessionFrom } from './factories.js';
import type { TestApp } from './harness.js';

let counter = 0;

/** A fresh mobile number per call, so tests never collide on the merchant-realm login. */
export function uniqueMobile(): string {
  counter += 1;
  return `139${String(Date.now() % 1e4).padStart(4, '0')}${String(counter % 1e4).padStart(4, '0')}`;
}

export function validCreditCode(): string {
  const first17 = `9137020${String(Date.now() % 1e8).padStart(8, '0')}M${counter % 10}`;
  return `${first17}${creditCodeCheckChar(first17)}`;
}

export function validAccountNumber(): string {
  const partial = `622848${String(Date.now() % 1e12).padStart(12, '0')}`;
  return `${partial}${luhnCheckDigit(partial)}`;
}

/**
 * An active merchant straight in the database, in a demo node, with one open store and an
 * owner who logs in with `ownerMobile` and the demo password.
 */
export async function createActiveMerchant(
  testApp: TestApp,
  options: { nodeCode?: string; kind?: MerchantKind; shortName?: string } = {},
) {
  const { db, clock } = testApp;
  const encryptor = testApp.encryptor;
  const node = await demoNode(db, options.nodeCode ?? 'QD010');
  const now = clock.now();
  const id = newId('merchant', now.getTime());
  const ownerMobile = uniqueMobile();
  counter += 1;
  const shortName = options.shortName ?? `测试商户${counter}`;
  await db.insert(merchants).values({
    id,
    status: 'active',
    kind: options.kind ?? 'individual_business',
    channel: 'staff',
    registeredName: `青岛市${shortName}`,
    shortName,
    creditCode: validCreditCode(),
    legalRepName: '张三',
    legalRepIdNumberEnc: encryptor.encrypt('11010519491231002X'),
    mobileEnc: encryptor.encrypt(ownerMobile),
    mobileIndex: encryptor.blindIndex(ownerMobile),
    regionCode: node.regionCode,
    address: '香港中路 8 号',
    mcc: '5411',
    settlementAccountName: `青岛市${shortName}`,
    settlementAccountNumberEnc: encryptor.encrypt(validAccountNumber()),
    settlementBankCode: '314',
    orgNodeId: node.id,
    referralCode: `T${String(counter).padStart(3, '0')}${id.slice(-4).toUpperCase()}`,
    riskLevel: 'low',
    feePlan: 'standard',
    activatedAt: now,
    createdAt: now,
    updatedAt: now,
  });
  const storeId = newId('store', now.getTime());
  await db.insert(stores).values({
    id: storeId,
    merchantId: id,
    name: `${shortName}（总店）`,
    regionCode: node.regionCode,
    address: '香港中路 8 号',
    hours: '08:00-21:00',
    status: 'open',
    createdAt: now,
    updatedAt: now,
  });
  const owner = await createMerchantUserIn(testApp, { merchantId: id, role: 'merchant_owner' });
  await db.update(merchants).set({ ownerUserId: owner.userId }).where(eq(merchants.id, id));
  return { id, storeId, node, owner, ownerMobile: owner.mobile };
}

/** A merchant user with the demo password; a cashier is tied to `storeId`. */
export async function createMerchantUserIn(
  testApp: TestApp,
  input: { merchantId: string; role: MerchantRole; storeId?: string },
) {
  const mobile = uniqueMobile();
  const { userId } = await testApp.db.transaction((tx) =>
    createMerchantUser(tx, testApp, {
      merchantId: input.merchantId,
      storeId: input.storeId ?? null,
      mobile,
      displayName: `用户${mobile.slice(-4)}`,
      role: input.role,
      password: demoPassword,
    }),
  );
  return { userId, mobile };
}

/** Logs a merchant user in by mobile number and the demo password. */
export async function signInMerchant(testApp: TestApp, mobile: string): Promise<Session> {
  const login = await testApp.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: mobile, password: demoPassword, realm: 'merchant' },
  });
  if (login.statusCode !== 200) throw new Error(`Merchant login failed: ${login.body}`);
  return sessionFrom(testApp, login);
}

/** A real 1×1 PNG: small, but what a phone's photo is to the type check. */
export const tinyPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** A multipart/form-data body with a `type` field and one `file`, as the H5 form sends it. */
export function documentUpload(type: string, bytes: Buffer, fileName = 'photo.png') {
  const boundary = `----sharefin${Date.now().toString(16)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="type"\r\n\r\n${type}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n',
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Fields of a complete, valid individual-business application in 市南区. */
export function completeApplication() {
  return {
    kind: 'individual_business' as const,
    registeredName: '青岛市市南区王记水果店',
    shortName: '王记水果',
    creditCode: validCreditCode(),
    legalRepName: '王建国',
    legalRepIdNumber: '11010519491231002X',
    mobile: uniqueMobile(),
    regionCode: '370202',
    address: '香港中路 8 号',
    mcc: '5411',
    settlementAccountName: '王建国',
    settlementAccountNumber: validAccountNumber(),
    settlementBankCode: '314',
  };
}
