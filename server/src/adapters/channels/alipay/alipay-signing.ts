import { signRsaSha256, verifyRsaSha256 } from '../rsa-sha256.js';

/**
 * Alipay RSA2's signing string: the parameters with a non-empty value, except `sign` (and, to
 * verify an async notification, `sign_type`), sorted by key, joined as `k=v&k=v` with the raw
 * (not URL-encoded) values.
 */
export function alipaySignString(
  params: Record<string, string | undefined>,
  options: { excludeSignType?: boolean } = {},
): string {
  return Object.keys(params)
    .filter((key) => key !== 'sign' && !(options.excludeSignType && key === 'sign_type'))
    .filter((key) => params[key] !== undefined && params[key] !== '')
    .sort()
    .map((key) => `${key}=${params[key]}`)
    .join('&');
}

export function signAlipayParams(
  params: Record<string, string | undefined>,
  privateKeyPem: string,
  options: { excludeSignType?: boolean } = {},
): string {
  return signRsaSha256(alipaySignString(params, options), privateKeyPem);
}

export function verifyAlipayParams(
  params: Record<string, string | undefined>,
  publicKeyPem: string,
  options: { excludeSignType?: boolean } = {},
): boolean {
  const sign = params.sign;
  if (!sign) return false;
  return verifyRsaSha256(alipaySignString(params, options), sign, publicKeyPem);
}

/**
 * Alipay signs a response over the exact JSON text of its `<method>_response` node, so that
 * text must be cut out of the body as sent, not re-serialised. Returns null when the node is
 * missing or not a balanced object.
 */
export function alipayResponseNodeText(body: string, nodeName: string): string | null {
  const key = `"${nodeName}"`;
  const keyAt = body.indexOf(key);
  if (keyAt < 0) return null;
  const start = body.indexOf('{', keyAt + key.length);
  if (start < 0 || body.slice(keyAt + key.length, start).trim() !== ':') return null;
  let depth = 0;
  let inString = false;
  for (let index = start; index < body.length; index += 1) {
    const char = body[index];
    if (inString) {
      if (char === '\\') index += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{') depth += 1;
    else if (char === '}') {
      depth -= 1;
      if (depth === 0) return body.slice(start, index + 1);
    }
  }
  return null;
}

export function alipayResponseNodeName(method: string): string {
  return `${method.replaceAll('.', '_')}_response`;
}
