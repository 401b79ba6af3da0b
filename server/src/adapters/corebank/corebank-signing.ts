import type { HmacHeaderNames } from '../channels/hmac-signature-headers.js';
import { purposeSigner, type SignedPurpose } from '../channels/purpose-signing.js';

/**
 * The payout gateway signs with a secret shared with the platform: HMAC-SHA256 in hex over a
 * first line naming what is signed, the unix-seconds timestamp, a nonce and the exact body.
 */
export const coreBankHeaders = {
  id: 'x-cbs-client-id',
  timestamp: 'x-cbs-timestamp',
  nonce: 'x-cbs-nonce',
  signature: 'x-cbs-signature',
} as const satisfies HmacHeaderNames;

export type CoreBankSigned = SignedPurpose;

const signer = purposeSigner(coreBankHeaders, {
  request: 'CBS-REQUEST',
  response: 'CBS-RESPONSE',
  notification: 'CBS-NOTIFY',
});

export const coreBankSignString = signer.signString;

export function coreBankSignatureHeaders(
  signed: CoreBankSigned,
  body: string,
  input: { clientId: string; secret: string; now: Date },
): Record<string, string> {
  return signer.headers(signed, body, { id: input.clientId, secret: input.secret, now: input.now });
}

export const verifyCoreBankSignature = signer.verify;
