import { describe, expect, it } from 'vitest';
import {
  checkBankAccountNumber,
  luhnCheckDigit,
  normaliseAccountNumber,
  passesLuhn,
} from './bank-card.js';

describe('passesLuhn', () => {
  it('accepts independently known valid numbers', () => {
    expect(passesLuhn('79927398713')).toBe(true); // the textbook example
    expect(passesLuhn('4111111111111111')).toBe(true);
    expect(passesLuhn('5555555555554444')).toBe(true);
    expect(passesLuhn('4012888888881881')).toBe(true);
    expect(passesLuhn('6200000000000005')).toBe(true); // a common UnionPay test card
    expect(passesLuhn('6205500000000000004')).toBe(true); // a 19-digit UnionPay test card
    expect(passesLuhn('0')).toBe(true);
  });

  it('refuses a changed last digit', () => {
    expect(passesLuhn('79927398710')).toBe(false);
    expect(passesLuhn('4111111111111112')).toBe(false);
    expect(passesLuhn('6205500000000000005')).toBe(false);
  });

  it('catches a single changed digit and most adjacent swaps', () => {
    expect(passesLuhn('4111111111111211')).toBe(false);
    expect(passesLuhn('79927398731')).toBe(false);
  });

  it('is false for anything that is not digits', () => {
    expect(passesLuhn('')).toBe(false);
    expect(passesLuhn('4111 1111 1111 1111')).toBe(false);
    expect(passesLuhn('7992739871a')).toBe(false);
    expect(passesLuhn('-79927398713')).toBe(false);
  });
});

describe('luhnCheckDigit', () => {
  it('reproduces the check digit of known numbers', () => {
    expect(luhnCheckDigit('7992739871')).toBe('3');
    expect(luhnCheckDigit('411111111111111')).toBe('1');
    expect(luhnCheckDigit('620550000000000000')).toBe('4');
    expect(luhnCheckDigit('622202123456789012')).toBe('8');
  });

  it('completes any prefix into a number that passes Luhn', () => {
    for (let n = 0; n < 500; n += 1) {
      const partial = `62220212${String(n * 104_729).padStart(10, '0')}`;
      const full = partial + luhnCheckDigit(partial);
      expect(passesLuhn(full)).toBe(true);
      expect(checkBankAccountNumber(full)).toEqual({ ok: true, luhn: true });
      // Any other last digit fails.
      const wrong = String((Number(full.at(-1)) + 1 + (n % 9)) % 10);
      expect(passesLuhn(partial + wrong)).toBe(false);
    }
  });

  it('refuses an empty or non-digit prefix', () => {
    expect(() => luhnCheckDigit('')).toThrow(RangeError);
    expect(() => luhnCheckDigit('6222 0212')).toThrow(RangeError);
  });
});

describe('checkBankAccountNumber', () => {
  it('accepts 16 to 19 digits that pass Luhn', () => {
    expect(checkBankAccountNumber('4111111111111111')).toEqual({ ok: true, luhn: true });
    expect(checkBankAccountNumber('6222021234567890128')).toEqual({ ok: true, luhn: true });
    expect(checkBankAccountNumber('6205500000000000004')).toEqual({ ok: true, luhn: true });
  });

  it('accepts numbers written in groups', () => {
    expect(checkBankAccountNumber(' 6222 0212 3456 7890 128 ')).toEqual({ ok: true, luhn: true });
    expect(checkBankAccountNumber('4111\t1111 1111\u30001111')).toEqual({ ok: true, luhn: true });
  });

  it('accepts a number that fails Luhn, flagged, because some real cards do', () => {
    expect(checkBankAccountNumber('4111111111111112')).toEqual({ ok: true, luhn: false });
    expect(checkBankAccountNumber('6222021234567890123')).toEqual({ ok: true, luhn: false });
    expect(checkBankAccountNumber('62220212345678901')).toEqual({ ok: true, luhn: false });
  });

  it('accepts every length from 16 to 19 digits', () => {
    for (let length = 16; length <= 19; length += 1) {
      const partial = '6'.padEnd(length - 1, '2');
      expect(checkBankAccountNumber(partial + luhnCheckDigit(partial))).toEqual({
        ok: true,
        luhn: true,
      });
    }
  });

  it('refuses 15 and 20 digits even when they pass Luhn', () => {
    const fifteen = '62220212345678';
    expect(checkBankAccountNumber(fifteen + luhnCheckDigit(fifteen))).toEqual({
      ok: false,
      reason: 'format',
    });
    expect(checkBankAccountNumber('378282246310005')).toEqual({ ok: false, reason: 'format' });
    const twenty = '6222021234567890128';
    expect(checkBankAccountNumber(twenty + luhnCheckDigit(twenty))).toEqual({
      ok: false,
      reason: 'format',
    });
  });

  it('refuses anything but digits and spaces', () => {
    for (const value of [
      '',
      '4111-1111-1111-1111',
      '411111111111111a',
      '+4111111111111111',
      '４１１１１１１１１１１１１１１１', // full-width digits
    ]) {
      expect(checkBankAccountNumber(value)).toEqual({ ok: false, reason: 'format' });
    }
  });
});

describe('normaliseAccountNumber', () => {
  it('removes every kind of whitespace and nothing else', () => {
    expect(normaliseAccountNumber(' 6222 0212\t3456\n7890 128 ')).toBe('6222021234567890128');
    expect(normaliseAccountNumber('6222-0212')).toBe('6222-0212');
  });
});
