import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { createMerchantUserIn, signInMerchant } from '../../../test/merchant-factories.js';
import { merchantAtTill } from '../../../test/payment-factories.js';
import { parseEmvcoPayload } from './emvco.js';

let testApp: TestApp;
let till: Awaited<ReturnType<typeof merchantAtTill>>;

beforeAll(async () => {
  testApp = await createTestApp();
  till = await merchantAtTill(testApp);
});
afterAll(() => testApp.close());

describe('store codes in the merchant portal', () => {
  it('gives each store one lasting code: a /q/ URL, an EMVCo static payload, QR images and a poster', async () => {
    const first = (await till.session.request('GET', '/api/v1/portal/store-codes')).json().data;
    const again = (await till.session.request('GET', '/api/v1/portal/store-codes')).json().data;
    expect(first).toHaveLength(1);
    expect(again[0].code).toBe(first[0].code);
    const code = first[0];
    expect(code.url).toBe(`${testApp.config.publicUrl}/q/${code.code}`);
    const emvco = parseEmvcoPayload(code.emvco);
    expect(emvco).toMatchObject({ crcValid: true, kind: 'static', amountFen: undefined });

    const png = await till.session.request('GET', code.pngUrl);
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    const svg = await till.session.request('GET', code.svgUrl);
    expect(svg.headers['content-type']).toContain('image/svg+xml');
    const poster = await till.session.request('GET', code.posterUrl);
    expect(poster.headers['content-disposition']).toContain('attachment');
    expect(poster.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    const posterSvg = await till.session.request(
      'GET',
      code.posterUrl.replace('poster.png', 'poster.svg'),
    );
    expect(posterSvg.body).toContain(code.code);
  });

  it('opens the cashier for the code without a login, and nothing for an unknown one', async () => {
    const [code] = (await till.session.request('GET', '/api/v1/portal/store-codes')).json().data;
    const opened = await testApp.app.inject({
      method: 'GET',
      url: `/api/v1/cashier/store-codes/${code.code}`,
    });
    expect(opened.statusCode).toBe(200);
    expect(opened.json()).toMatchObject({
      storeName: code.storeName,
      channels: ['wechat', 'alipay', 'unionpay', 'bankapp'],
    });
    const unknown = await testApp.app.inject({
      method: 'GET',
      url: '/api/v1/cashier/store-codes/ZZZZZZZZZZ',
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('shows a cashier only the code of their own store', async () => {
    const cashierUser = await createMerchantUserIn(testApp, {
      merchantId: till.id,
      role: 'merchant_cashier',
      storeId: till.storeId,
    });
    const cashier = await signInMerchant(testApp, cashierUser.mobile);
    const own = await cashier.request('GET', '/api/v1/portal/store-codes');
    expect(own.json().data.map((item: { storeId: string }) => item.storeId)).toEqual([
      till.storeId,
    ]);
    const other = await cashier.request(
      'GET',
      '/api/v1/portal/store-codes/sto_01aaaaaaaaaaaaaaaaaaaaaaaa/qr.png',
    );
    expect(other.statusCode).toBe(404);
  });
});
