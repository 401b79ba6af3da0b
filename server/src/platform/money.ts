import { z } from 'zod';

/**
 * Money is an integer number of fen (0.01 CNY). Amounts travel as safe integers in JSON and as
 * bigint in SQL; nothing here ever holds a fraction of a fen.
 */
export type Money = { amountFen: number; currency: 'CNY' };

export const amountFenSchema = z
  .number()
  .int('金额必须是以分为单位的整数')
  .min(0)
  .max(Number.MAX_SAFE_INTEGER);

export const moneySchema = z.strictObject({
  amountFen: amountFenSchema,
  currency: z.literal('CNY'),
});

export function cny(amountFen: number): Money {
  assertFen(amountFen);
  return { amountFen, currency: 'CNY' };
}

export function assertFen(value: number): void {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`Not a whole number of fen: ${value}`);
  }
}

/**
 * A rate in basis points applied to an amount, rounded half up to the fen. This is the one
 * rounding rule for fees (DOMAIN.md §4). Computed in BigInt so no step is a float.
 */
export function applyBasisPoints(amountFen: number, basisPoints: number): number {
  assertFen(amountFen);
  assertFen(basisPoints);
  if (amountFen < 0 || basisPoints < 0)
    throw new RangeError('Amount and rate must not be negative');
  const product = BigInt(amountFen) * BigInt(basisPoints);
  return Number((product + 5_000n) / 10_000n);
}

/**
 * Splits a total into parts proportional to the weights so that the parts sum exactly to the
 * total: each part gets its floor, and the fen left over go one each to the largest remainders
 * (ties to the earlier part).
 */
export function splitLargestRemainder(totalFen: number, weights: readonly number[]): number[] {
  assertFen(totalFen);
  if (weights.length === 0) throw new RangeError('Nothing to split into');
  for (const weight of weights) {
    assertFen(weight);
    if (weight < 0) throw new RangeError('Weights must not be negative');
  }
  const weightSum = weights.reduce((sum, weight) => sum + BigInt(weight), 0n);
  if (weightSum === 0n) throw new RangeError('Weights must not all be zero');
  const total = BigInt(totalFen);
  const parts = weights.map((weight) => {
    const exact = total * BigInt(weight);
    return { floor: exact / weightSum, remainder: exact % weightSum };
  });
  let leftover = total - parts.reduce((sum, part) => sum + part.floor, 0n);
  const byRemainder = parts
    .map((part, index) => ({ index, remainder: part.remainder }))
    .sort((a, b) =>
      a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
    );
  const result = parts.map((part) => part.floor);
  for (const { index } of byRemainder) {
    if (leftover === 0n) break;
    result[index] = (result[index] ?? 0n) + 1n;
    leftover -= 1n;
  }
  return result.map((part) => Number(part));
}

/** Formats fen as yuan for people ("1,234.50"), never for arithmetic. */
export function formatYuan(amountFen: number): string {
  assertFen(amountFen);
  const sign = amountFen < 0 ? '-' : '';
  const abs = BigInt(Math.abs(amountFen));
  const yuan = (abs / 100n).toLocaleString('en-US');
  const fen = (abs % 100n).toString().padStart(2, '0');
  return `${sign}${yuan}.${fen}`;
}
