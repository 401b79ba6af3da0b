import type { InProcessHandler } from '../../adapters/channels/index.js';
import type { Channel } from '../../modules/payments/tables.js';
import type { Clock } from '../../platform/clock.js';
import type { Deliver } from './notification-scheduler.js';
import { type NotificationFormat, type SimTimings, SimulatedChannel } from './simulated-channel.js';
import { type ChannelFront, createSimulatorHandler } from './simulator-handler.js';

/** One running channel simulator: its state and the handler that speaks its wire format. */
export type ChannelSimulator = {
  channel: Channel;
  engine: SimulatedChannel;
  mountPath: string;
  handle: InProcessHandler;
};

/** What every channel's simulator is built with; `Keys` is that channel's half of SimulatorKeys. */
export type SimulatorOptions<Keys> = {
  clock: Clock;
  keys: Keys;
  deliver: Deliver;
  timings?: Partial<SimTimings>;
  /** Where the simulator answers; `/sim/<channel>` by default. */
  mountPath?: string;
};

/**
 * Puts one channel's protocol (its notification format and its API front) on a fresh engine
 * and mounts it, so every simulator is wired the same way and differs only in its wire format.
 */
export function createChannelSimulator<Keys>(
  channel: Channel,
  options: SimulatorOptions<Keys>,
  protocol: {
    /** Starts the channel's own ids (prepay, transaction, refund, notification). */
    idPrefix: string;
    /** Ids in the channel's own format (UnionPay's 21-digit queryId), instead of the default. */
    newId?: (now: Date) => string;
    format: (keys: Keys, clock: Clock) => NotificationFormat;
    front: (engine: SimulatedChannel, keys: Keys) => ChannelFront;
  },
): ChannelSimulator {
  const mountPath = options.mountPath ?? `/sim/${channel}`;
  const engine = new SimulatedChannel(channel, {
    clock: options.clock,
    deliver: options.deliver,
    format: protocol.format(options.keys, options.clock),
    idPrefix: protocol.idPrefix,
    newId: protocol.newId,
    timings: options.timings,
  });
  return {
    channel,
    engine,
    mountPath,
    handle: createSimulatorHandler(engine, protocol.front(engine, options.keys), mountPath),
  };
}
