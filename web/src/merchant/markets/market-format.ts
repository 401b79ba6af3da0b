export const portalMarketsKey = ['portal', 'markets'] as const;

/** Basis points as the percentage merchants read: 50 → 0.50%. */
export function commissionText(basisPoints: number): string {
  return `${(basisPoints / 100).toFixed(2)}%`;
}
