/**
 * How channel clients reach a channel: one request in, one response out, bodies as text because
 * every channel signs exact bytes. A transport either answers or throws `TransportFailure`;
 * clients turn a failure into an `unknown` result, never into a success.
 */
export type HttpRequest = {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body: string;
};

export type HttpResponse = {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string;
  /** The exact bytes, for binary downloads (a statement zip); `body` is their UTF-8 text. */
  bodyBytes?: Uint8Array;
};

export type HttpTransport = (request: HttpRequest) => Promise<HttpResponse>;

export class TransportFailure extends Error {
  override name = 'TransportFailure';

  constructor(
    readonly kind: 'timeout' | 'connection',
    message: string,
  ) {
    super(message);
  }
}

export const defaultChannelTimeoutMs = 10_000;

/** The production transport: fetch with a hard timeout, so a hanging channel cannot hold a request. */
export function createFetchTransport(options: { timeoutMs?: number } = {}): HttpTransport {
  const timeoutMs = options.timeoutMs ?? defaultChannelTimeoutMs;
  return async (request) => {
    let response: Response;
    let bodyBytes: Uint8Array;
    try {
      response = await fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.method === 'GET' ? undefined : request.body,
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'manual',
      });
      bodyBytes = new Uint8Array(await response.arrayBuffer());
    } catch (error) {
      throw toTransportFailure(error);
    }
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name.toLowerCase()] = value;
    });
    const body = new TextDecoder().decode(bodyBytes);
    return { status: response.status, headers, body, bodyBytes };
  };
}

function toTransportFailure(error: unknown): TransportFailure {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new TransportFailure('timeout', 'the channel did not answer in time');
  }
  const message = error instanceof Error ? error.message : String(error);
  return new TransportFailure('connection', `could not reach the channel: ${message}`);
}
