import type { Channel } from '../../modules/payments/tables.js';
import { NotificationRejected } from './channel-client.js';

/** Notifications older or newer than this are refused as replays (WeChat's own rule is 5 minutes). */
export const notificationSkewMs = 5 * 60_000;

/** Who sent a notification, for the rejection's message: a channel or the core bank's gateway. */
export type NotificationSender = Channel | 'corebank';

/** Refuses a notification signed too long ago, or too far ahead, as a replay. */
export function rejectStaleNotification(
  channel: NotificationSender,
  signedAtMs: number,
  now: Date,
): void {
  if (Math.abs(now.getTime() - signedAtMs) > notificationSkewMs) {
    throw new NotificationRejected(`${channel}: notification timestamp out of range`);
  }
}

/**
 * The JSON of a notification signed with a shared secret, once its signature and its age have
 * passed. `signedAtMs` is what the channel's own verify returned: null for a bad signature.
 */
export function signedJsonNotificationBody(
  channel: NotificationSender,
  signedAtMs: number | null,
  rawBody: string,
  now: Date,
): unknown {
  if (signedAtMs === null) throw new NotificationRejected(`${channel}: bad signature`);
  rejectStaleNotification(channel, signedAtMs, now);
  try {
    return JSON.parse(rawBody);
  } catch {
    throw new NotificationRejected(`${channel}: not JSON`);
  }
}
