import { describe, expect, it } from 'vitest';
import { checkResidentId, normaliseResidentId, residentIdCheckChar } from './resident-id.js';

// 09:00 on 20 Nov 2026 in Beijing.
const today = new Date('2026-11-20T01:00:00.000Z');

/** A valid ID for a Qingdao Shinan area code with the given birth date and sequence. */
function idFor(birthDate: string, sequence = '001'): string {
  const first17 = `370202${birthDate}${sequence}`;
  return first17 + residentIdCheckChar(first17);
}

describe('checkResidentId', () => {
  it('accepts the published examples', () => {
    expect(checkResidentId('11010519491231002X', today)).toEqual({
      ok: true,
      birthDate: '1949-12-31',
      sex: 'female',
    });
    expect(checkResidentId('34052419800101001X', today)).toEqual({
      ok: true,
      birthDate: '1980-01-01',
      sex: 'male',
    });
  });

  it('accepts a lowercase x and surrounding whitespace', () => {
    expect(checkResidentId('11010519491231002x', today)).toMatchObject({ ok: true });
    expect(checkResidentId('  34052419800101001x\n', today)).toMatchObject({ ok: true });
  });

  it('reads the sex from the parity of the 17th character', () => {
    for (const [sequence, sex] of [
      ['001', 'male'],
      ['002', 'female'],
      ['013', 'male'],
      ['120', 'female'],
      ['999', 'male'],
      ['998', 'female'],
    ] as const) {
      expect(checkResidentId(idFor('19900101', sequence), today)).toEqual({
        ok: true,
        birthDate: '1990-01-01',
        sex,
      });
    }
  });

  it('refuses a changed check character', () => {
    const valid = '11010519491231002X';
    for (const wrong of '0123456789') {
      expect(checkResidentId(valid.slice(0, 17) + wrong, today)).toEqual({
        ok: false,
        reason: 'check_digit',
      });
    }
    expect(checkResidentId('340524198001010011', today)).toEqual({
      ok: false,
      reason: 'check_digit',
    });
  });

  it('refuses a single changed digit or two swapped digits', () => {
    // Changing the area code keeps the birth date valid, so only the check can catch it.
    expect(checkResidentId('11010619491231002X', today)).toEqual({
      ok: false,
      reason: 'check_digit',
    });
    expect(checkResidentId('10110519491231002X', today)).toEqual({
      ok: false,
      reason: 'check_digit',
    });
  });

  it('refuses anything that is not 17 digits and a check character', () => {
    for (const value of [
      '',
      '11010519491231002', // 17 characters
      '11010519491231002XX', // 19 characters
      '110105491231002', // a first-generation 15-digit ID
      '1101051949123100YX',
      '11010519491231002Y',
      'X10105194912310021',
      '110105 19491231002X',
      '１１０１０５１９４９１２３１００２Ｘ', // full-width digits
    ]) {
      expect(checkResidentId(value, today)).toEqual({ ok: false, reason: 'format' });
    }
  });

  it('refuses birth dates that do not exist', () => {
    for (const birthDate of [
      '19490230',
      '19490229', // 1949 is not a leap year
      '19000229', // nor is 1900
      '20230229',
      '19900431',
      '19900001',
      '19901301',
      '19900100',
      '19900132',
    ]) {
      expect(checkResidentId(idFor(birthDate), today)).toEqual({
        ok: false,
        reason: 'birth_date',
      });
    }
  });

  it('accepts leap days and month ends', () => {
    expect(checkResidentId(idFor('20000229'), today)).toMatchObject({ birthDate: '2000-02-29' });
    expect(checkResidentId(idFor('20240229'), today)).toMatchObject({ birthDate: '2024-02-29' });
    expect(checkResidentId(idFor('19901231'), today)).toMatchObject({ birthDate: '1990-12-31' });
    expect(checkResidentId(idFor('19900430'), today)).toMatchObject({ birthDate: '1990-04-30' });
  });

  it('refuses a birth date after today and accepts today itself', () => {
    expect(checkResidentId(idFor('20261121'), today)).toEqual({
      ok: false,
      reason: 'birth_date',
    });
    expect(checkResidentId(idFor('20300101'), today)).toEqual({
      ok: false,
      reason: 'birth_date',
    });
    expect(checkResidentId(idFor('20261120'), today)).toMatchObject({ birthDate: '2026-11-20' });
  });

  it('takes today as the calendar day in China, whatever the UTC day is', () => {
    // 17:00 UTC on 20 Nov is already 01:00 on 21 Nov in Beijing.
    const lateUtc = new Date('2026-11-20T17:00:00.000Z');
    expect(checkResidentId(idFor('20261121'), lateUtc)).toMatchObject({ ok: true });
    expect(checkResidentId(idFor('20261122'), lateUtc)).toMatchObject({ reason: 'birth_date' });
    // 15:59 UTC is still 23:59 on the 20th.
    const beforeMidnight = new Date('2026-11-20T15:59:59.999Z');
    expect(checkResidentId(idFor('20261121'), beforeMidnight)).toMatchObject({
      reason: 'birth_date',
    });
  });

  it('refuses birth dates before 1900', () => {
    expect(checkResidentId(idFor('18991231'), today)).toEqual({
      ok: false,
      reason: 'birth_date',
    });
    expect(checkResidentId(idFor('19000101'), today)).toMatchObject({ birthDate: '1900-01-01' });
  });

  it('reports the birth date before the check character', () => {
    // 19490230 with a check character that does not match either.
    expect(checkResidentId('110105194902300022', today)).toEqual({
      ok: false,
      reason: 'birth_date',
    });
  });

  it('throws on an invalid today, which is a programming error', () => {
    expect(() => checkResidentId('11010519491231002X', new Date('nope'))).toThrow(RangeError);
  });
});

describe('residentIdCheckChar', () => {
  it('reproduces the check character of the published examples', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(residentIdCheckChar('34052419800101001')).toBe('X');
  });

  it('builds IDs that the checker accepts', () => {
    for (let sequence = 0; sequence < 1_000; sequence += 37) {
      const id = idFor('19851017', String(sequence).padStart(3, '0'));
      expect(checkResidentId(id, today)).toMatchObject({ ok: true, birthDate: '1985-10-17' });
    }
  });

  it('produces every one of the 11 check characters', () => {
    const seen = new Set<string>();
    for (let sequence = 0; sequence < 1_000; sequence += 1) {
      seen.add(residentIdCheckChar(`37020219851017${String(sequence).padStart(3, '0')}`));
    }
    expect([...seen].sort()).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X']);
  });

  it('refuses input that is not 17 digits', () => {
    expect(() => residentIdCheckChar('1101051949123100')).toThrow(RangeError);
    expect(() => residentIdCheckChar('110105194912310021')).toThrow(RangeError);
    expect(() => residentIdCheckChar('1101051949123100X')).toThrow(RangeError);
  });
});

describe('normaliseResidentId', () => {
  it('trims and upper-cases', () => {
    expect(normaliseResidentId(' 11010519491231002x ')).toBe('11010519491231002X');
    expect(normaliseResidentId('34052419800101001X')).toBe('34052419800101001X');
  });
});
