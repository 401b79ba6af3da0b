import { signRsaSha256, verifyRsaSha256 } from '../rsa-sha256.js';

/**
 * WeChat Pay v3 request signing: five lines, each ending in "\n": method, path with query,
 * unix seconds, nonce, body (empty for GET). The path is the one actually requested, so a
 * base URL with a path prefix signs the prefix too.
 */
export type WechatSignedRequest = {
  method: string;
  pathWithQuery: string;
  timestampSeconds: number;
  nonce: string;
  body: string;
};

export function wechatRequestSignString(input: WechatSignedRequest): string {
  return `${input.method}\n${input.pathWithQuery}\n${input.timestampSeconds}\n${input.nonce}\n${input.body}\n`;
}

/** Callbacks and responses are signed over three lines: timestamp, nonce, body. */
export function wechatResponseSignString(timestamp: string, nonce: string, body: string): string {
  return `${timestamp}\n${nonce}\n${body}\n`;
}

export const wechatAuthorizationScheme = 'WECHATPAY2-SHA256-RSA2048';

export function wechatAuthorization(
  input: WechatSignedRequest & { mchId: string; serialNo: string; privateKeyPem: string },
): string {
  const signature = signRsaSha256(wechatRequestSignString(input), input.privateKeyPem);
  return (
    `${wechatAuthorizationScheme} mchid="${input.mchId}",nonce_str="${input.nonce}",` +
    `signature="${signature}",timestamp="${input.timestampSeconds}",serial_no="${input.serialNo}"`
  );
}

export type WechatAuthorization = {
  mchid: string;
  nonce_str: string;
  signature: string;
  timestamp: string;
  serial_no: string;
};

/** Reads the Authorization header back into its parts; null when it is not WeChat's scheme. */
export function parseWechatAuthorization(header: string | undefined): WechatAuthorization | null {
  if (!header?.startsWith(`${wechatAuthorizationScheme} `)) return null;
  const parts: Record<string, string> = {};
  for (const match of header
    .slice(wechatAuthorizationScheme.length + 1)
    .matchAll(/(\w+)="([^"]*)"/g)) {
    parts[match[1] as string] = match[2] as string;
  }
  const { mchid, nonce_str, signature, timestamp, serial_no } = parts;
  if (!mchid || !nonce_str || !signature || !timestamp || !serial_no) return null;
  return { mchid, nonce_str, signature, timestamp, serial_no };
}

export function verifyWechatRequest(
  input: {
    method: string;
    pathWithQuery: string;
    body: string;
    authorization: WechatAuthorization;
  },
  publicKeyPem: string,
): boolean {
  const text = wechatRequestSignString({
    method: input.method,
    pathWithQuery: input.pathWithQuery,
    timestampSeconds: Number(input.authorization.timestamp),
    nonce: input.authorization.nonce_str,
    body: input.body,
  });
  return verifyRsaSha256(text, input.authorization.signature, publicKeyPem);
}

/** Headers WeChat puts on a callback or a response, signed with its platform key. */
export type WechatSignedHeaders = {
  'wechatpay-timestamp': string;
  'wechatpay-nonce': string;
  'wechatpay-signature': string;
  'wechatpay-serial': string;
};

export function signWechatResponse(
  body: string,
  input: { timestamp: string; nonce: string; serialNo: string; privateKeyPem: string },
): WechatSignedHeaders {
  return {
    'wechatpay-timestamp': input.timestamp,
    'wechatpay-nonce': input.nonce,
    'wechatpay-signature': signRsaSha256(
      wechatResponseSignString(input.timestamp, input.nonce, body),
      input.privateKeyPem,
    ),
    'wechatpay-serial': input.serialNo,
  };
}
