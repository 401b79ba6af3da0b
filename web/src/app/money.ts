/**
 * Amounts travel as integer fen. They are shown by splitting the integer, never by dividing
 * into a float, so 0.1 + 0.2 style errors cannot reach a receipt.
 */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.trunc(abs / 100).toLocaleString('en-US');
  return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/** "¥1,234.50": an amount with its currency sign, for tables, cards and receipts. */
export function formatCny(fen: number): string {
  return fen < 0 ? `-¥${formatYuan(-fen)}` : `¥${formatYuan(fen)}`;
}

/**
 * "12.34" → 1234, "12" → 1200, "0.5" → 50, " 8. " → 800; null when the text is not a yuan
 * amount with at most two decimals. Digit arithmetic on the string: no float holds money.
 */
export function parseYuanToFen(text: string): number | null {
  const match = /^(\d{1,13})(?:\.(\d{0,2}))?$/.exec(text.trim());
  if (!match) return null;
  const [, whole = '0', fraction = ''] = match;
  return Number.parseInt(whole + fraction.padEnd(2, '0'), 10);
}
