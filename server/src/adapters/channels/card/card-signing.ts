import { createHash } from 'node:crypto';
import {
  type HmacHeaderNames,
  hmacSignatureHeaders,
  verifyHmacSignature,
} from '../hmac-signature-headers.js';

/**
 * The acquiring host signs with HMAC-SHA256 over the method and path (or "RESPONSE <status>" /
 * "NOTIFY"), the timestamp, the nonce and the SHA-256 of the body, in `X-Acq-Signature`.
 */
export const cardHeaders = {
  id: 'x-acq-key-id',
  timestamp: 'x-acq-timestamp',
  nonce: 'x-acq-nonce',
  signature: 'x-acq-signature',
} as const satisfies HmacHeaderNames;

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
  return hmacSignatureHeaders(
    cardHeaders,
    (timestamp, nonce) => cardSignString(subject, timestamp, nonce, body),
    { id: input.keyId, secret: input.secret, now: input.now },
  );
}

/** The signature's timestamp in ms when it is valid, else null. */
export function verifyCardSignature(
  subject: string,
  body: string,
  headers: Record<string, string | string[] | undefined>,
  secret: string,
): number | null {
  return verifyHmacSignature(
    cardHeaders,
    (timestamp, nonce) => cardSignString(subject, timestamp, nonce, body),
    headers,
    secret,
  );
}
