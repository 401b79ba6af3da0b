// The amount the payer types on the keypad, kept as the typed string until it is sent; the
// conversion to fen is parseYuanToFen's digit arithmetic on that string, so no float holds money.

/** Up to 999,999.99 yuan: far above every payer limit, short enough for the display. */
const maxIntegerDigits = 6;

/** The text after one key press (a digit, '.' or 'BACKSPACE'); invalid presses change nothing. */
export function pressKey(text: string, key: string): string {
  if (key === 'BACKSPACE') return text.slice(0, -1);
  if (key === '.') {
    if (text.includes('.')) return text;
    return text === '' ? '0.' : `${text}.`;
  }
  if (!/^\d$/.test(key)) return text;
  const [whole = '', fraction] = text.split('.');
  if (fraction !== undefined) return fraction.length >= 2 ? text : text + key;
  // "0" followed by a digit replaces the zero: nobody means 05 yuan.
  if (whole === '0') return key;
  return whole.length >= maxIntegerDigits ? text : text + key;
}
