/** Mainland China mobile numbers (DOMAIN.md §2): 11 digits starting 13–19. */

const mobilePattern = /^1[3-9]\d{9}$/;

/**
 * True for an 11-digit mainland mobile number as given: no trimming or prefix handling, so
 * call `normaliseMobile` on user input first and store what it returns.
 */
export function isMobileNumber(value: string): boolean {
  return mobilePattern.test(value);
}

/**
 * Trims, drops spaces and dashes, and strips a country code written as +86, 0086 or 86.
 * A bare 86 is only taken as a country code when 11 digits follow, so that other input is
 * left as typed for the error message.
 */
export function normaliseMobile(value: string): string {
  const compact = value.trim().replace(/[\s-]+/g, '');
  return compact.replace(/^(?:\+86|0086|86(?=\d{11}$))/, '');
}
