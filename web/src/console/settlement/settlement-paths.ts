// Where the console's settlement pages live, for the links between them.

export const runDetailPath = (date: string) =>
  `/console/settlement/runs/${encodeURIComponent(date)}`;

/** The payouts page with its filters (they live in the URL, like the payment search's). */
export function payoutsPath(filters: Record<string, string> = {}): string {
  const search = new URLSearchParams(filters).toString();
  return `/console/settlement/payouts${search ? `?${search}` : ''}`;
}
