import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { feeOf, proRataReturn } from './fees.js';

describe('merchant discount fees', () => {
  it('rounds half up to the fen, per payment', () => {
    // 0.6% of 12.34 CNY is 7.404 fen → 7; of 12.50 CNY 7.5 fen → 8; of 0.83 CNY 0.498 → 0.
    expect(feeOf(1234, { rateBp: 60, capFen: null })).toBe(7);
    expect(feeOf(1250, { rateBp: 60, capFen: null })).toBe(8);
    expect(feeOf(83, { rateBp: 60, capFen: null })).toBe(0);
  });

  it('caps a debit card’s fee at 13 CNY', () => {
    expect(feeOf(300_000, { rateBp: 35, capFen: 1300 })).toBe(1050);
    expect(feeOf(1_000_000, { rateBp: 35, capFen: 1300 })).toBe(1300);
  });
});

describe('fees and commissions given back by refunds', () => {
  it('returns the whole fee exactly once the whole amount is refunded, however it is split', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 0, max: 600 }),
        fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 50 }),
        (amountFen, rateBp, pieces) => {
          const feeFen = feeOf(amountFen, { rateBp, capFen: null });
          let refunded = 0;
          let returned = 0;
          for (const piece of pieces) {
            const refundFen = Math.min(piece, amountFen - refunded);
            if (refundFen === 0) break;
            const back = proRataReturn({
              wholeFen: feeFen,
              amountFen,
              refundedBeforeFen: refunded,
              refundFen,
              returnedBeforeFen: returned,
            });
            expect(back).toBeGreaterThanOrEqual(0);
            refunded += refundFen;
            returned += back;
            expect(returned).toBeLessThanOrEqual(feeFen);
          }
          const last = amountFen - refunded;
          if (last > 0) {
            returned += proRataReturn({
              wholeFen: feeFen,
              amountFen,
              refundedBeforeFen: refunded,
              refundFen: last,
              returnedBeforeFen: returned,
            });
          }
          expect(returned).toBe(feeFen);
        },
      ),
    );
  });

  it('gives back the fee in proportion, rounded half up on the running total', () => {
    // A 100.00 CNY payment with a 60 fen fee: refunding 33.33 gives back 20 fen (19.998).
    expect(
      proRataReturn({
        wholeFen: 60,
        amountFen: 10_000,
        refundedBeforeFen: 0,
        refundFen: 3_333,
        returnedBeforeFen: 0,
      }),
    ).toBe(20);
  });
});
