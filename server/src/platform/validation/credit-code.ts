/**
 * Unified Social Credit Codes (GB 32100, DOMAIN.md §2): 18 characters over a 31-character
 * alphabet that leaves out I, O, S, V and Z so they cannot be misread as 1, 0, 5, U and 2.
 */

export type CreditCodeCheck = { ok: true } | { ok: false; reason: 'format' | 'check_digit' };

const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

const codePattern = /^[0-9A-HJ-NP-RTUWXY]{18}$/;
const first17Pattern = /^[0-9A-HJ-NP-RTUWXY]{17}$/;

/** Trims and upper-cases; licences are often typed or OCR'd in lowercase. */
export function normaliseCreditCode(value: string): string {
  return value.trim().toUpperCase();
}

/** The check character for the first 17 characters; exported so tests and seed data can build codes. */
export function creditCodeCheckChar(first17: string): string {
  if (!first17Pattern.test(first17)) {
    throw new RangeError('A credit code check character needs 17 characters of the GB 32100 set');
  }
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    sum += alphabet.indexOf(first17[i]!) * weights[i]!;
  }
  // 31 − (Σ mod 31) runs 1..31; 31 has no character, so the standard folds it to 0.
  return alphabet[(31 - (sum % 31)) % 31]!;
}

/**
 * Validates a credit code after normalising it. A `check_digit` failure is not a rejection:
 * some early pilot codes fail the check and are still legitimate, so callers route the
 * application to manual review instead (DOMAIN.md §2).
 */
export function checkCreditCode(value: string): CreditCodeCheck {
  const code = normaliseCreditCode(value);
  if (!codePattern.test(code)) return { ok: false, reason: 'format' };
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) {
    return { ok: false, reason: 'check_digit' };
  }
  return { ok: true };
}
