/**
 * The platform must never hold a full card number (DOMAIN.md §3): the card client refuses to
 * send a free-text field in which a run of 13–19 digits (spaces and dashes allowed between them)
 * passes the Luhn check, and any card token made of digits only.
 */
export function looksLikePan(text: string): boolean {
  for (const match of text.matchAll(/\d(?:[ -]?\d)*/g)) {
    const digits = match[0].replace(/[ -]/g, '');
    if (digits.length >= 13 && digits.length <= 19 && passesLuhn(digits)) return true;
  }
  return false;
}

export function isDigitsOnlyToken(token: string): boolean {
  return /^[\d\s-]{12,}$/.test(token);
}

export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}
