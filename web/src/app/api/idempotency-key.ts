/**
 * One key per form opening, so a double click or a retry after a timeout creates the
 * resource once. `crypto.randomUUID` exists only in secure contexts and branch intranets
 * often serve plain HTTP, so the key is built from `getRandomValues`, which works anywhere.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
