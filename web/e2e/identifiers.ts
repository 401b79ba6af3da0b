// Valid Chinese identifiers for end-to-end data, built with the same check algorithms the
// server applies (GB 11643 resident ID, GB 32100 credit code, Luhn for bank cards).

const idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const idCheckChars = '10X98765432';

/** A resident ID for someone born on `birthDate` (YYYYMMDD) in the county `areaCode`. */
export function residentId(areaCode: string, birthDate: string, sequence: number): string {
  const first17 = `${areaCode}${birthDate}${String(sequence).padStart(3, '0')}`;
  if (!/^\d{17}$/.test(first17)) throw new RangeError(`bad resident ID body ${first17}`);
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * idWeights[i]!, 0);
  return first17 + idCheckChars[sum % 11]!;
}

/** The same ID with a check character that is certainly wrong. */
export function withWrongCheckChar(id: string): string {
  const right = id[17]!;
  const wrong = [...idCheckChars].find((char) => char !== right)!;
  return id.slice(0, 17) + wrong;
}

const creditAlphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const creditWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** A unified social credit code: registration office, kind, area code, then a 9-char org code. */
export function creditCode(first17: string): string {
  if (!new RegExp(`^[${creditAlphabet}]{17}$`).test(first17)) {
    throw new RangeError(`bad credit code body ${first17}`);
  }
  const sum = [...first17].reduce(
    (total, char, i) => total + creditAlphabet.indexOf(char) * creditWeights[i]!,
    0,
  );
  return first17 + creditAlphabet[(31 - (sum % 31)) % 31]!;
}

/** Appends the Luhn check digit to a card number body. */
export function luhnNumber(body: string): string {
  let sum = 0;
  // Walking from the right, the digit next to the check digit is doubled first.
  for (let i = 0; i < body.length; i += 1) {
    let digit = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return body + String((10 - (sum % 10)) % 10);
}

/** Random decimal digits, for numbers that must not collide between runs (mobiles, cards). */
export function randomDigits(count: number): string {
  let digits = '';
  for (let i = 0; i < count; i += 1) digits += String(Math.floor(Math.random() * 10));
  return digits;
}
