import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createEncryptor } from './encryption.js';

const encryptor = createEncryptor(randomBytes(32));

/** Flips one bit of a base64url part of the stored form. */
function flipBit(part: string): string {
  const bytes = Buffer.from(part, 'base64url');
  bytes[0] = (bytes[0] ?? 0) ^ 0x01;
  return bytes.toString('base64url');
}

describe('encryption at rest', () => {
  it('decrypts what it encrypted, including Chinese text and the empty string', () => {
    for (const text of ['370202199001011234', '张三 · 市南区香港中路 8 号', '']) {
      const stored = encryptor.encrypt(text);
      expect(stored).toMatch(/^v1\./);
      expect(encryptor.decrypt(stored)).toBe(text);
    }
    expect(encryptor.encrypt('370202199001011234')).not.toContain('370202199001011234');
  });

  it('gives two different ciphertexts for the same text', () => {
    const first = encryptor.encrypt('13800138000');
    const second = encryptor.encrypt('13800138000');
    expect(first).not.toBe(second);
    expect(encryptor.decrypt(first)).toBe(encryptor.decrypt(second));
  });

  it('refuses a ciphertext, tag or iv that was tampered with', () => {
    const [version, iv, tag, ciphertext] = encryptor.encrypt('6222020200112233445').split('.') as [
      string,
      string,
      string,
      string,
    ];
    expect(() => encryptor.decrypt([version, iv, tag, flipBit(ciphertext)].join('.'))).toThrow();
    expect(() => encryptor.decrypt([version, iv, flipBit(tag), ciphertext].join('.'))).toThrow();
    expect(() => encryptor.decrypt([version, flipBit(iv), tag, ciphertext].join('.'))).toThrow();
  });

  it('refuses a ciphertext made under another key', () => {
    const other = createEncryptor(randomBytes(32));
    expect(() => encryptor.decrypt(other.encrypt('secret'))).toThrow();
  });

  it('refuses text that is not in the stored form, and keys of the wrong length', () => {
    expect(() => encryptor.decrypt('plain text')).toThrow(/Not a Sharefin ciphertext/);
    expect(() => encryptor.decrypt('v2.a.b.c')).toThrow(/Not a Sharefin ciphertext/);
    expect(() => createEncryptor(randomBytes(16))).toThrow(RangeError);
  });

  it('indexes equal values equally, different keys differently, and never in clear', () => {
    const other = createEncryptor(randomBytes(32));
    expect(encryptor.blindIndex('13800138000')).toBe(encryptor.blindIndex('13800138000'));
    expect(encryptor.blindIndex('13800138000')).not.toBe(encryptor.blindIndex('13800138001'));
    expect(other.blindIndex('13800138000')).not.toBe(encryptor.blindIndex('13800138000'));
    expect(encryptor.blindIndex('13800138000')).not.toContain('138');
  });
});
