import { z } from 'zod';
import type {
  HttpResponse,
  InProcessHandler,
  InProcessRequest,
} from '../../adapters/channels/index.js';
import type { SimOrder, SimulatedChannel } from './simulated-channel.js';
import { faultsPatchSchema } from './simulator-faults.js';

/** A request inside one channel's simulator: `localPath` is the path below its mount point. */
export type SimApiRequest = InProcessRequest & {
  localPath: string;
  pathname: string;
  query: URLSearchParams;
};

/** One channel's wire protocol over the shared engine. */
export type ChannelFront = {
  handleApi(request: SimApiRequest): Promise<HttpResponse> | HttpResponse;
  /** What the channel answers when it fails internally (an unknown result for the caller). */
  systemError(request: SimApiRequest): HttpResponse;
};

export function jsonReply(
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): HttpResponse {
  return {
    status,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(value),
  };
}

const confirmSchema = z.strictObject({
  prepayId: z.string().min(1).max(128),
  payerRef: z.string().min(1).max(128),
  outcome: z.enum(['paid', 'insufficient_balance']).optional(),
});

/** Waits, but ends early when the caller gives up, so an abandoned hang does not linger. */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    timer.unref();
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}

function walletView(order: SimOrder, mountPath: string) {
  return {
    prepayId: order.prepayId,
    outTradeNo: order.outTradeNo,
    merchantId: order.merchantId,
    amountFen: order.amountFen,
    description: order.description,
    status: order.status,
    confirmUrl: `${mountPath}/wallet/confirm`,
  };
}

/**
 * The handler of one channel simulator, used both by the Fastify routes and by the in-process
 * transport. Besides the channel's own API it answers the simulated wallet
 * (GET wallet/orders/<prepayId>, POST wallet/confirm) and the fault settings (GET/POST faults);
 * faults apply to the channel's API only.
 */
export function createSimulatorHandler(
  engine: SimulatedChannel,
  front: ChannelFront,
  mountPath: string,
): InProcessHandler {
  return async (request) => {
    const url = new URL(request.path, 'http://simulator.invalid');
    if (!url.pathname.startsWith(mountPath)) return jsonReply(404, { error: 'not_this_simulator' });
    const localPath = url.pathname.slice(mountPath.length) || '/';
    const api: SimApiRequest = {
      ...request,
      localPath,
      pathname: url.pathname,
      query: url.searchParams,
    };

    if (localPath === '/faults') {
      if (request.method === 'GET') return jsonReply(200, engine.faults);
      const patch = faultsPatchSchema.safeParse(parseJson(request.body));
      if (!patch.success)
        return jsonReply(400, { error: 'invalid_faults', issues: patch.error.issues });
      return jsonReply(200, engine.setFaults(patch.data));
    }
    if (localPath === '/wallet/confirm' && request.method === 'POST') {
      const input = confirmSchema.safeParse(parseJson(request.body));
      if (!input.success)
        return jsonReply(400, { error: 'invalid_request', issues: input.error.issues });
      const result = engine.confirmWallet(
        input.data.prepayId,
        input.data.payerRef,
        input.data.outcome,
      );
      if ('error' in result)
        return jsonReply(result.error === 'not_found' ? 404 : 409, { error: result.error });
      return jsonReply(200, walletView(result.order, mountPath));
    }
    const walletOrder = /^\/wallet\/orders\/([^/]+)$/.exec(localPath);
    if (walletOrder && request.method === 'GET') {
      const order = engine.orderByPrepayId(decodeURIComponent(walletOrder[1] as string));
      return order
        ? jsonReply(200, walletView(order, mountPath))
        : jsonReply(404, { error: 'not_found' });
    }

    const faults = engine.faults;
    if (!faults.instant) await pause(faults.latencyMs, request.signal);
    if (engine.takeFault('systemErrors')) return front.systemError(api);
    if (engine.takeFault('timeouts')) {
      if (faults.timeoutsAfterProcessing) await front.handleApi(api);
      await pause(faults.hangMs, request.signal);
      return front.systemError(api);
    }
    return front.handleApi(api);
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
