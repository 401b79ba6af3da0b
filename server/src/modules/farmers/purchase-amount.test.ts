import { describe, expect, it } from 'vitest';
import { formatKg, purchaseAmountFen } from './purchase-amount.js';

describe('the price of a weighed purchase', () => {
  it('rounds half a fen up and less than half down', () => {
    expect(purchaseAmountFen(1_500, 1)).toBe(2); // 1.5 fen
    expect(purchaseAmountFen(1_499, 1)).toBe(1); // 1.499 fen
    expect(purchaseAmountFen(12_345, 350)).toBe(4_321); // 43.2075 CNY
    expect(purchaseAmountFen(1, 499)).toBe(0); // one gram of anything cheap is free
  });

  it('is exact up to the largest weight and price a purchase may have', () => {
    // 100 t at 100,000 CNY a kilogram: 10 billion CNY, to the fen.
    expect(purchaseAmountFen(100_000_000, 10_000_000)).toBe(1_000_000_000_000);
    expect(purchaseAmountFen(99_999_999, 9_999_999)).toBe(999_999_890_000);
  });

  it('refuses a weight or price that is not a positive whole number', () => {
    expect(() => purchaseAmountFen(0, 100)).toThrow(RangeError);
    expect(() => purchaseAmountFen(1.5, 100)).toThrow(RangeError);
    expect(() => purchaseAmountFen(1_000, -1)).toThrow(RangeError);
  });
});

describe('a weight as people read it', () => {
  it('shows kilograms with three decimals', () => {
    expect(formatKg(12_345)).toBe('12.345');
    expect(formatKg(50)).toBe('0.050');
    expect(formatKg(850_000)).toBe('850.000');
  });
});
