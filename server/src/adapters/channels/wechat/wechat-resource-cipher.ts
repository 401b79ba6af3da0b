import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * AEAD_AES_256_GCM as WeChat Pay v3 uses it for callback resources: the 32-byte APIv3 key, a
 * 12-byte nonce sent as text, associated data, and the 16-byte tag appended to the ciphertext,
 * all base64. A changed byte or other associated data fails the tag check.
 */
export type WechatEncryptedResource = {
  algorithm: 'AEAD_AES_256_GCM';
  ciphertext: string;
  associated_data: string;
  nonce: string;
  original_type: string;
};

const tagBytes = 16;

export function encryptWechatResource(
  plaintext: string,
  apiV3Key: string,
  associatedData: string,
  nonce: string = randomBytes(6).toString('hex'),
): Omit<WechatEncryptedResource, 'original_type'> {
  const cipher = createCipheriv('aes-256-gcm', keyBytes(apiV3Key), Buffer.from(nonce, 'utf8'));
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const encrypted = Buffer.concat([
    cipher.update(plaintext, 'utf8'),
    cipher.final(),
    cipher.getAuthTag(),
  ]);
  return {
    algorithm: 'AEAD_AES_256_GCM',
    ciphertext: encrypted.toString('base64'),
    associated_data: associatedData,
    nonce,
  };
}

/** Throws when the key, the nonce, the associated data or any ciphertext byte is wrong. */
export function decryptWechatResource(
  resource: { ciphertext: string; associated_data?: string; nonce: string },
  apiV3Key: string,
): string {
  const data = Buffer.from(resource.ciphertext, 'base64');
  if (data.length <= tagBytes) throw new Error('ciphertext too short');
  const decipher = createDecipheriv(
    'aes-256-gcm',
    keyBytes(apiV3Key),
    Buffer.from(resource.nonce, 'utf8'),
  );
  decipher.setAAD(Buffer.from(resource.associated_data ?? '', 'utf8'));
  decipher.setAuthTag(data.subarray(data.length - tagBytes));
  return Buffer.concat([
    decipher.update(data.subarray(0, data.length - tagBytes)),
    decipher.final(),
  ]).toString('utf8');
}

function keyBytes(apiV3Key: string): Buffer {
  const key = Buffer.from(apiV3Key, 'utf8');
  if (key.length !== 32) throw new Error('the APIv3 key must be 32 bytes');
  return key;
}
