import { createHash } from 'node:crypto';
import { signRsaSha256, verifyRsaSha256 } from '../rsa-sha256.js';

/**
 * UnionPay's online gateway (version 5.1.0, signMethod 01): sort every field except
 * `signature` by name, join `k=v&...`, take the SHA-256 of that string as lower-case hex, and
 * sign the hex text with SHA256withRSA. Empty fields are left out, as the gateway's SDK does.
 */
export function unionpaySignString(fields: Record<string, string>): string {
  return Object.keys(fields)
    .filter((key) => key !== 'signature' && fields[key] !== '')
    .sort()
    .map((key) => `${key}=${fields[key]}`)
    .join('&');
}

function digestHex(fields: Record<string, string>): string {
  return createHash('sha256').update(unionpaySignString(fields), 'utf8').digest('hex');
}

export function signUnionpayFields(fields: Record<string, string>, privateKeyPem: string): string {
  return signRsaSha256(digestHex(fields), privateKeyPem);
}

export function verifyUnionpayFields(
  fields: Record<string, string>,
  publicKeyPem: string,
): boolean {
  const signature = fields.signature;
  return signature ? verifyRsaSha256(digestHex(fields), signature, publicKeyPem) : false;
}

/** The gateway's wire format: URL-encoded `k=v&...`, both ways. */
export function encodeUnionpayForm(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

export function decodeUnionpayForm(body: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body));
}

/** UnionPay amounts are fen as 12 digits ("000000001234"). */
export function fenToUnionpayAmount(amountFen: number): string {
  if (!Number.isSafeInteger(amountFen) || amountFen < 0 || amountFen >= 1e12) {
    throw new RangeError(`Not a UnionPay amount: ${amountFen}`);
  }
  return String(amountFen).padStart(12, '0');
}

export function unionpayAmountToFen(text: string): number | null {
  return /^\d{1,12}$/.test(text) ? Number(text) : null;
}
