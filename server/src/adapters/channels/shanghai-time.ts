const shanghaiOffsetMs = 8 * 3_600_000;

/**
 * China's channels write local times without a zone. Asia/Shanghai has had no daylight saving
 * since 1991, so a fixed +08:00 is exact and needs no time-zone database.
 */
export function shanghaiDateTime(date: Date): string {
  return new Date(date.getTime() + shanghaiOffsetMs).toISOString().slice(0, 19).replace('T', ' ');
}

/** yyyyMMddHHmmss in Asia/Shanghai, as UnionPay's txnTime. */
export function shanghaiCompact(date: Date): string {
  return shanghaiDateTime(date).replace(/[-: ]/g, '');
}

/** Reads "yyyy-MM-dd HH:mm:ss" or "yyyyMMddHHmmss" in Asia/Shanghai; null when it is neither. */
export function parseShanghaiTime(text: string): Date | null {
  const match = /^(\d{4})-?(\d{2})-?(\d{2})[ T]?(\d{2}):?(\d{2}):?(\d{2})$/.exec(text);
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}+08:00`);
  return Number.isNaN(date.getTime()) ? null : date;
}
