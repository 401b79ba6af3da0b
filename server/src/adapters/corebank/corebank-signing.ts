import {
  type HmacHeaderNames,
  hmacSignatureHeaders,
  verifyHmacSignature,
} from '../channels/hmac-signature-headers.js';

/**
 * The payout gateway signs with a secret shared with the platform: HMAC-SHA256 in hex over a
 * first line naming what is signed, the unix-seconds timestamp, a nonce and the exact body.
 * Naming the purpose first means a signed answer cannot be replayed as a notification, nor a
 * notification as a request.
 */
export const coreBankHeaders = {
  id: 'x-cbs-client-id',
  timestamp: 'x-cbs-timestamp',
  nonce: 'x-cbs-nonce',
  signature: 'x-cbs-signature',
} as const satisfies HmacHeaderNames;

export type CoreBankSigned =
  | { purpose: 'request'; method: string; pathWithQuery: string }
  | { purpose: 'response'; status: number }
  | { purpose: 'notification' };

export function coreBankSignString(
  signed: CoreBankSigned,
  timestamp: string,
  nonce: string,
  body: string,
): string {
  const head =
    signed.purpose === 'request'
      ? `CBS-REQUEST\n${signed.method}\n${signed.pathWithQuery}`
      : signed.purpose === 'response'
        ? `CBS-RESPONSE\n${signed.status}`
        : 'CBS-NOTIFY';
  return `${head}\n${timestamp}\n${nonce}\n${body}`;
}

export function coreBankSignatureHeaders(
  signed: CoreBankSigned,
  body: string,
  input: { clientId: string; secret: string; now: Date },
): Record<string, string> {
  return hmacSignatureHeaders(
    coreBankHeaders,
    (timestamp, nonce) => coreBankSignString(signed, timestamp, nonce, body),
    { id: input.clientId, secret: input.secret, now: input.now },
  );
}

/** The signature's timestamp in ms when it is valid (compared in constant time), else null. */
export function verifyCoreBankSignature(
  signed: CoreBankSigned,
  body: string,
  headers: Record<string, string | string[] | undefined>,
  secret: string,
): number | null {
  return verifyHmacSignature(
    coreBankHeaders,
    (timestamp, nonce) => coreBankSignString(signed, timestamp, nonce, body),
    headers,
    secret,
  );
}
