/**
 * The price of a weighed purchase: grams × fen per kilogram / 1000, rounded half up to the fen
 * (the rounding rule of DOMAIN.md §4). Computed in BigInt, so a heavy load at a high price
 * never passes through a float; the app computes the same and the server checks it agrees.
 */
export function purchaseAmountFen(weightGrams: number, unitPriceFenPerKg: number): number {
  if (!isPositiveSafeInteger(weightGrams) || !isPositiveSafeInteger(unitPriceFenPerKg)) {
    throw new RangeError('Weight and unit price must be positive whole numbers');
  }
  const amount = (BigInt(weightGrams) * BigInt(unitPriceFenPerKg) + 500n) / 1000n;
  if (amount > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('Amount too large');
  return Number(amount);
}

/** Grams as kilograms with three decimals ("12.345"), for people and receipts, never a float. */
export function formatKg(weightGrams: number): string {
  if (!Number.isSafeInteger(weightGrams)) throw new RangeError(`Not whole grams: ${weightGrams}`);
  const sign = weightGrams < 0 ? '-' : '';
  const grams = BigInt(Math.abs(weightGrams));
  return `${sign}${grams / 1000n}.${(grams % 1000n).toString().padStart(3, '0')}`;
}

function isPositiveSafeInteger(value: number): boolean {
  return Number.isSafeInteger(value) && value > 0;
}
