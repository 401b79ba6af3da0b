import {
  type HttpRequest,
  type HttpResponse,
  type HttpTransport,
  TransportFailure,
} from './http-transport.js';

export type Exchange = { ok: true; response: HttpResponse } | { ok: false; reason: string };

/**
 * Sends one request and turns every way of not getting an answer into a reason, so each client
 * maps it to `unknown` in one place instead of catching around every call.
 */
export async function exchange(transport: HttpTransport, request: HttpRequest): Promise<Exchange> {
  try {
    return { ok: true, response: await transport(request) };
  } catch (error) {
    if (error instanceof TransportFailure) return { ok: false, reason: error.kind };
    return { ok: false, reason: `transport_error: ${String(error)}` };
  }
}

/** A header of a notification or response, whatever case the sender used. */
export function headerValue(
  headers: Record<string, string | string[] | undefined>,
  name: string,
): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted) continue;
    return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}
