import type { z } from 'zod';
import type { HttpResponse } from '../../adapters/channels/index.js';
import type { NotificationMessage } from './notification-scheduler.js';
import type { NotificationSpoilers, SimulatedChannel } from './simulated-channel.js';

/**
 * Replies of a channel that answers signed JSON (WeChat, the bank's app, the card host): the
 * channel supplies how it signs a body, this takes care of the `badResponseSignatures` fault.
 * No body (`reply(204)`) is sent and signed as empty text.
 */
export function signedJsonReplies(
  engine: Pick<SimulatedChannel, 'takeFault'>,
  signHeaders: (signedText: string, status: number) => Record<string, string>,
) {
  const reply = (status: number, value?: unknown): HttpResponse => {
    const body = value === undefined ? '' : JSON.stringify(value);
    // A spoiled reply carries a valid-looking signature over other text, so only the
    // client's check of the exact body can tell.
    const signed = engine.takeFault('badResponseSignatures') ? `${body} ` : body;
    return {
      status,
      headers: { 'content-type': 'application/json', ...signHeaders(signed, status) },
      body,
    };
  };
  const error = (status: number, code: string, message: string) => reply(status, { code, message });
  return { reply, error };
}

/** A JSON request body checked by the channel's schema; null when it is not JSON or not valid. */
export function parseJsonBody<T>(schema: z.ZodType<T>, body: string): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(body));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * A notification of a signed-JSON channel, spoiled as the engine asks: a bad signature is a
 * valid-looking one over other text; a tampered message says 100 fen more under the honest
 * message's signature. `message` renders the body with that many fen added to its amount.
 */
export function signedJsonNotification(
  message: (amountDeltaFen: number) => string,
  spoil: NotificationSpoilers,
  signHeaders: (signedText: string) => Record<string, string>,
): NotificationMessage {
  const honest = message(0);
  const headers = signHeaders(spoil.badSignature ? `${honest} ` : honest);
  return {
    headers: { 'content-type': 'application/json', ...headers },
    body: spoil.tamperAmount ? message(100) : honest,
  };
}
