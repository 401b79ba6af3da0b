import type { Clock } from '../../platform/clock.js';
import type { HttpTransport } from './http-transport.js';

/** What every channel client is built with besides its own settings. */
export type ClientDeps = { transport: HttpTransport; clock: Clock };

/**
 * The simulated wallet's page for a prepay id: `walletPageUrl` when set, else the one the
 * channel's simulator serves below its base URL.
 */
export function walletUrl(
  settings: { baseUrl: string; walletPageUrl?: string },
  prepayId: string,
): string {
  const page = settings.walletPageUrl ?? `${settings.baseUrl.replace(/\/$/, '')}/wallet/orders`;
  return `${page}/${encodeURIComponent(prepayId)}`;
}

export function unknown(reason: string): { status: 'unknown'; reason: string } {
  return { status: 'unknown', reason };
}
