import type { Deliver } from './engine/notification-scheduler.js';

/**
 * Posts a notification to the platform over HTTP, as the real channel does. A slow platform
 * counts as a failed attempt after `timeoutMs`, so one stuck request cannot stall the queue.
 */
export function createFetchDeliver(options: { timeoutMs?: number } = {}): Deliver {
  const timeoutMs = options.timeoutMs ?? 10_000;
  return async (url, message) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: message.headers,
      body: message.body,
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'manual',
    });
    return { statusCode: response.status, body: await response.text() };
  };
}
