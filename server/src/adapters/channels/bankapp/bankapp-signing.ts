import {
  type HmacHeaderNames,
  hmacSignatureHeaders,
  verifyHmacSignature,
} from '../hmac-signature-headers.js';

/**
 * The bank's app signs with a shared secret, HMAC-SHA256 in hex, in `X-Bank-Signature`. The
 * first line names what is signed (request, response, notification), so a signed response
 * cannot be replayed as a notification.
 */
export const bankappHeaders = {
  id: 'x-bank-app-id',
  timestamp: 'x-bank-timestamp',
  nonce: 'x-bank-nonce',
  signature: 'x-bank-signature',
} as const satisfies HmacHeaderNames;

export type BankappSigned =
  | { purpose: 'request'; method: string; pathWithQuery: string }
  | { purpose: 'response'; status: number }
  | { purpose: 'notification' };

export function bankappSignString(
  signed: BankappSigned,
  timestamp: string,
  nonce: string,
  body: string,
): string {
  const head =
    signed.purpose === 'request'
      ? `request\n${signed.method}\n${signed.pathWithQuery}`
      : signed.purpose === 'response'
        ? `response\n${signed.status}`
        : 'notification';
  return `${head}\n${timestamp}\n${nonce}\n${body}`;
}

export function bankappSignatureHeaders(
  signed: BankappSigned,
  body: string,
  input: { appId: string; secret: string; now: Date },
): Record<string, string> {
  return hmacSignatureHeaders(
    bankappHeaders,
    (timestamp, nonce) => bankappSignString(signed, timestamp, nonce, body),
    { id: input.appId, secret: input.secret, now: input.now },
  );
}

/** The signature's timestamp in ms when it is valid, else null. */
export function verifyBankappSignature(
  signed: BankappSigned,
  body: string,
  headers: Record<string, string | string[] | undefined>,
  secret: string,
): number | null {
  return verifyHmacSignature(
    bankappHeaders,
    (timestamp, nonce) => bankappSignString(signed, timestamp, nonce, body),
    headers,
    secret,
  );
}
