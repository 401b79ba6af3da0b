/**
 * "12.345" → 12345, "12" → 12000, "0.5" → 500; null when the text is not a weight in kilograms
 * with at most three decimals. Digit arithmetic on the string, like parseYuanToFen: a scale's
 * reading never passes through a float.
 */
export function parseKgToGrams(text: string): number | null {
  const match = /^(\d{1,6})(?:\.(\d{0,3}))?$/.exec(text.trim());
  if (!match) return null;
  const [, whole = '0', fraction = ''] = match;
  return Number.parseInt(whole + fraction.padEnd(3, '0'), 10);
}

/** Grams as kilograms with three decimals: 12345 → "12.345". */
export function formatKg(weightGrams: number): string {
  const grams = Math.abs(weightGrams);
  const sign = weightGrams < 0 ? '-' : '';
  return `${sign}${Math.trunc(grams / 1000).toLocaleString('en-US')}.${String(grams % 1000).padStart(3, '0')}`;
}

/**
 * The price of a weighed purchase: grams × fen per kilogram / 1000, rounded half up to the
 * fen, in BigInt. The server computes the same (purchase-amount.ts) and refuses a purchase
 * whose amount disagrees, so the figure shown before paying is the one paid.
 */
export function purchaseAmountFen(weightGrams: number, unitPriceFenPerKg: number): number {
  return Number((BigInt(weightGrams) * BigInt(unitPriceFenPerKg) + 500n) / 1000n);
}
