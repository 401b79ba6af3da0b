/** The server's password rule, mirrored so most mistakes show before a round trip. */
export function isStrongPassword(value: string): boolean {
  return value.length >= 10 && /[A-Za-z]/.test(value) && /\d/.test(value);
}
