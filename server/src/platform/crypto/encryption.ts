import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM for personal and authentication data at rest. The stored form is
 * `v1.<iv>.<tag>.<ciphertext>` in base64url, so a later key rotation can add `v2` beside it.
 */
export type Encryptor = {
  encrypt(plaintext: string): string;
  decrypt(stored: string): string;
  /**
   * A keyed hash for finding and de-duplicating encrypted values (a login by mobile number, one
   * buyer per ID number) without storing them in clear; equal inputs give equal outputs.
   */
  blindIndex(value: string): string;
};

export function createEncryptor(key: Buffer): Encryptor {
  if (key.length !== 32) throw new RangeError('AES-256-GCM needs a 32-byte key');
  // A separate key for the index, so the HMAC never reuses the cipher's key material.
  const indexKey = Buffer.from(hkdfSync('sha256', key, '', 'sharefin-blind-index-v1', 32));
  return {
    blindIndex(value) {
      return createHmac('sha256', indexKey).update(value, 'utf8').digest('base64url');
    },
    encrypt(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return ['v1', iv, tag, ciphertext]
        .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
        .join('.');
    },
    decrypt(stored) {
      const [version, iv, tag, ciphertext] = stored.split('.');
      if (version !== 'v1' || !iv || !tag || ciphertext === undefined) {
        throw new Error('Not a Sharefin ciphertext');
      }
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([
        decipher.update(Buffer.from(ciphertext, 'base64url')),
        decipher.final(),
      ]).toString('utf8');
    },
  };
}
