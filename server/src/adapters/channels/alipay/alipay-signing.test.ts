import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fenToYuan, yuanToFen } from './alipay-amount.js';
import {
  alipayResponseNodeText,
  alipaySignString,
  signAlipayParams,
  verifyAlipayParams,
} from './alipay-signing.js';

const { publicKey, privateKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});

describe('Alipay RSA2', () => {
  const params = {
    method: 'alipay.trade.pay',
    app_id: '2021000000000001',
    sign_type: 'RSA2',
    biz_content: '{"out_trade_no":"pay_1","total_amount":"12.34"}',
    notify_url: '',
    timestamp: '2026-11-20 10:00:00',
    sign: 'old-signature',
  };

  it('signs the non-empty parameters except sign, sorted by key', () => {
    expect(alipaySignString(params)).toBe(
      'app_id=2021000000000001&biz_content={"out_trade_no":"pay_1","total_amount":"12.34"}&method=alipay.trade.pay&sign_type=RSA2&timestamp=2026-11-20 10:00:00',
    );
    expect(alipaySignString(params, { excludeSignType: true })).not.toContain('sign_type');
  });

  it('verifies its own signature and refuses a tampered parameter', () => {
    const signed = { ...params, sign: signAlipayParams(params, privateKey) };
    expect(verifyAlipayParams(signed, publicKey)).toBe(true);
    expect(
      verifyAlipayParams(
        { ...signed, biz_content: signed.biz_content.replace('12.34', '1234.00') },
        publicKey,
      ),
    ).toBe(false);
    expect(verifyAlipayParams({ ...signed, extra: 'x' }, publicKey)).toBe(false);
    // An empty value is not signed, so adding one changes nothing.
    expect(verifyAlipayParams({ ...signed, extra: '' }, publicKey)).toBe(true);
  });

  it('cuts the response node out of the body exactly as sent', () => {
    const node = '{"code":"10000","msg":"Success","sub":{"x":"}{\\""}}';
    expect(
      alipayResponseNodeText(
        `{"alipay_trade_pay_response":${node},"sign":"abc"}`,
        'alipay_trade_pay_response',
      ),
    ).toBe(node);
    expect(alipayResponseNodeText('{"other":{}}', 'alipay_trade_pay_response')).toBeNull();
  });
});

describe('Alipay amounts', () => {
  it('converts fen to yuan strings and back without floats', () => {
    expect(fenToYuan(1234)).toBe('12.34');
    expect(fenToYuan(5)).toBe('0.05');
    expect(fenToYuan(100)).toBe('1.00');
    expect(fenToYuan(900719925474099)).toBe('9007199254740.99');
    expect(yuanToFen('12.34')).toBe(1234);
    expect(yuanToFen('12.3')).toBe(1230);
    expect(yuanToFen('0.01')).toBe(1);
    expect(yuanToFen('7')).toBe(700);
    for (const bad of ['1.234', '-1.00', '1e3', '', '01.00', ' 1.00'])
      expect(yuanToFen(bad)).toBeNull();
    expect(() => fenToYuan(1.5)).toThrow();
  });
});
