import { randomBytes } from 'node:crypto';
import { headerValue } from './channel-exchange.js';
import { hmacMatches, hmacSha256Hex } from './hmac-sha256.js';

/** Where a shared-secret channel puts who signed, when, a nonce and the HMAC. */
export type HmacHeaderNames = { id: string; timestamp: string; nonce: string; signature: string };

/** The text a channel signs, given this signature's unix-seconds timestamp and nonce. */
export type HmacSignString = (timestamp: string, nonce: string) => string;

/**
 * Timestamped HMAC-SHA256 headers, as the bank's app and the card host both sign. Only the
 * mechanics are here: each channel's header names and string to sign stay in its own
 * signing file.
 */
export function hmacSignatureHeaders(
  names: HmacHeaderNames,
  signString: HmacSignString,
  input: { id: string; secret: string; now: Date },
): Record<string, string> {
  const timestamp = String(Math.floor(input.now.getTime() / 1000));
  const nonce = randomBytes(12).toString('hex');
  return {
    [names.id]: input.id,
    [names.timestamp]: timestamp,
    [names.nonce]: nonce,
    [names.signature]: hmacSha256Hex(signString(timestamp, nonce), input.secret),
  };
}

/** The signature's timestamp in ms when it is valid, else null. */
export function verifyHmacSignature(
  names: HmacHeaderNames,
  signString: HmacSignString,
  headers: Record<string, string | string[] | undefined>,
  secret: string,
): number | null {
  const timestamp = headerValue(headers, names.timestamp);
  const nonce = headerValue(headers, names.nonce);
  const signature = headerValue(headers, names.signature);
  if (!timestamp || !nonce || !signature || !/^\d{1,12}$/.test(timestamp)) return null;
  return hmacMatches(signString(timestamp, nonce), secret, signature)
    ? Number(timestamp) * 1000
    : null;
}
