/**
 * How a simulated channel answers a customer's payment code, by its last four digits, like the
 * channels' sandboxes answer their test codes:
 * - `…0000`: the payer must enter a password: the order is USERPAYING and becomes paid after
 *   the channel's `payerConfirmMs` (5 s by default);
 * - `…9999`: insufficient balance, failed at once;
 * - `…8888`: the code has expired, failed at once;
 * - anything else: paid at once.
 * A code that does not have the channel's format (length and prefix) is refused as invalid.
 */
export type PaymentCodeOutcome =
  | 'paid'
  | 'needs_password'
  | 'insufficient_balance'
  | 'code_expired';

export function paymentCodeOutcome(code: string): PaymentCodeOutcome {
  if (code.endsWith('0000')) return 'needs_password';
  if (code.endsWith('9999')) return 'insufficient_balance';
  if (code.endsWith('8888')) return 'code_expired';
  return 'paid';
}

/** The formats of DOMAIN.md §3, by which the platform also routes a scanned code. */
export const paymentCodeFormats = {
  wechat: /^1[0-5]\d{16}$/,
  alipay: /^(2[5-9]|30)\d{14,22}$/,
  unionpay: /^62\d{17}$/,
} as const;
