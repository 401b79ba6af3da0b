import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, signIn } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { signInMerchant } from '../../../test/merchant-factories.js';
import { simulatedPayeeAccount } from '../../simulators/index.js';
import { merchants } from '../merchants/index.js';
import { expectedModules, renderSvg, sampleModules } from '../payments/qr-test-support.js';
import {
  createPurchaser,
  deposit,
  farmerForm,
  purchaseForm,
  registerFarmer,
} from './farmer-test-support.js';

let testApp: TestApp;
let owner: Session;
const form = farmerForm({ name: '刘建国' });
let farmerId: string;
let purchaserName: string;

beforeAll(async () => {
  testApp = await createTestApp();
  const admin = (await signIn(testApp, 'admin')).session;
  const purchaser = await createPurchaser(testApp);
  const [row] = await testApp.db.select().from(merchants).where(eq(merchants.id, purchaser.id));
  purchaserName = row?.registeredName ?? 'unknown';
  owner = await signInMerchant(testApp, purchaser.ownerMobile);
  farmerId = (await registerFarmer(owner, form)).id;
  await deposit(admin, purchaser.id, 1_000_000);
});
afterAll(() => testApp.close());

/** The farmer opens the link on a phone: no cookie, no login. */
function openReceipt(url: string) {
  return testApp.app.inject({ method: 'GET', url: new URL(url).pathname });
}

describe('the farmer’s receipt', () => {
  it('shows the purchase, the masked farmer and a QR of its own link, without a login', async () => {
    const purchase = (
      await owner.request(
        'POST',
        '/api/v1/portal/farmers/purchases',
        purchaseForm(farmerId, {
          produce: '<b>红富士</b>',
          weightGrams: 12_345,
          unitPriceFenPerKg: 350,
          recordedAt: '2026-10-08T01:30:00Z',
        }),
      )
    ).json();
    expect(purchase.receiptUrl).toMatch(new RegExp(`^${testApp.config.publicUrl}/r/f/`));
    expect(purchase.receiptUrl).not.toContain(purchase.id);

    const page = await openReceipt(purchase.receiptUrl);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html; charset=utf-8/);
    expect(page.headers['cache-control']).toBe('no-store');
    const html = page.body;
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain(purchaserName);
    expect(html).toContain('name="viewport"');
    expect(html).toContain(`¥43.21`);
    expect(html).toContain('12.345 公斤');
    expect(html).toContain('3.50 元/公斤');
    expect(html).toContain('2026-10-08 09:30');
    expect(html).toContain('已到账');
    expect(html).toContain('刘*');
    expect(html).toContain(
      `${form.accountNumber.slice(0, 6)}*********${form.accountNumber.slice(-4)}`,
    );
    expect(html).toContain('&lt;b&gt;红富士&lt;/b&gt;');
    expect(html).not.toContain('<b>红富士');
    for (const clear of [form.name, form.idNumber, form.accountNumber, form.mobile]) {
      expect(html).not.toContain(clear);
    }

    // The QR, drawn as a phone would show it, encodes the receipt's own link.
    const svg = /<svg[\s\S]*?<\/svg>/.exec(html)?.[0];
    if (!svg) throw new Error('no QR on the receipt');
    const modules = expectedModules(purchase.receiptUrl);
    const modulePx = 8;
    const pixels = renderSvg(svg, (modules.length + 8) * modulePx);
    const drawn = sampleModules(pixels, {
      left: 4 * modulePx,
      top: 4 * modulePx,
      modulePx,
      count: modules.length,
      border: 4,
    });
    expect(drawn).toEqual(modules);
  });

  it('tells the farmer when the bank refused the payment, and why', async () => {
    const closed = await registerFarmer(owner, {
      name: '周玉芬',
      accountNumber: simulatedPayeeAccount('account_closed', 7),
    });
    const purchase = (
      await owner.request('POST', '/api/v1/portal/farmers/purchases', purchaseForm(closed.id))
    ).json();
    const page = await openReceipt(purchase.receiptUrl);
    expect(page.body).toContain('失败：账户已销户');
    expect(page.body).not.toContain('已到账');
    expect(page.body).toContain('周*');
  });

  it('answers a link that names no receipt with a page saying so', async () => {
    const page = await testApp.app.inject({ method: 'GET', url: '/r/f/not-a-real-receipt-token' });
    expect(page.statusCode).toBe(404);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('找不到该凭证');
  });
});
