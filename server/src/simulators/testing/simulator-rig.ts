import {
  type ChannelClient,
  type ChannelNotification,
  createChannelClients,
  createInProcessTransport,
  NotificationRejected,
} from '../../adapters/channels/index.js';
import type { Channel } from '../../modules/payments/tables.js';
import { ManualClock } from '../../platform/clock.js';
import { createSimulators, type SimulatorSet } from '../create-simulators.js';
import { type SimulatorKeys, simulatorClientSettings } from '../simulator-keys.js';

export type Received =
  | { channel: Channel; notification: ChannelNotification; at: Date }
  | { channel: Channel; rejected: NotificationRejected; at: Date };

/**
 * Simulators and clients wired together in one process for tests: the clients reach the
 * simulators through the in-process transport, and notifications go straight into the
 * matching client's verifyNotification, whose acknowledge() answers the simulator.
 */
export type SimulatorRig = {
  clock: ManualClock;
  simulators: SimulatorSet;
  clients: Record<Channel, ChannelClient>;
  received: Received[];
  notifyUrl(channel: Channel): string;
  /** Decides the ack of each verified notification (accept by default). */
  accept: (notification: ChannelNotification) => boolean;
  confirmWallet(
    channel: Channel,
    prepayId: string,
    payerRef: string,
  ): Promise<{ status: number; body: unknown }>;
  setFaults(
    channel: Channel,
    patch: Record<string, unknown>,
  ): Promise<{ status: number; body: unknown }>;
};

export function createSimulatorRig(
  keys: SimulatorKeys,
  options: { timeoutMs?: number } = {},
): SimulatorRig {
  const clock = new ManualClock();
  const simulators = createSimulators({
    clock,
    keys,
    deliver: async () => ({ statusCode: 599, body: '' }),
  });
  const transport = createInProcessTransport(simulators.handle, {
    timeoutMs: options.timeoutMs ?? 2_000,
  });
  const clients = createChannelClients(
    simulatorClientSettings(keys, { origin: 'http://sharefin.test', transport, clock }),
  );
  const received: Received[] = [];

  const call = async (method: 'GET' | 'POST', path: string, value: unknown) => {
    const answer = await simulators.handle({
      method,
      path,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(value),
      signal: new AbortController().signal,
    });
    return { status: answer.status, body: JSON.parse(answer.body) as unknown };
  };

  const rig: SimulatorRig = {
    clock,
    simulators,
    clients,
    received,
    notifyUrl: (channel) => `http://sharefin.test/api/v1/channel-notifications/${channel}`,
    accept: () => true,
    confirmWallet: (channel, prepayId, payerRef) =>
      call('POST', `/sim/${channel}/wallet/confirm`, { prepayId, payerRef }),
    setFaults: (channel, patch) => call('POST', `/sim/${channel}/faults`, patch),
  };

  simulators.setDeliver(async (url, message) => {
    const channel = new URL(url).pathname.split('/').pop() as Channel;
    const client = clients[channel];
    try {
      const notification = client.verifyNotification({
        headers: message.headers,
        rawBody: message.body,
      });
      received.push({ channel, notification, at: clock.now() });
      const ack = client.acknowledge(rig.accept(notification));
      return { statusCode: ack.statusCode, body: ack.body };
    } catch (error) {
      if (!(error instanceof NotificationRejected)) throw error;
      received.push({ channel, rejected: error, at: clock.now() });
      const ack = client.acknowledge(false);
      return { statusCode: ack.statusCode, body: ack.body };
    }
  });
  return rig;
}

export function notificationsOf(received: Received[]): ChannelNotification[] {
  return received.flatMap((entry) => ('notification' in entry ? [entry.notification] : []));
}
