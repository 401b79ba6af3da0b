import { createHmac, timingSafeEqual } from 'node:crypto';

export function hmacSha256Hex(text: string, secret: string): string {
  return createHmac('sha256', secret).update(text, 'utf8').digest('hex');
}

/** Compares in constant time so a caller cannot find a valid signature byte by byte. */
export function hmacMatches(text: string, secret: string, signatureHex: string): boolean {
  const expected = Buffer.from(hmacSha256Hex(text, secret), 'hex');
  const given = Buffer.from(signatureHex, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
