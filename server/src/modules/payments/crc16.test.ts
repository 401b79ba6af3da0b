import { describe, expect, it } from 'vitest';
import { crc16CcittFalse, crc16CcittFalseHex } from './crc16.js';

const ascii = (text: string) => new TextEncoder().encode(text);

// Expected values were checked against Python's binascii.crc_hqx(data, 0xFFFF), an independent
// implementation of the same CRC.
describe('crc16CcittFalse', () => {
  it('gives the published check value 0x29B1 for "123456789"', () => {
    expect(crc16CcittFalse(ascii('123456789'))).toBe(0x29b1);
    expect(crc16CcittFalseHex(ascii('123456789'))).toBe('29B1');
  });

  it('agrees with an independent implementation on other inputs', () => {
    expect(crc16CcittFalse(ascii('A'))).toBe(0xb915);
    // Chinese text is checksummed as its UTF-8 bytes.
    expect(crc16CcittFalse(ascii('张三'))).toBe(0x62be);
    // Nothing to fold in: the initial value comes out unchanged (no final XOR).
    expect(crc16CcittFalse(new Uint8Array())).toBe(0xffff);
  });

  it('writes 4 uppercase hex digits, zero-padded', () => {
    expect(crc16CcittFalse(ascii('315'))).toBe(0x003b);
    expect(crc16CcittFalseHex(ascii('315'))).toBe('003B');
  });
});
