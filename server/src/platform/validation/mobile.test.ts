import { describe, expect, it } from 'vitest';
import { isMobileNumber, normaliseMobile } from './mobile.js';

describe('isMobileNumber', () => {
  it('accepts 11 digits starting 13 to 19', () => {
    for (const value of [
      '13800138000',
      '14700000000',
      '15012345678',
      '16600000000',
      '17712345678',
      '18653200000',
      '19912345678',
    ]) {
      expect(isMobileNumber(value)).toBe(true);
    }
  });

  it('refuses numbers starting 10, 11 or 12, and anything not starting with 1', () => {
    for (const value of ['10012345678', '11012345678', '12345678901', '23800138000']) {
      expect(isMobileNumber(value)).toBe(false);
    }
  });

  it('refuses the wrong length', () => {
    expect(isMobileNumber('')).toBe(false);
    expect(isMobileNumber('1380013800')).toBe(false);
    expect(isMobileNumber('138001380000')).toBe(false);
  });

  it('refuses input that has not been normalised', () => {
    expect(isMobileNumber(' 13800138000')).toBe(false);
    expect(isMobileNumber('138-0013-8000')).toBe(false);
    expect(isMobileNumber('+8613800138000')).toBe(false);
    expect(isMobileNumber('13800138000\n')).toBe(false);
    expect(isMobileNumber('１３８００１３８０００')).toBe(false); // full-width digits
  });
});

describe('normaliseMobile', () => {
  it('strips whitespace, dashes and the country code', () => {
    expect(normaliseMobile(' 13800138000 ')).toBe('13800138000');
    expect(normaliseMobile('138 0013 8000')).toBe('13800138000');
    expect(normaliseMobile('138-0013-8000')).toBe('13800138000');
    expect(normaliseMobile('+8613800138000')).toBe('13800138000');
    expect(normaliseMobile('+86 138 0013 8000')).toBe('13800138000');
    expect(normaliseMobile('+86-138-0013-8000')).toBe('13800138000');
    expect(normaliseMobile('8613800138000')).toBe('13800138000');
    expect(normaliseMobile('86 138 0013 8000')).toBe('13800138000');
    expect(normaliseMobile('0086 138 0013 8000')).toBe('13800138000');
  });

  it('leaves a leading 86 alone unless 11 digits follow', () => {
    expect(normaliseMobile('86123456789')).toBe('86123456789');
    expect(normaliseMobile('861380013800')).toBe('861380013800');
  });

  it('gives a mobile number for the usual ways of writing one', () => {
    for (const value of ['13800138000', '+86 138-0013-8000', '86 13800138000', ' 138 0013 8000']) {
      expect(isMobileNumber(normaliseMobile(value))).toBe(true);
    }
  });

  it('does not turn other numbers into mobile numbers', () => {
    expect(isMobileNumber(normaliseMobile('0532-8888 8888'))).toBe(false);
    expect(isMobileNumber(normaliseMobile('+1 415 555 0100'))).toBe(false);
    expect(isMobileNumber(normaliseMobile('+86 0532 88888888'))).toBe(false);
  });
});
