import type { Clock } from '../../platform/clock.js';
import type { HttpTransport } from './http-transport.js';

/** What every channel client is built with besides its own settings. */
export type ClientDeps = { transport: HttpTransport; clock: Clock };

/** Notifications older or newer than this are refused as replays (WeChat's own rule is 5 minutes). */
export const notificationSkewMs = 5 * 60_000;

export function unknown(reason: string): { status: 'unknown'; reason: string } {
  return { status: 'unknown', reason };
}
