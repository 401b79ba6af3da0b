import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors/app-error.js';
import { settlementDate, tradeDay } from './settlement-date.js';

const cutoff = 23 * 60;
/** An instant given in Shanghai time. */
const shanghai = (local: string) => new Date(`${local}+08:00`);

describe('the settlement date of a payment', () => {
  it('puts 22:59:59.999 on the day and 23:00:00.000 on the next one', () => {
    expect(tradeDay(shanghai('2026-12-02T22:59:59.999'), cutoff)).toBe('2026-12-02');
    expect(tradeDay(shanghai('2026-12-02T23:00:00.000'), cutoff)).toBe('2026-12-03');
    expect(tradeDay(shanghai('2026-12-03T00:00:00.000'), cutoff)).toBe('2026-12-03');
    // Wednesday's takings are paid on Thursday (T+1, D+1) or the same day (D0).
    const beforeCutoff = shanghai('2026-12-02T22:59:59.999');
    expect(settlementDate(beforeCutoff, 't1', cutoff)).toBe('2026-12-03');
    expect(settlementDate(beforeCutoff, 'd1', cutoff)).toBe('2026-12-03');
    expect(settlementDate(beforeCutoff, 'd0', cutoff)).toBe('2026-12-02');
    const atCutoff = shanghai('2026-12-02T23:00:00.000');
    expect(settlementDate(atCutoff, 't1', cutoff)).toBe('2026-12-04');
    expect(settlementDate(atCutoff, 'd0', cutoff)).toBe('2026-12-03');
  });

  it('follows a configured cut-off', () => {
    const at2130 = shanghai('2026-12-02T21:30:00.000');
    expect(tradeDay(at2130, 23 * 60)).toBe('2026-12-02');
    expect(tradeDay(at2130, 21 * 60)).toBe('2026-12-03');
  });

  it('pays Friday-after-cut-off and weekend takings on Monday under T+1, on the next day under D+1', () => {
    // Friday 2026-12-04 23:30 belongs to Saturday the 5th.
    const fridayNight = shanghai('2026-12-04T23:30:00.000');
    expect(settlementDate(fridayNight, 't1', cutoff)).toBe('2026-12-07');
    expect(settlementDate(fridayNight, 'd1', cutoff)).toBe('2026-12-06');
    expect(settlementDate(shanghai('2026-12-06T12:00:00.000'), 't1', cutoff)).toBe('2026-12-07');
  });

  it('skips the National Day holiday and settles on the make-up working Saturday', () => {
    // 2026: 1–7 October are holidays; Saturday 10 October is a working day (调休).
    expect(settlementDate(shanghai('2026-09-30T10:00:00.000'), 't1', cutoff)).toBe('2026-10-08');
    expect(settlementDate(shanghai('2026-10-03T10:00:00.000'), 't1', cutoff)).toBe('2026-10-08');
    expect(settlementDate(shanghai('2026-09-30T23:00:00.000'), 'd1', cutoff)).toBe('2026-10-02');
    expect(settlementDate(shanghai('2026-10-09T10:00:00.000'), 't1', cutoff)).toBe('2026-10-10');
  });

  it('refuses a T+1 date past the installed holiday calendar instead of guessing', () => {
    // chinese-days 1.5.7 carries holidays up to 2026: 2027's Spring Festival is not in it.
    const newYearsEve = shanghai('2026-12-31T10:00:00.000');
    expect(() => settlementDate(newYearsEve, 't1', cutoff)).toThrow(AppError);
    expect(() => settlementDate(newYearsEve, 't1', cutoff)).toThrow(/up to 2026/);
    expect(settlementDate(newYearsEve, 'd1', cutoff)).toBe('2027-01-01');
    expect(settlementDate(shanghai('2026-12-30T10:00:00.000'), 't1', cutoff)).toBe('2026-12-31');
  });
});
