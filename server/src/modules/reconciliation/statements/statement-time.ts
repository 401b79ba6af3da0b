const shanghaiOffsetMs = 8 * 3_600_000;

/** The number written with `count` ASCII digits from `start`, or -1 when any is not a digit. */
export function digitsAt(text: string, start: number, count: number): number {
  let value = 0;
  for (let index = start; index < start + count; index += 1) {
    const digit = text.charCodeAt(index) - 48;
    if (!(digit >= 0 && digit <= 9)) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * An Asia/Shanghai wall-clock time as an instant, or null when it names no real time (month 13,
 * 30 February, 24:00). Date.UTC would roll such dates over silently, so the parts are checked.
 */
export function shanghaiInstant(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): Date | null {
  if (year < 1970 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59) return null;
  if (second > 59 || hour < 0 || minute < 0 || second < 0) return null;
  const utcMs = Date.UTC(year, month - 1, day, hour, minute, second);
  if (new Date(utcMs).getUTCDate() !== day) return null;
  return new Date(utcMs - shanghaiOffsetMs);
}

/** Reads "YYYY-MM-DD HH:mm:ss" (Asia/Shanghai, as WeChat and Alipay write it). */
export function parseShanghaiDateTime(text: string): Date | null {
  if (text.length !== 19) return null;
  if (text[4] !== '-' || text[7] !== '-' || text[10] !== ' ' || text[13] !== ':') return null;
  if (text[16] !== ':') return null;
  return shanghaiInstant(
    digitsAt(text, 0, 4),
    digitsAt(text, 5, 2),
    digitsAt(text, 8, 2),
    digitsAt(text, 11, 2),
    digitsAt(text, 14, 2),
    digitsAt(text, 17, 2),
  );
}
