import { createSign, createVerify } from 'node:crypto';

/** SHA256withRSA (PKCS#1 v1.5) over UTF-8 text, base64: what WeChat, Alipay and UnionPay call RSA2/RSA-SHA256. */
export function signRsaSha256(text: string, privateKeyPem: string): string {
  return createSign('RSA-SHA256').update(text, 'utf8').sign(privateKeyPem, 'base64');
}

/** False for a wrong signature and for a signature that is not even base64 of the right size. */
export function verifyRsaSha256(
  text: string,
  signatureBase64: string,
  publicKeyPem: string,
): boolean {
  try {
    return createVerify('RSA-SHA256')
      .update(text, 'utf8')
      .verify(publicKeyPem, signatureBase64, 'base64');
  } catch {
    return false;
  }
}
