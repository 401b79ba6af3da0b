import { createHash, randomBytes } from 'node:crypto';
import { headerValue } from '../channel-exchange.js';
import { hmacMatches, hmacSha256Hex } from '../hmac-sha256.js';

/**
 * The acquiring host signs with HMAC-SHA256 over the method and path (or "RESPONSE <status>" /
 * "NOTIFY"), the timestamp, the nonce and the SHA-256 of the body, in `X-Acq-Signature`.
 */
export const cardHeaders = {
  keyId: 'x-acq-key-id',
  timestamp: 'x-acq-timestamp',
  nonce: 'x-acq-nonce',
  signature: 'x-acq-signature',
} as const;

export function cardSignString(
  subject: string,
  timestamp: string,
  nonce: string,
  body: string,
): string {
  const bodyHash = createHash('sha256').update(body, 'utf8').digest('hex');
  return `${subject}\n${timestamp}\n${nonce}\n${bodyHash}`;
}

export const cardRequestSubject = (method: string, pathWithQuery: string) =>
  `${method} ${pathWithQuery}`;
export const cardResponseSubject = (status: number) => `RESPONSE ${status}`;
export const cardNotificationSubject = 'NOTIFY';

export function cardSignatureHeaders(
  subject: string,
  body: string,
  input: { keyId: string; secret: string; now: Date },
): Record<string, string> {
  const timestamp = String(Math.floor(input.now.getTime() / 1000));
  const nonce = randomBytes(12).toString('hex');
  return {
    [cardHeaders.keyId]: input.keyId,
    [cardHeaders.timestamp]: timestamp,
    [cardHeaders.nonce]: nonce,
    [cardHeaders.signature]: hmacSha256Hex(
      cardSignString(subject, timestamp, nonce, body),
      input.secret,
    ),
  };
}

/** The signature's timestamp in ms when it is valid, else null. */
export function verifyCardSignature(
  subject: string,
  body: string,
  headers: Record<string, string | string[] | undefined>,
  secret: string,
): number | null {
  const timestamp = headerValue(headers, cardHeaders.timestamp);
  const nonce = headerValue(headers, cardHeaders.nonce);
  const signature = headerValue(headers, cardHeaders.signature);
  if (!timestamp || !nonce || !signature || !/^\d{1,12}$/.test(timestamp)) return null;
  return hmacMatches(cardSignString(subject, timestamp, nonce, body), secret, signature)
    ? Number(timestamp) * 1000
    : null;
}
