import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// argon2id with OWASP's second recommended profile (19 MiB, 2 passes): strong, and still
// quick enough that a test suite creating many users stays fast.
const argonOptions = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, argonOptions);
}

export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

/** Policy: at least 10 characters, with letters and digits. */
export function isStrongEnough(password: string): boolean {
  return password.length >= 10 && /[A-Za-z]/.test(password) && /\d/.test(password);
}

const passwordAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** A one-time password an administrator hands over; the user must change it at first login. */
export function temporaryPassword(): string {
  let result = '';
  while (!isStrongEnough(result)) {
    result = Array.from(
      { length: 14 },
      () => passwordAlphabet[randomInt(passwordAlphabet.length)],
    ).join('');
  }
  return result;
}
