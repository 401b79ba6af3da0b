/**
 * Resident ID card numbers (GB 11643, DOMAIN.md §2): 6-digit area code, 8-digit birth date,
 * 3-digit sequence whose last digit is odd for men, and an ISO 7064 MOD 11-2 check character.
 */

export type ResidentIdCheck =
  | { ok: true; birthDate: string; sex: 'male' | 'female' }
  | { ok: false; reason: 'format' | 'birth_date' | 'check_digit' };

const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const checkChars = '10X98765432';

// Nobody applying to the platform was born before this; earlier dates are typing mistakes.
const earliestBirthDate = '1900-01-01';

// China has kept UTC+8 without daylight saving since 1991, so a fixed offset gives the calendar
// day a counter clerk in Shandong sees, whatever time zone the server runs in.
const chinaOffsetMs = 8 * 60 * 60 * 1000;

/** Trims and upper-cases, so a check character typed as lowercase `x` is accepted. */
export function normaliseResidentId(value: string): string {
  return value.trim().toUpperCase();
}

/** The check character for the first 17 digits; exported so tests and seed data can build IDs. */
export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    throw new RangeError('A resident ID check character needs exactly 17 digits');
  }
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    sum += Number(first17[i]) * weights[i]!;
  }
  return checkChars[sum % 11]!;
}

/**
 * Validates a resident ID number. `today` bounds the birth date and is read as a calendar day
 * in China time. The input is normalised first (see `normaliseResidentId`); store the
 * normalised form. A bad birth date is reported before a bad check character because it is
 * the more specific message for the person who typed it.
 */
export function checkResidentId(value: string, today: Date): ResidentIdCheck {
  if (Number.isNaN(today.getTime())) throw new RangeError('today is not a valid date');
  const id = normaliseResidentId(value);
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, reason: 'format' };

  const birthDate = calendarDate(id.slice(6, 14));
  if (birthDate === null || birthDate < earliestBirthDate || birthDate > chinaDay(today)) {
    return { ok: false, reason: 'birth_date' };
  }

  if (residentIdCheckChar(id.slice(0, 17)) !== id[17]) {
    return { ok: false, reason: 'check_digit' };
  }

  return { ok: true, birthDate, sex: Number(id[16]) % 2 === 1 ? 'male' : 'female' };
}

/** `YYYYMMDD` as `YYYY-MM-DD` when it names a day that exists, otherwise null. */
function calendarDate(yyyymmdd: string): string | null {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The calendar day of an instant in China time, as `YYYY-MM-DD` (compares as a string). */
function chinaDay(instant: Date): string {
  return new Date(instant.getTime() + chinaOffsetMs).toISOString().slice(0, 10);
}
