import { describe, expect, it } from 'vitest';
import { checkCreditCode, creditCodeCheckChar, normaliseCreditCode } from './credit-code.js';

const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';

describe('checkCreditCode', () => {
  it('accepts the published example', () => {
    expect(checkCreditCode('91350100M000100Y43')).toEqual({ ok: true });
  });

  it('accepts codes from public registrations, letter check characters included', () => {
    expect(checkCreditCode('9144030071526726XG')).toEqual({ ok: true });
    expect(checkCreditCode('914403001922038216')).toEqual({ ok: true });
  });

  it('accepts lowercase and surrounding whitespace', () => {
    expect(checkCreditCode(' 91350100m000100y43 ')).toEqual({ ok: true });
    expect(checkCreditCode('9144030071526726xg')).toEqual({ ok: true });
  });

  it('folds a check value of 31 to 0', () => {
    // Σ mod 31 is 0 for these 17 characters, so 31 − 0 = 31 becomes 0.
    expect(creditCodeCheckChar('91370200MA0000029')).toBe('0');
    expect(checkCreditCode('91370200MA00000290')).toEqual({ ok: true });
    expect(checkCreditCode('91370200MA0000029Y')).toEqual({ ok: false, reason: 'check_digit' });
  });

  it('refuses every other check character', () => {
    const first17 = '91350100M000100Y4';
    for (const wrong of alphabet) {
      if (wrong === '3') continue;
      expect(checkCreditCode(first17 + wrong)).toEqual({ ok: false, reason: 'check_digit' });
    }
  });

  it('catches a single changed character and two swapped characters', () => {
    expect(checkCreditCode('91350100M000101Y43')).toEqual({ ok: false, reason: 'check_digit' });
    expect(checkCreditCode('19350100M000100Y43')).toEqual({ ok: false, reason: 'check_digit' });
  });

  it('refuses the wrong length and characters outside the alphabet', () => {
    for (const value of [
      '',
      '91350100M000100Y4',
      '91350100M000100Y433',
      '91350100I000100Y43',
      '91350100O000100Y43',
      '91350100S000100Y43',
      '91350100V000100Y43',
      '91350100Z000100Y43',
      '91350100M000100Y4I',
      '91350100-000100Y43',
      '91350100 M000100Y43',
    ]) {
      expect(checkCreditCode(value)).toEqual({ ok: false, reason: 'format' });
    }
  });
});

describe('creditCodeCheckChar', () => {
  it('reproduces the check characters of known codes', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    expect(creditCodeCheckChar('9144030071526726X')).toBe('G');
    expect(creditCodeCheckChar('91440300192203821')).toBe('6');
  });

  it('builds codes the checker accepts, and only with their own check character', () => {
    for (let serial = 0; serial < 200; serial += 1) {
      const first17 = `92370200MA${String(serial * 7919).padStart(7, '0')}`;
      const check = creditCodeCheckChar(first17);
      expect(alphabet).toContain(check);
      expect(checkCreditCode(first17 + check)).toEqual({ ok: true });
    }
  });

  it('refuses input that is not 17 characters of the alphabet', () => {
    expect(() => creditCodeCheckChar('91350100M000100Y')).toThrow(RangeError);
    expect(() => creditCodeCheckChar('91350100M000100Y43')).toThrow(RangeError);
    expect(() => creditCodeCheckChar('91350100m000100Y4')).toThrow(RangeError);
    expect(() => creditCodeCheckChar('91350100O000100Y4')).toThrow(RangeError);
  });
});

describe('normaliseCreditCode', () => {
  it('trims and upper-cases', () => {
    expect(normaliseCreditCode('\t91350100m000100y43 ')).toBe('91350100M000100Y43');
  });
});
