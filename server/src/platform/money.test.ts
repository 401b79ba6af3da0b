import { describe, expect, it } from 'vitest';
import { applyBasisPoints, cny, formatYuan, splitLargestRemainder } from './money.js';

/** A small seeded generator (mulberry32), so a failing case can be replayed from its seed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describe('applyBasisPoints', () => {
  it('rounds a fee half up to the fen', () => {
    // 0.6 % of 1 fen is 0.006 fen: rounds down to nothing.
    expect(applyBasisPoints(1, 60)).toBe(0);
    // 0.6 % of 100.00 yuan is exactly 60 fen.
    expect(applyBasisPoints(10_000, 60)).toBe(60);
    // 0.6 % of 1.23 yuan is 0.738 fen → 1 fen; 0.6 % of 0.83 yuan is 0.498 fen → 0.
    expect(applyBasisPoints(123, 60)).toBe(1);
    expect(applyBasisPoints(83, 60)).toBe(0);
  });

  it('rounds exact halves up', () => {
    // 0.5 % of 1.00 yuan = 0.5 fen → 1; 0.6 % of 2.50 yuan = 1.5 fen → 2; 0.38 % of 2.50 yuan
    // = 0.95 fen → 1; 1 bp of 0.50 yuan = 0.005 fen → 0.
    expect(applyBasisPoints(100, 50)).toBe(1);
    expect(applyBasisPoints(250, 60)).toBe(2);
    expect(applyBasisPoints(25_000, 2)).toBe(5);
    expect(applyBasisPoints(15_000, 1)).toBe(2);
    expect(applyBasisPoints(250, 38)).toBe(1);
    expect(applyBasisPoints(50, 1)).toBe(0);
  });

  it('stays exact on amounts where float arithmetic would lose digits', () => {
    expect(applyBasisPoints(201, 5_000)).toBe(101); // 100.5 → 101
    // amount × rate is far past 2^53 here; the result must still be the exact half.
    const large = Number.MAX_SAFE_INTEGER - 1;
    expect(applyBasisPoints(large, 5_000)).toBe(large / 2);
    expect(applyBasisPoints(Number.MAX_SAFE_INTEGER, 5_000)).toBe(
      (Number.MAX_SAFE_INTEGER + 1) / 2,
    );
  });

  it('charges 100 % as the amount and 0 bp as nothing', () => {
    expect(applyBasisPoints(12_345, 10_000)).toBe(12_345);
    expect(applyBasisPoints(12_345, 0)).toBe(0);
  });

  it('refuses fractions, unsafe integers and negatives', () => {
    expect(() => applyBasisPoints(1.5, 60)).toThrow(RangeError);
    expect(() => applyBasisPoints(100, 0.6)).toThrow(RangeError);
    expect(() => applyBasisPoints(Number.MAX_SAFE_INTEGER + 1, 1)).toThrow(RangeError);
    expect(() => applyBasisPoints(Number.NaN, 1)).toThrow(RangeError);
    expect(() => applyBasisPoints(-100, 60)).toThrow(RangeError);
    expect(() => applyBasisPoints(100, -60)).toThrow(RangeError);
  });
});

describe('splitLargestRemainder', () => {
  it('gives the leftover fen to the largest remainders, ties to the earlier part', () => {
    expect(splitLargestRemainder(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(splitLargestRemainder(10, [3, 3, 4])).toEqual([3, 3, 4]);
    // 7 × (1/6, 2/6, 3/6) = 1.1667, 2.3333, 3.5: floors 1, 2, 3 and the one fen left goes to 3.5.
    expect(splitLargestRemainder(7, [1, 2, 3])).toEqual([1, 2, 4]);
    expect(splitLargestRemainder(1, [5, 5])).toEqual([1, 0]);
    expect(splitLargestRemainder(0, [1, 2])).toEqual([0, 0]);
  });

  it('gives nothing to a zero weight', () => {
    expect(splitLargestRemainder(99, [0, 1, 0, 2])).toEqual([0, 33, 0, 66]);
  });

  it('sums exactly to the total and stays within a fen of the exact share, over many random splits', () => {
    const seed = 20_260_101;
    const random = seededRandom(seed);
    for (let round = 0; round < 2_000; round++) {
      const total = Math.floor(random() * (round % 10 === 0 ? Number.MAX_SAFE_INTEGER : 1_000_000));
      const count = 1 + Math.floor(random() * 12);
      const weights = Array.from({ length: count }, () => Math.floor(random() * 10_000));
      if (!weights.some((weight) => weight > 0)) weights[0] = 1;
      const parts = splitLargestRemainder(total, weights);
      const context = `seed ${seed} round ${round}: ${total} by ${weights.join(',')} → ${parts.join(',')}`;
      expect(parts, context).toHaveLength(count);
      expect(
        parts.reduce((sum, part) => sum + BigInt(part), 0n),
        context,
      ).toBe(BigInt(total));
      const weightSum = weights.reduce((sum, weight) => sum + BigInt(weight), 0n);
      parts.forEach((part, index) => {
        expect(Number.isSafeInteger(part) && part >= 0, context).toBe(true);
        // part is the floor or the floor + 1 of total × weight / weightSum.
        const floor = (BigInt(total) * BigInt(weights[index] ?? 0)) / weightSum;
        expect(BigInt(part) - floor, context).toBeGreaterThanOrEqual(0n);
        expect(BigInt(part) - floor, context).toBeLessThanOrEqual(1n);
      });
    }
  });

  it('refuses fractions, negative weights, all-zero weights and an empty split', () => {
    expect(() => splitLargestRemainder(10.5, [1, 1])).toThrow(RangeError);
    expect(() => splitLargestRemainder(10, [0.5, 1])).toThrow(RangeError);
    expect(() => splitLargestRemainder(10, [-1, 2])).toThrow(RangeError);
    expect(() => splitLargestRemainder(10, [0, 0])).toThrow(RangeError);
    expect(() => splitLargestRemainder(10, [])).toThrow(RangeError);
  });
});

describe('formatYuan', () => {
  it('writes fen as yuan with two decimals and thousands separators', () => {
    expect(formatYuan(0)).toBe('0.00');
    expect(formatYuan(5)).toBe('0.05');
    expect(formatYuan(123_450)).toBe('1,234.50');
    expect(formatYuan(100_000_000)).toBe('1,000,000.00');
    expect(formatYuan(-1)).toBe('-0.01');
    expect(formatYuan(-123_456)).toBe('-1,234.56');
    expect(formatYuan(Number.MAX_SAFE_INTEGER)).toBe('90,071,992,547,409.91');
  });

  it('refuses a fraction of a fen', () => {
    expect(() => formatYuan(0.5)).toThrow(RangeError);
    expect(() => formatYuan(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('cny', () => {
  it('wraps whole fen and refuses fractions', () => {
    expect(cny(1_999)).toEqual({ amountFen: 1_999, currency: 'CNY' });
    expect(() => cny(19.99)).toThrow(RangeError);
  });
});
