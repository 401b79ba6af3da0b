/** The only source of "now" in business code, so tests can move time instead of waiting. */
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests set and advance by hand. */
export class ManualClock implements Clock {
  private current: number;

  constructor(start: Date | string = '2026-11-20T02:00:00.000Z') {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  advance(ms: number): void {
    this.current += ms;
  }

  set(to: Date | string): void {
    this.current = new Date(to).getTime();
  }
}

const shanghaiOffsetMs = 8 * 3_600_000;

/**
 * The business day (Asia/Shanghai, YYYY-MM-DD) an instant falls on. China keeps one offset all
 * year (no daylight saving), so a fixed +08:00 is exact.
 */
export function shanghaiDay(instant: Date): string {
  return new Date(instant.getTime() + shanghaiOffsetMs).toISOString().slice(0, 10);
}

/** The first instant of a Shanghai business day. */
export function shanghaiDayStart(day: string): Date {
  return new Date(new Date(`${day}T00:00:00.000Z`).getTime() - shanghaiOffsetMs);
}
