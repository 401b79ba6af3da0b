/**
 * Bank card and account numbers (DOMAIN.md §2). Luhn is only a soft check: some real UnionPay
 * debit cards fail it, and the BIN (first 6 digits), not the check digit, is the authority.
 */

export type BankAccountNumberCheck = { ok: true; luhn: boolean } | { ok: false; reason: 'format' };

/** Removes whitespace, since card numbers are usually written in groups of four. */
export function normaliseAccountNumber(value: string): string {
  return value.replace(/\s+/g, '');
}

/** True when a string of digits passes the Luhn (mod 10) check; false for anything else. */
export function passesLuhn(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  return luhnSum(digits, false) % 10 === 0;
}

/** The digit that makes `partial + digit` pass Luhn; for generating demo and test numbers. */
export function luhnCheckDigit(partial: string): string {
  if (!/^\d+$/.test(partial)) throw new RangeError('A Luhn check digit needs at least one digit');
  // The check digit will sit at the right, so the doubling starts at the last digit we have.
  return String((10 - (luhnSum(partial, true) % 10)) % 10);
}

/**
 * Validates an account number after normalising it: 16–19 digits is the rule, and the Luhn
 * result is reported for the caller to flag, not to reject on.
 */
export function checkBankAccountNumber(value: string): BankAccountNumberCheck {
  const digits = normaliseAccountNumber(value);
  if (!/^\d{16,19}$/.test(digits)) return { ok: false, reason: 'format' };
  return { ok: true, luhn: passesLuhn(digits) };
}

/** Luhn sum counting from the right; `doubleRightmost` says whether the last digit is doubled. */
function luhnSum(digits: string, doubleRightmost: boolean): number {
  let sum = 0;
  let double = doubleRightmost;
  for (let i = digits.length - 1; i >= 0; i -= 1) {
    let digit = Number(digits[i]);
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return sum;
}
