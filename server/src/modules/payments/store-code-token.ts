import { randomBytes } from 'node:crypto';

/**
 * Crockford's base32 alphabet: no I, L, O or U, so a token read aloud or typed from a printed
 * poster cannot be mistaken for 1, 0 or a rude word.
 */
const CROCKFORD_BASE32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const TOKEN_LENGTH = 10;
const storeCodeTokenPattern = /^[0-9A-HJKMNP-TV-Z]{10}$/;

/**
 * The code in a store's URL (`/q/<token>`): 10 characters, 50 random bits. Each character takes
 * the low 5 bits of its own random byte; 256 is a multiple of 32, so every character is
 * equally likely and no rejection loop is needed.
 */
export function newStoreCodeToken(): string {
  const bytes = randomBytes(TOKEN_LENGTH);
  let token = '';
  for (const byte of bytes) token += CROCKFORD_BASE32[byte & 31];
  return token;
}

/**
 * Exactly the tokens newStoreCodeToken issues: uppercase, no look-alike letters. Lowercase is
 * refused rather than folded, so one code has one spelling in URLs and logs.
 */
export function isStoreCodeToken(value: unknown): value is string {
  return typeof value === 'string' && storeCodeTokenPattern.test(value);
}
