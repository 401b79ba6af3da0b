import { randomBytes } from 'node:crypto';
import { headerValue } from '../channel-exchange.js';
import { hmacMatches, hmacSha256Hex } from '../hmac-sha256.js';

/**
 * The bank's app signs with a shared secret, HMAC-SHA256 in hex, in `X-Bank-Signature`. The
 * first line names what is signed (request, response, notification), so a signed response
 * cannot be replayed as a notification.
 */
export const bankappHeaders = {
  appId: 'x-bank-app-id',
  timestamp: 'x-bank-timestamp',
  nonce: 'x-bank-nonce',
  signature: 'x-bank-signature',
} as const;

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
  const timestamp = String(Math.floor(input.now.getTime() / 1000));
  const nonce = randomBytes(12).toString('hex');
  return {
    [bankappHeaders.appId]: input.appId,
    [bankappHeaders.timestamp]: timestamp,
    [bankappHeaders.nonce]: nonce,
    [bankappHeaders.signature]: hmacSha256Hex(
      bankappSignString(signed, timestamp, nonce, body),
      input.secret,
    ),
  };
}

/** The signature's timestamp in ms when it is valid, else null. */
export function verifyBankappSignature(
  signed: BankappSigned,
  body: string,
  headers: Record<string, string | string[] | undefined>,
  secret: string,
): number | null {
  const timestamp = headerValue(headers, bankappHeaders.timestamp);
  const nonce = headerValue(headers, bankappHeaders.nonce);
  const signature = headerValue(headers, bankappHeaders.signature);
  if (!timestamp || !nonce || !signature || !/^\d{1,12}$/.test(timestamp)) return null;
  return hmacMatches(bankappSignString(signed, timestamp, nonce, body), secret, signature)
    ? Number(timestamp) * 1000
    : null;
}
