import chineseDays from 'chinese-days';
import calendar from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { shanghaiDay, shanghaiDayStart } from '../../platform/clock.js';
import { AppError } from '../../platform/errors/app-error.js';

// The package is CommonJS without named exports Node can see: import it whole.
const { findWorkday, isWorkday } = chineseDays;

/**
 * How soon a merchant's takings are paid out (DOMAIN.md §6): `t1` on the next working day by
 * the official calendar, `d1` on the next calendar day, `d0` the same day, the bank advancing
 * the funds for a premium.
 */
export const settlementCycles = ['t1', 'd1', 'd0'] as const;
export type SettlementCycle = (typeof settlementCycles)[number];

/**
 * The last year whose holidays the installed `chinese-days` carries. Past it the package
 * knows only weekends and would put a T+1 settlement on a Spring Festival holiday without a
 * word: the State Council publishes each year's arrangement around December, and a new
 * package version brings it.
 */
const lastCalendarYear = Math.max(
  ...Object.keys(calendar.holidays).map((day) => Number(day.slice(0, 4))),
);

function addCalendarDays(day: string, days: number): string {
  const next = new Date(`${day}T00:00:00.000Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}

function nextCalendarDay(day: string): string {
  return addCalendarDays(day, 1);
}

/** The instant a trade day closes: its cut-off, Asia/Shanghai. */
export function tradeDayEnd(day: string, cutoffMinutes: number): Date {
  return new Date(shanghaiDayStart(day).getTime() + cutoffMinutes * 60_000);
}

/**
 * The last trade day whose takings settle on `date` under a cycle, or null when none does (no
 * T+1 settlement falls on a weekend or a holiday). Earlier trade days that settle on the same
 * date (a Friday's, a weekend's, for a Monday) come before it: a settlement covers everything
 * since the merchant's previous one up to this day's close.
 */
export function lastTradeDaySettledOn(date: string, cycle: SettlementCycle): string | null {
  if (cycle === 'd0') return date;
  if (cycle === 'd1') return addCalendarDays(date, -1);
  assertCalendarCovers(date);
  return isWorkday(date) ? addCalendarDays(date, -1) : null;
}

function assertCalendarCovers(day: string): void {
  if (Number(day.slice(0, 4)) > lastCalendarYear) {
    throw new AppError('settlement_calendar_missing', {
      detail: `chinese-days carries holidays up to ${lastCalendarYear}; ${day} is after it`,
    });
  }
}

/**
 * The trade day a payment or refund belongs to: its Shanghai day, or the next one from the
 * cut-off on (23:00 by default), so every instant falls on exactly one day.
 */
export function tradeDay(instant: Date, cutoffMinutes: number): string {
  const day = shanghaiDay(instant);
  const sinceMidnightMs = instant.getTime() - shanghaiDayStart(day).getTime();
  return sinceMidnightMs >= cutoffMinutes * 60_000 ? nextCalendarDay(day) : day;
}

/**
 * The day the takings of an instant are settled to the merchant. For `t1` the next working
 * day comes from `chinese-days`, which carries the State Council's holidays and the make-up
 * working weekends (调休): takings of a Friday, a weekend or a holiday settle on the first
 * working day after.
 */
export function settlementDate(
  instant: Date,
  cycle: SettlementCycle,
  cutoffMinutes: number,
): string {
  const day = tradeDay(instant, cutoffMinutes);
  if (cycle === 'd0') return day;
  if (cycle === 'd1') return nextCalendarDay(day);
  const workday = findWorkday(1, day);
  assertCalendarCovers(workday);
  return workday;
}
