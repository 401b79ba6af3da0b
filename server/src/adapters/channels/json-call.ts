import { exchange } from './channel-exchange.js';
import type { HttpResponse, HttpTransport } from './http-transport.js';

export type JsonAnswer = { status: number; data: Record<string, unknown> } | { unknown: string };

/**
 * One signed JSON request for the channels whose wire format is plain JSON with a signature
 * header (the bank's app, the card host). The channel supplies how it signs a request and how
 * it checks a response; an unreachable channel, a 5xx, an unsigned or unreadable answer all come
 * back as `unknown`.
 */
export async function signedJsonCall(input: {
  transport: HttpTransport;
  baseUrl: string;
  method: 'GET' | 'POST';
  path: string;
  payload?: unknown;
  signRequest: (method: string, pathWithQuery: string, body: string) => Record<string, string>;
  responseIsSigned: (response: HttpResponse) => boolean;
}): Promise<JsonAnswer> {
  const url = new URL(input.baseUrl.replace(/\/$/, '') + input.path);
  const body = input.payload === undefined ? '' : JSON.stringify(input.payload);
  const sent = await exchange(input.transport, {
    method: input.method,
    url: url.toString(),
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      ...input.signRequest(input.method, url.pathname + url.search, body),
    },
    body,
  });
  if (!sent.ok) return { unknown: sent.reason };
  if (sent.response.status >= 500) return { unknown: `http_${sent.response.status}` };
  if (!input.responseIsSigned(sent.response)) return { unknown: 'bad_response_signature' };
  try {
    return {
      status: sent.response.status,
      data: JSON.parse(sent.response.body) as Record<string, unknown>,
    };
  } catch {
    return { unknown: 'unreadable_response' };
  }
}
