import type { HttpResponse, InProcessHandler } from '../adapters/channels/index.js';
import type { Channel } from '../modules/payments/tables.js';
import type { Clock } from '../platform/clock.js';
import { createAlipaySimulator } from './alipay/alipay-simulator.js';
import { createBankappSimulator } from './bankapp/bankapp-simulator.js';
import { createCardSimulator } from './card/card-simulator.js';
import { type CoreBankSimulator, createCoreBankSimulator } from './corebank/corebank-simulator.js';
import type { ChannelSimulator } from './engine/channel-simulator.js';
import type { Deliver } from './engine/notification-scheduler.js';
import type { SimTimings } from './engine/simulated-channel.js';
import type { FaultsPatch } from './engine/simulator-faults.js';
import { jsonReply } from './engine/simulator-handler.js';
import { createFetchDeliver } from './fetch-deliver.js';
import type { SimulatorKeys } from './simulator-keys.js';
import { createUnionpaySimulator } from './unionpay/unionpay-simulator.js';
import { createWechatSimulator } from './wechat/wechat-simulator.js';

export type SimulatorSet = Record<Channel, ChannelSimulator> & {
  /** The core bank's payout gateway, under `/sim/corebank`. */
  corebank: CoreBankSimulator;
  /** Routes `/sim/<channel>/...` (and `/sim/corebank/...`) there: what the in-process transport calls. */
  handle: InProcessHandler;
  /** Settles and books what is due and delivers every simulator's due notifications. */
  runDue(): Promise<number>;
  setDeliver(deliver: Deliver): void;
  setFaults(channel: Channel, patch: FaultsPatch): void;
  /** Calls runDue every `intervalMs` on an unref'd timer until stopped. */
  startScheduler(intervalMs?: number): () => void;
};

const channelNames: readonly Channel[] = ['wechat', 'alipay', 'unionpay', 'bankapp', 'card'];

/** Every channel simulator over one clock and one way of delivering notifications. */
export function createSimulators(options: {
  clock: Clock;
  keys: SimulatorKeys;
  /** How notifications reach the platform: HTTP POST by default. */
  deliver?: Deliver;
  timings?: Partial<SimTimings>;
  /** How long after acceptance the core bank books an async payout. */
  coreBankBookingDelayMs?: number;
}): SimulatorSet {
  const deliver = options.deliver ?? createFetchDeliver();
  const common = { clock: options.clock, deliver, timings: options.timings };
  const byChannel: Record<Channel, ChannelSimulator> = {
    wechat: createWechatSimulator({ ...common, keys: options.keys.wechat }),
    alipay: createAlipaySimulator({ ...common, keys: options.keys.alipay }),
    unionpay: createUnionpaySimulator({ ...common, keys: options.keys.unionpay }),
    bankapp: createBankappSimulator({ ...common, keys: options.keys.bankapp }),
    card: createCardSimulator({ ...common, keys: options.keys.card }),
  };
  const all = channelNames.map((channel) => byChannel[channel]);
  const corebank = createCoreBankSimulator({
    clock: options.clock,
    keys: options.keys.corebank,
    deliver,
    bookingDelayMs: options.coreBankBookingDelayMs,
  });
  const mounted = [...all, corebank];

  const runDue = async () => {
    let sent = 0;
    for (const simulator of mounted) sent += await simulator.engine.runDue();
    return sent;
  };

  return {
    ...byChannel,
    corebank,
    handle: async (request): Promise<HttpResponse> => {
      const simulator = mounted.find((candidate) =>
        request.path.startsWith(`${candidate.mountPath}/`),
      );
      return simulator ? simulator.handle(request) : jsonReply(404, { error: 'no_such_simulator' });
    },
    runDue,
    setDeliver: (next) => {
      for (const simulator of mounted) simulator.engine.setDeliver(next);
    },
    setFaults: (channel, patch) => {
      byChannel[channel].engine.setFaults(patch);
    },
    startScheduler: (intervalMs = 1_000) => {
      let busy = false;
      const timer = setInterval(() => {
        if (busy) return;
        busy = true;
        runDue()
          .catch(() => undefined)
          .finally(() => {
            busy = false;
          });
      }, intervalMs);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}
