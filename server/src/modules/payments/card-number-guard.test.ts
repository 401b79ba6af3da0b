import { describe, expect, it } from 'vitest';
import type { AppError } from '../../platform/errors/app-error.js';
import { refuseCardNumbers } from './card-number-guard.js';

function refusal(body: unknown): AppError | null {
  try {
    refuseCardNumbers(body);
    return null;
  } catch (error) {
    return error as AppError;
  }
}

describe('a full card number is never taken', () => {
  it('refuses a card number in any field, grouped or not, naming the field but not the value', () => {
    for (const body of [
      { card: { number: '6228480402564890018' } },
      { card: { hostToken: '6228 4804 0256 4890 018' } },
      { description: '卡号 6228-4804-0256-4890' },
      { card: { pan: 6228480402564890 } },
    ]) {
      const error = refusal(body);
      expect(error?.code).toBe('card_number_not_allowed');
      expect(error?.message).not.toMatch(/\d{6}/);
    }
    expect(refusal({ card: { hostToken: '6228 4804 0256 4890 018' } })?.param).toBe(
      'card.hostToken',
    );
  });

  it('lets BIN, last four, a host token and a customer’s payment code through', () => {
    expect(
      refusal({
        method: 'card',
        card: { bin: '622848', last4: '0018', hostToken: 'tok_9f8e7d6c5b4a' },
        authCode: '134567890123456789',
      }),
    ).toBeNull();
  });
});
