import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyRsaSha256 } from '../rsa-sha256.js';
import { decryptWechatResource, encryptWechatResource } from './wechat-resource-cipher.js';
import {
  parseWechatAuthorization,
  signWechatResponse,
  verifyWechatRequest,
  wechatAuthorization,
  wechatRequestSignString,
  wechatResponseSignString,
} from './wechat-signing.js';

const { publicKey, privateKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});
const apiV3Key = '0123456789abcdef0123456789abcdef';

describe('WeChat Pay v3 request signature', () => {
  it('signs exactly five lines, each ending in a newline', () => {
    const text = wechatRequestSignString({
      method: 'POST',
      pathWithQuery: '/v3/pay/partner/transactions/jsapi',
      timestampSeconds: 1_554_208_460,
      nonce: '593BEC0C930BF1AFEB40B4A08C8FB242',
      body: '{"a":1}',
    });
    expect(text).toBe(
      'POST\n/v3/pay/partner/transactions/jsapi\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n{"a":1}\n',
    );
    expect(text.split('\n')).toHaveLength(6);
    expect(
      wechatRequestSignString({
        method: 'GET',
        pathWithQuery: '/v3/x?a=1',
        timestampSeconds: 1,
        nonce: 'n',
        body: '',
      }),
    ).toBe('GET\n/v3/x?a=1\n1\nn\n\n');
  });

  it('writes the Authorization header WeChat expects, and it verifies', () => {
    const input = {
      mchId: '1900000109',
      serialNo: 'ABC123',
      privateKeyPem: privateKey,
      method: 'GET',
      pathWithQuery: '/v3/refund/domestic/refunds/r1?sub_mchid=1',
      timestampSeconds: 1_700_000_000,
      nonce: 'nonce1',
      body: '',
    };
    const header = wechatAuthorization(input);
    expect(header).toMatch(
      /^WECHATPAY2-SHA256-RSA2048 mchid="1900000109",nonce_str="nonce1",signature="[A-Za-z0-9+/=]+",timestamp="1700000000",serial_no="ABC123"$/,
    );
    const authorization = parseWechatAuthorization(header);
    expect(authorization).not.toBeNull();
    const request = {
      method: 'GET',
      pathWithQuery: input.pathWithQuery,
      body: '',
      authorization: authorization!,
    };
    expect(verifyWechatRequest(request, publicKey)).toBe(true);
    expect(
      verifyWechatRequest(
        { ...request, pathWithQuery: '/v3/refund/domestic/refunds/r2?sub_mchid=1' },
        publicKey,
      ),
    ).toBe(false);
  });
});

describe('WeChat Pay v3 callback verification', () => {
  it('verifies three lines: timestamp, nonce, body', () => {
    expect(wechatResponseSignString('1700000000', 'abc', '{"id":"1"}')).toBe(
      '1700000000\nabc\n{"id":"1"}\n',
    );
    const body = '{"id":"EV-1"}';
    const headers = signWechatResponse(body, {
      timestamp: '1700000000',
      nonce: 'abc',
      serialNo: 'S',
      privateKeyPem: privateKey,
    });
    const signed = wechatResponseSignString(
      headers['wechatpay-timestamp'],
      headers['wechatpay-nonce'],
      body,
    );
    expect(verifyRsaSha256(signed, headers['wechatpay-signature'], publicKey)).toBe(true);
    expect(
      verifyRsaSha256(signed.replace('EV-1', 'EV-2'), headers['wechatpay-signature'], publicKey),
    ).toBe(false);
  });
});

describe('AEAD_AES_256_GCM resource', () => {
  const plaintext = '{"out_trade_no":"pay_1","amount":{"total":1234}}';

  it('decrypts with the key, nonce and associated data', () => {
    const resource = encryptWechatResource(plaintext, apiV3Key, 'transaction', 'fdasflkja484');
    expect(Buffer.from(resource.ciphertext, 'base64').length).toBe(
      Buffer.byteLength(plaintext) + 16,
    );
    expect(decryptWechatResource(resource, apiV3Key)).toBe(plaintext);
  });

  it('refuses a flipped ciphertext byte, other associated data and a wrong key', () => {
    const resource = encryptWechatResource(plaintext, apiV3Key, 'transaction', 'fdasflkja484');
    const bytes = Buffer.from(resource.ciphertext, 'base64');
    bytes[3] = (bytes[3] ?? 0) ^ 0x01;
    expect(() =>
      decryptWechatResource({ ...resource, ciphertext: bytes.toString('base64') }, apiV3Key),
    ).toThrow();
    expect(() =>
      decryptWechatResource({ ...resource, associated_data: 'refund' }, apiV3Key),
    ).toThrow();
    expect(() => decryptWechatResource(resource, 'fedcba9876543210fedcba9876543210')).toThrow();
  });
});
