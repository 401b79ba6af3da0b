import {
  defaultChannelTimeoutMs,
  type HttpResponse,
  type HttpTransport,
  TransportFailure,
} from './http-transport.js';

/** A request as a simulator receives it: the path keeps its query, headers are lower case. */
export type InProcessRequest = {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
  /** Aborted when the caller gave up, so a simulated hang ends with it. */
  signal: AbortSignal;
};

export type InProcessHandler = (request: InProcessRequest) => Promise<HttpResponse>;

/**
 * Calls a simulator in the same process without TCP: used by tests and by the benchmark's
 * instant channel. It keeps the fetch transport's timeout, so a simulated hang still ends as a
 * `TransportFailure('timeout')` and the client answers `unknown`.
 */
export function createInProcessTransport(
  handler: InProcessHandler,
  options: { timeoutMs?: number } = {},
): HttpTransport {
  const timeoutMs = options.timeoutMs ?? defaultChannelTimeoutMs;
  return async (request) => {
    const url = new URL(request.url);
    const controller = new AbortController();
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers))
      headers[name.toLowerCase()] = value;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new TransportFailure('timeout', 'the channel did not answer in time'));
      }, timeoutMs);
      timer.unref();
    });
    try {
      const answer = handler({
        method: request.method,
        path: url.pathname + url.search,
        headers,
        body: request.method === 'GET' ? '' : request.body,
        signal: controller.signal,
      });
      const response = await Promise.race([answer, timedOut]);
      return { ...response, headers: lowerCaseKeys(response.headers) };
    } catch (error) {
      if (error instanceof TransportFailure) throw error;
      throw new TransportFailure('connection', `the simulator failed: ${String(error)}`);
    } finally {
      clearTimeout(timer);
    }
  };
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]),
  );
}
