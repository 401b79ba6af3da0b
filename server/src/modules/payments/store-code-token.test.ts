import { describe, expect, it } from 'vitest';
import { isStoreCodeToken, newStoreCodeToken } from './store-code-token.js';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

describe('newStoreCodeToken', () => {
  it('issues 10 Crockford base32 characters that isStoreCodeToken accepts', () => {
    for (let i = 0; i < 1_000; i += 1) {
      const token = newStoreCodeToken();
      expect(token).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
      expect(isStoreCodeToken(token)).toBe(true);
    }
  });

  it('does not repeat itself', () => {
    const tokens = new Set(Array.from({ length: 10_000 }, () => newStoreCodeToken()));
    expect(tokens.size).toBe(10_000);
  });

  it('uses every character equally often at every position', () => {
    const samples = 32_000;
    const counts = Array.from({ length: 10 }, () => new Array<number>(32).fill(0));
    for (let i = 0; i < samples; i += 1) {
      const token = newStoreCodeToken();
      for (let position = 0; position < 10; position += 1) {
        const column = counts[position]!;
        const index = ALPHABET.indexOf(token[position]!);
        column[index] = column[index]! + 1;
      }
    }
    // Chi-square with 31 degrees of freedom: a fair source passes 90 once in about 10 million
    // columns, while byte % 31 (Z never drawn) scores over 1,000.
    const expected = samples / 32;
    for (const column of counts) {
      const chiSquare = column.reduce((sum, count) => sum + (count - expected) ** 2 / expected, 0);
      expect(chiSquare).toBeLessThan(90);
    }
  });
});

describe('isStoreCodeToken', () => {
  it('refuses look-alike letters, lowercase, other lengths and non-strings', () => {
    expect(isStoreCodeToken('0123456789')).toBe(true);
    expect(isStoreCodeToken('ABCDEFGHJK')).toBe(true);
    for (const letter of ['I', 'L', 'O', 'U']) {
      expect(isStoreCodeToken(`ABCDEFGHJ${letter}`)).toBe(false);
    }
    expect(isStoreCodeToken('abcdefghjk')).toBe(false);
    expect(isStoreCodeToken('ABCDEFGHJ')).toBe(false);
    expect(isStoreCodeToken('ABCDEFGHJKM')).toBe(false);
    expect(isStoreCodeToken('ABCDEFGHJ-')).toBe(false);
    expect(isStoreCodeToken(' ABCDEFGHJK')).toBe(false);
    expect(isStoreCodeToken(1234567890)).toBe(false);
    expect(isStoreCodeToken(undefined)).toBe(false);
  });
});
