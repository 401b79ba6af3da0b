import { describe, expect, it } from 'vitest';
import {
  buildEmvcoPayload,
  EmvcoFormatError,
  type EmvcoPayloadInput,
  emvcoAmountToFen,
  formatEmvcoAmount,
  parseEmvcoPayload,
} from './emvco.js';

/** DOMAIN.md §3. */
const DOMAIN_VECTOR =
  '00020101021215311234567800010000123456789012345520454115303156540523.505802CN5917ZHANG SAN GROCERY6007NANNING62450117ORD202401150001230308STORE0010708T00000016304D702';

const vectorInput: EmvcoPayloadInput = {
  kind: 'dynamic',
  unionPayAccount: {
    acquirerIin: '12345678',
    forwardingIin: '00010000',
    merchantId: '123456789012345',
  },
  mcc: '5411',
  amountFen: 2350,
  merchantName: 'ZHANG SAN GROCERY',
  merchantCity: 'NANNING',
  additionalData: {
    billNumber: 'ORD20240115000123',
    storeLabel: 'STORE001',
    terminalLabel: 'T0000001',
  },
};

const staticInput: EmvcoPayloadInput = {
  ...vectorInput,
  kind: 'static',
  amountFen: undefined,
  additionalData: { storeLabel: 'STORE001' },
};

describe('parseEmvcoPayload', () => {
  it('reads the DOMAIN.md test vector with a valid CRC D702', () => {
    const parsed = parseEmvcoPayload(DOMAIN_VECTOR);
    expect(parsed.crcValid).toBe(true);
    expect(parsed.statedCrc).toBe('D702');
    expect(parsed.computedCrc).toBe('D702');
    expect(parsed.kind).toBe('dynamic');
    expect(parsed.amountFen).toBe(2350);
    expect(parsed.fields).toEqual({
      '00': '01',
      '01': '12',
      '15': '1234567800010000123456789012345',
      '52': '5411',
      '53': '156',
      '54': '23.50',
      '58': 'CN',
      '59': 'ZHANG SAN GROCERY',
      '60': 'NANNING',
      '62': '0117ORD202401150001230308STORE0010708T0000001',
      '63': 'D702',
    });
    expect(parsed.templates['62']).toEqual({
      '01': 'ORD20240115000123',
      '03': 'STORE001',
      '07': 'T0000001',
    });
  });

  it('reports a broken CRC when any one character changes', () => {
    // The amount 23.50 → 23.60: still well formed, so only the checksum can tell.
    const tampered = DOMAIN_VECTOR.replace('23.50', '23.60');
    expect(tampered).not.toBe(DOMAIN_VECTOR);
    const parsed = parseEmvcoPayload(tampered);
    expect(parsed.amountFen).toBe(2360);
    expect(parsed.crcValid).toBe(false);
    expect(parsed.statedCrc).toBe('D702');

    // Every single-character substitution inside the merchant name is caught.
    const nameStart = DOMAIN_VECTOR.indexOf('ZHANG');
    for (let index = nameStart; index < nameStart + 17; index += 1) {
      const changed = `${DOMAIN_VECTOR.slice(0, index)}#${DOMAIN_VECTOR.slice(index + 1)}`;
      expect(parseEmvcoPayload(changed).crcValid, `position ${index}`).toBe(false);
    }
  });

  it('refuses a CRC in lowercase or with a changed digit', () => {
    expect(parseEmvcoPayload(DOMAIN_VECTOR.replace(/D702$/, 'd702')).crcValid).toBe(false);
    expect(parseEmvcoPayload(DOMAIN_VECTOR.replace(/D702$/, 'D703')).crcValid).toBe(false);
  });

  it('names the tag and position of a length running past the end', () => {
    const truncated = DOMAIN_VECTOR.slice(0, DOMAIN_VECTOR.indexOf('6007') + 8);
    expect(() => parseEmvcoPayload(truncated)).toThrow(
      /tag 60 at position \d+ declares 7 characters but only 4 remain/,
    );
    try {
      parseEmvcoPayload(truncated);
    } catch (error) {
      expect(error).toBeInstanceOf(EmvcoFormatError);
      expect((error as EmvcoFormatError).tag).toBe('60');
      expect((error as EmvcoFormatError).position).toBe(DOMAIN_VECTOR.indexOf('6007'));
    }
  });

  it('refuses non-digit ids and lengths', () => {
    expect(() => parseEmvcoPayload(`000201XX02126304ABCD`)).toThrow(
      /id "XX" at position 6 is not two digits/,
    );
    expect(() => parseEmvcoPayload(`00020101A2126304ABCD`)).toThrow(
      /length "A2" of tag 01 at position 8 is not two digits/,
    );
  });

  it('refuses a CRC that is not last, a missing CRC and a missing format indicator', () => {
    const crcFirst = DOMAIN_VECTOR.replace(/6304D702$/, '').replace('5802CN', '6304D7025802CN');
    expect(() => parseEmvcoPayload(crcFirst)).toThrow(
      /CRC \(tag 63\) at position \d+ is not the last/,
    );
    expect(() => parseEmvcoPayload(DOMAIN_VECTOR.replace(/6304D702$/, ''))).toThrow(/no CRC/);
    expect(() => parseEmvcoPayload(DOMAIN_VECTOR.slice(6))).toThrow(/tag 00 .* must come first/);
    expect(() => parseEmvcoPayload('')).toThrow(/empty/);
  });

  it('refuses a template whose content is not data objects, naming the template', () => {
    const broken = buildEmvcoPayload(vectorInput).replace(
      '62450117ORD20240115000123',
      '62450199ORD20240115000123',
    );
    expect(() => parseEmvcoPayload(broken)).toThrow(
      /template 62: tag 01 at position \d+ declares 99/,
    );
  });

  it('refuses a tag given twice', () => {
    const twice = DOMAIN_VECTOR.replace('5802CN', '5802CN5802CN');
    expect(() => parseEmvcoPayload(twice)).toThrow(/tag 58 at position \d+ appears a second time/);
  });
});

describe('buildEmvcoPayload', () => {
  it('reproduces the DOMAIN.md test vector exactly from its fields', () => {
    expect(buildEmvcoPayload(vectorInput)).toBe(DOMAIN_VECTOR);
  });

  it('builds a static code: 01=11 and no amount', () => {
    const parsed = parseEmvcoPayload(buildEmvcoPayload(staticInput));
    expect(parsed.crcValid).toBe(true);
    expect(parsed.fields['01']).toBe('11');
    expect(parsed.kind).toBe('static');
    expect(parsed.fields['54']).toBeUndefined();
    expect(parsed.amountFen).toBeUndefined();
  });

  it('builds a dynamic code: 01=12 and the amount in 54', () => {
    const parsed = parseEmvcoPayload(buildEmvcoPayload({ ...vectorInput, amountFen: 10 }));
    expect(parsed.crcValid).toBe(true);
    expect(parsed.fields['01']).toBe('12');
    expect(parsed.fields['54']).toBe('0.10');
    expect(parsed.amountFen).toBe(10);
  });

  it('refuses an amount on a static code and a missing or zero one on a dynamic code', () => {
    expect(() => buildEmvcoPayload({ ...staticInput, amountFen: 100 })).toThrow(
      /^amountFen: a static code carries no amount/,
    );
    expect(() => buildEmvcoPayload({ ...vectorInput, amountFen: undefined })).toThrow(
      /^amountFen: a dynamic code needs one/,
    );
    expect(() => buildEmvcoPayload({ ...vectorInput, amountFen: 0 })).toThrow(/^amountFen/);
    expect(() => buildEmvcoPayload({ ...vectorInput, amountFen: 12.5 })).toThrow(RangeError);
  });

  it('writes the postcode and a Chinese alternate-language template that parse back', () => {
    const payload = buildEmvcoPayload({
      ...staticInput,
      postalCode: '530022',
      alternateLanguage: { merchantName: '张三杂货店', merchantCity: '南宁' },
    });
    // 5 Chinese characters are length 05, although they are 15 bytes of UTF-8.
    expect(payload).toContain('64210002ZH0105张三杂货店0202南宁');
    expect(payload).toContain('6106530022');
    const parsed = parseEmvcoPayload(payload);
    expect(parsed.crcValid).toBe(true);
    expect(parsed.templates['64']).toEqual({ '00': 'ZH', '01': '张三杂货店', '02': '南宁' });
    expect(parsed.fields['61']).toBe('530022');
  });

  it('counts a character outside the BMP as one character', () => {
    const payload = buildEmvcoPayload({
      ...staticInput,
      alternateLanguage: { merchantName: '𠮷野家' },
    });
    expect(payload).toContain('0103𠮷野家');
    const parsed = parseEmvcoPayload(payload);
    expect(parsed.crcValid).toBe(true);
    expect(parsed.templates['64']?.['01']).toBe('𠮷野家');
  });

  it('refuses values over their limit, naming the field', () => {
    const cases: Array<[Partial<EmvcoPayloadInput>, RegExp]> = [
      [{ merchantName: 'A'.repeat(26) }, /^merchantName: must be 1–25 characters, got 26$/],
      [{ merchantCity: 'B'.repeat(16) }, /^merchantCity: must be 1–15 characters, got 16$/],
      [{ postalCode: '1'.repeat(11) }, /^postalCode: must be 1–10 characters/],
      [
        { additionalData: { billNumber: 'C'.repeat(26) } },
        /^additionalData\.billNumber: must be 1–25 characters, got 26$/,
      ],
      [
        { alternateLanguage: { merchantName: '张'.repeat(26) } },
        /^alternateLanguage\.merchantName: must be 1–25 characters, got 26$/,
      ],
      [
        { alternateLanguage: { merchantName: '张三', merchantCity: '南'.repeat(16) } },
        /^alternateLanguage\.merchantCity: must be 1–15 characters, got 16$/,
      ],
      [{ amountFen: 1_000_000_000_000 }, /^amountFen: must be 0–999999999999 fen/],
    ];
    for (const [change, message] of cases) {
      expect(() => buildEmvcoPayload({ ...vectorInput, ...change })).toThrow(message);
    }
  });

  it('refuses the 62 template when its sub-fields together pass 99 characters', () => {
    const full = 'X'.repeat(25);
    expect(() =>
      buildEmvcoPayload({
        ...vectorInput,
        additionalData: {
          billNumber: full,
          storeLabel: full,
          referenceLabel: full,
          terminalLabel: full,
        },
      }),
    ).toThrow(/^additionalData: tag 62 must hold 1–99 characters, got 116$/);
  });

  it('refuses wrong characters and wrong-length account parts, naming the field', () => {
    const cases: Array<[Partial<EmvcoPayloadInput>, RegExp]> = [
      [{ merchantName: '张三杂货店' }, /^merchantName: only printable ASCII/],
      [{ merchantCity: 'NAN\nNING' }, /^merchantCity: only printable ASCII/],
      [{ mcc: '541' }, /^mcc: must be exactly 4 characters/],
      [{ mcc: '54A1' }, /^mcc: only digits/],
      [
        { unionPayAccount: { ...vectorInput.unionPayAccount, acquirerIin: '1234567' } },
        /^unionPayAccount\.acquirerIin: must be exactly 8 characters, got 7$/,
      ],
      [
        { unionPayAccount: { ...vectorInput.unionPayAccount, merchantId: '12345678901234X' } },
        /^unionPayAccount\.merchantId: only digits/,
      ],
      [{ merchantName: '' }, /^merchantName: must be 1–25 characters, got 0$/],
      [{ alternateLanguage: { merchantName: '张\u0000三' } }, /^alternateLanguage\.merchantName/],
    ];
    for (const [change, message] of cases) {
      expect(() => buildEmvcoPayload({ ...vectorInput, ...change })).toThrow(message);
    }
  });
});

describe('EMVCo amounts', () => {
  it('formats integer fen as yuan with two decimals', () => {
    expect(formatEmvcoAmount(1)).toBe('0.01');
    expect(formatEmvcoAmount(10)).toBe('0.10');
    expect(formatEmvcoAmount(100)).toBe('1.00');
    expect(formatEmvcoAmount(2350)).toBe('23.50');
    expect(formatEmvcoAmount(123_456_789)).toBe('1234567.89');
    // 13 characters is the most tag 54 holds; float division by 100 would round this one up.
    expect(formatEmvcoAmount(999_999_999_999)).toBe('9999999999.99');
  });

  it('reads amounts back to the same fen, with or without trailing zeros', () => {
    for (const fen of [1, 10, 100, 2350, 123_456_789, 999_999_999_999]) {
      expect(emvcoAmountToFen(formatEmvcoAmount(fen))).toBe(fen);
    }
    expect(emvcoAmountToFen('23.5')).toBe(2350);
    expect(emvcoAmountToFen('23')).toBe(2300);
    expect(() => emvcoAmountToFen('23.505')).toThrow(RangeError);
    expect(() => emvcoAmountToFen('-1.00')).toThrow(RangeError);
    expect(() => emvcoAmountToFen('1e3')).toThrow(RangeError);
  });
});
