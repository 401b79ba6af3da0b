/**
 * The named fee plans a reviewer chooses from. Their rates per channel and card type arrive
 * with payments (issue 4); until then a plan is a name the merchant is put on.
 */
export const feePlans = [
  'standard',
  'micro_preferential',
  'market_member',
  'public_service',
] as const;
export type FeePlan = (typeof feePlans)[number];
