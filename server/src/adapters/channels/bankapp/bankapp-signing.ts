import type { HmacHeaderNames } from '../hmac-signature-headers.js';
import { purposeSigner, type SignedPurpose } from '../purpose-signing.js';

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

export type BankappSigned = SignedPurpose;

const signer = purposeSigner(bankappHeaders, {
  request: 'request',
  response: 'response',
  notification: 'notification',
});

export const bankappSignString = signer.signString;

export function bankappSignatureHeaders(
  signed: BankappSigned,
  body: string,
  input: { appId: string; secret: string; now: Date },
): Record<string, string> {
  return signer.headers(signed, body, { id: input.appId, secret: input.secret, now: input.now });
}

export const verifyBankappSignature = signer.verify;
