import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { ChannelClientSettings, HttpTransport } from '../adapters/channels/index.js';
import type { CoreBankClientSettings } from '../adapters/corebank/corebank-http-client.js';
import type { Clock } from '../platform/clock.js';
import { Secret } from '../platform/crypto/secret.js';

export type RsaKeyPair = { publicKeyPem: string; privateKeyPem: string };

/**
 * Every key and id the clients and the simulators share. Each side gets only its half in real
 * life; the simulators are handed all of it because they play both the channel and the
 * checks the channel makes of us.
 */
export type SimulatorKeys = {
  wechat: {
    spMchId: string;
    spAppId: string;
    merchantSerialNo: string;
    merchant: RsaKeyPair;
    platformSerialNo: string;
    platform: RsaKeyPair;
    apiV3Key: string;
  };
  alipay: { appId: string; app: RsaKeyPair; alipay: RsaKeyPair };
  unionpay: { certId: string; merchant: RsaKeyPair; unionpay: RsaKeyPair };
  bankapp: { appId: string; secret: string };
  card: { keyId: string; secret: string };
  corebank: { clientId: string; secret: string };
};

function rsaPair(): RsaKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { publicKeyPem: publicKey, privateKeyPem: privateKey };
}

const serial = () => randomBytes(20).toString('hex').toUpperCase();

/**
 * Fresh keys for every channel and the core bank's payout gateway: six RSA-2048 pairs and
 * three HMAC secrets (about a second).
 */
export function createSimulatorKeys(): SimulatorKeys {
  return {
    wechat: {
      spMchId: '1900000109',
      spAppId: 'wxsharefinsim0001',
      merchantSerialNo: serial(),
      merchant: rsaPair(),
      platformSerialNo: serial(),
      platform: rsaPair(),
      // The APIv3 key is 32 characters, used as 32 bytes.
      apiV3Key: randomBytes(16).toString('hex'),
    },
    alipay: { appId: '2021000000000001', app: rsaPair(), alipay: rsaPair() },
    unionpay: {
      certId: String(randomBytes(5).readUIntBE(0, 5)),
      merchant: rsaPair(),
      unionpay: rsaPair(),
    },
    bankapp: { appId: 'sharefin', secret: randomBytes(32).toString('hex') },
    card: { keyId: 'acq-key-1', secret: randomBytes(32).toString('hex') },
    corebank: { clientId: 'sharefin-payouts', secret: randomBytes(32).toString('hex') },
  };
}

let processKeys: SimulatorKeys | undefined;

/** One set per process, so `npm start` needs no configuration and pays for the keys once. */
export function processSimulatorKeys(): SimulatorKeys {
  processKeys ??= createSimulatorKeys();
  return processKeys;
}

/**
 * Client settings that point every channel at the simulators mounted under
 * `${origin}/sim/<channel>`. `origin` may be any URL when the transport is in-process.
 */
export function simulatorClientSettings(
  keys: SimulatorKeys,
  options: { origin: string; transport?: HttpTransport; clock?: Clock; timeoutMs?: number },
): ChannelClientSettings {
  const base = `${options.origin.replace(/\/$/, '')}/sim`;
  return {
    transport: options.transport,
    clock: options.clock,
    timeoutMs: options.timeoutMs,
    wechat: {
      baseUrl: `${base}/wechat`,
      spMchId: keys.wechat.spMchId,
      spAppId: keys.wechat.spAppId,
      merchantSerialNo: keys.wechat.merchantSerialNo,
      merchantPrivateKey: new Secret(keys.wechat.merchant.privateKeyPem),
      platformSerialNo: keys.wechat.platformSerialNo,
      platformPublicKeyPem: keys.wechat.platform.publicKeyPem,
      apiV3Key: new Secret(keys.wechat.apiV3Key),
    },
    alipay: {
      gatewayUrl: `${base}/alipay/gateway.do`,
      appId: keys.alipay.appId,
      appPrivateKey: new Secret(keys.alipay.app.privateKeyPem),
      alipayPublicKeyPem: keys.alipay.alipay.publicKeyPem,
    },
    unionpay: {
      baseUrl: `${base}/unionpay`,
      certId: keys.unionpay.certId,
      merchantPrivateKey: new Secret(keys.unionpay.merchant.privateKeyPem),
      unionpayPublicKeyPem: keys.unionpay.unionpay.publicKeyPem,
    },
    bankapp: {
      baseUrl: `${base}/bankapp`,
      appId: keys.bankapp.appId,
      secret: new Secret(keys.bankapp.secret),
    },
    card: { baseUrl: `${base}/card`, keyId: keys.card.keyId, secret: new Secret(keys.card.secret) },
  };
}

/**
 * Core-bank client settings that point at the payout gateway's simulator under
 * `${origin}/sim/corebank`; the caller adds the transport, as for the channels.
 */
export function simulatorCoreBankSettings(
  keys: SimulatorKeys,
  options: { origin: string },
): Omit<CoreBankClientSettings, 'transport' | 'clock'> {
  return {
    baseUrl: `${options.origin.replace(/\/$/, '')}/sim/corebank`,
    clientId: keys.corebank.clientId,
    secret: new Secret(keys.corebank.secret),
  };
}
