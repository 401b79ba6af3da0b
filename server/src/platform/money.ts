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

/**
 * Reads a yuan amount as channels write it in files ("12.34", "-0.01", "7", "7.5") into fen,
 * digit by digit, so no step is a float. Null for anything else: a sign other than a leading
 * "-", more than two decimals, no digits, or more fen than a safe integer holds.
 */
export function parseYuanToFen(text: string): number | null {
  const length = text.length;
  let index = text.charCodeAt(0) === 45 /* - */ ? 1 : 0;
  const negative = index === 1;
  let yuan = 0;
  let integerDigits = 0;
  while (index < length) {
    const digit = text.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) break;
    yuan = yuan * 10 + digit;
    integerDigits += 1;
    index += 1;
  }
  if (integerDigits === 0 || integerDigits > 14) return null;
  let fen = 0;
  if (index < length) {
    if (text.charCodeAt(index) !== 46 /* . */) return null;
    const decimals = length - index - 1;
    if (decimals < 1 || decimals > 2) return null;
    for (let at = index + 1; at < length; at += 1) {
      const digit = text.charCodeAt(at) - 48;
      if (digit < 0 || digit > 9) return null;
      fen = fen * 10 + digit;
    }
    if (decimals === 1) fen *= 10;
  }
  const total = yuan * 100 + fen;
  if (!Number.isSafeInteger(total)) return null;
  return negative && total !== 0 ? -total : total;
}

/** Fen as plain yuan with two decimals and no grouping ("-0.01", "99999999.99"), for files. */
export function fenToYuanText(amountFen: number): string {
  assertFen(amountFen);
  const abs = Math.abs(amountFen);
  const fen = abs % 100;
  return `${amountFen < 0 ? '-' : ''}${(abs - fen) / 100}.${fen < 10 ? '0' : ''}${fen}`;
}
