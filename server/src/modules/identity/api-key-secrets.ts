import { randomBytes } from 'node:crypto';

const secretPrefix = 'sk_live_';
/** 32 random bytes in base64url: 43 characters, 256 bits. */
const secretPattern = /^sk_live_[A-Za-z0-9_-]{43}$/;
/** `sk_live_` and four characters: enough to tell a merchant's keys apart, far too few to guess. */
const displayPrefixLength = 12;

/** A new secret API key, as the merchant's system sends it: `Authorization: Bearer sk_live_…`. */
export function newApiKeySecret(): string {
  return `${secretPrefix}${randomBytes(32).toString('base64url')}`;
}

/** Whether a Bearer token has the shape of a key at all; anything else is refused unlooked. */
export function isApiKeySecret(value: string): boolean {
  return secretPattern.test(value);
}

/** The part of a secret kept in clear to show in lists. */
export function apiKeyDisplayPrefix(secret: string): string {
  return secret.slice(0, displayPrefixLength);
}
