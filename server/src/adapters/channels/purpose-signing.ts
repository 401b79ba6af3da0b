import {
  type HmacHeaderNames,
  hmacSignatureHeaders,
  verifyHmacSignature,
} from './hmac-signature-headers.js';

/**
 * What a shared-secret signature covers besides the body. Naming the purpose first means a
 * signed answer cannot be replayed as a notification, nor a notification as a request.
 */
export type SignedPurpose =
  | { purpose: 'request'; method: string; pathWithQuery: string }
  | { purpose: 'response'; status: number }
  | { purpose: 'notification' };

/** How one system names each purpose on the first line of the string it signs. */
export type PurposeLabels = Record<SignedPurpose['purpose'], string>;

/**
 * HMAC-SHA256 signing over `<purpose line(s)>\n<timestamp>\n<nonce>\n<exact body>`, as the
 * bank's app and the core bank's payout gateway both sign; each keeps its own header names and
 * labels.
 */
export function purposeSigner(names: HmacHeaderNames, labels: PurposeLabels) {
  function signString(signed: SignedPurpose, timestamp: string, nonce: string, body: string) {
    const head =
      signed.purpose === 'request'
        ? `${labels.request}\n${signed.method}\n${signed.pathWithQuery}`
        : signed.purpose === 'response'
          ? `${labels.response}\n${signed.status}`
          : labels.notification;
    return `${head}\n${timestamp}\n${nonce}\n${body}`;
  }
  return {
    signString,
    headers(
      signed: SignedPurpose,
      body: string,
      input: { id: string; secret: string; now: Date },
    ): Record<string, string> {
      return hmacSignatureHeaders(
        names,
        (timestamp, nonce) => signString(signed, timestamp, nonce, body),
        input,
      );
    },
    /** The signature's timestamp in ms when it is valid (compared in constant time), else null. */
    verify(
      signed: SignedPurpose,
      body: string,
      headers: Record<string, string | string[] | undefined>,
      secret: string,
    ): number | null {
      return verifyHmacSignature(
        names,
        (timestamp, nonce) => signString(signed, timestamp, nonce, body),
        headers,
        secret,
      );
    },
  };
}
