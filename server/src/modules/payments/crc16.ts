/**
 * CRC-16/CCITT-FALSE: polynomial 0x1021, initial value 0xFFFF, bits not reflected, no final
 * XOR. This is the checksum EMVCo QR payloads carry in tag 63 (DOMAIN.md §3); its check value
 * over the ASCII bytes of "123456789" is 0x29B1.
 */
export function crc16CcittFalse(bytes: Uint8Array): number {
  let crc = 0xffff;
  for (const byte of bytes) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit += 1) {
      crc = crc & 0x8000 ? (crc << 1) ^ 0x1021 : crc << 1;
    }
    // Shifting in a 32-bit number carries bits past 16; keep only the register.
    crc &= 0xffff;
  }
  return crc;
}

/** The CRC as EMVCo writes it: 4 uppercase hex digits, zero-padded ("0A1F", never "A1F"). */
export function crc16CcittFalseHex(bytes: Uint8Array): string {
  return crc16CcittFalse(bytes).toString(16).toUpperCase().padStart(4, '0');
}
