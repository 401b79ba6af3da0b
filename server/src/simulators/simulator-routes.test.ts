import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChannelClients, createFetchTransport } from '../adapters/channels/index.js';
import { ManualClock } from '../platform/clock.js';
import { createSimulators } from './create-simulators.js';
import { createSimulatorKeys, simulatorClientSettings } from './simulator-keys.js';
import { simulatorRoutes } from './simulator-routes.js';

const keys = createSimulatorKeys();
const clock = new ManualClock();
const simulators = createSimulators({ clock, keys });
const app = Fastify();
let origin = '';

beforeAll(async () => {
  await app.register(simulatorRoutes({ simulators }));
  origin = await app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(() => app.close());

describe('simulators mounted over HTTP', () => {
  it('serves every channel under /sim/<channel> to clients using fetch', async () => {
    const clients = createChannelClients(
      simulatorClientSettings(keys, {
        origin,
        transport: createFetchTransport({ timeoutMs: 2_000 }),
        clock,
      }),
    );
    const created = await clients.alipay.createOrder({
      outTradeNo: 'pay_http_1',
      amountFen: 1999,
      channelMerchantId: '2088000000000201',
      description: 'HTTP',
      payerRef: '2088102146225135',
      notifyUrl: `${origin}/notify`,
    });
    if (!('prepayId' in created)) throw new Error(created.reason);
    expect(created.walletUrl).toBe(`${origin}/sim/alipay/wallet/orders/${created.prepayId}`);
    const wallet = await fetch(created.walletUrl).then((r) => r.json());
    expect(wallet).toMatchObject({ amountFen: 1999, status: 'created' });
    const confirmed = await fetch(`${origin}/sim/alipay/wallet/confirm`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ prepayId: created.prepayId, payerRef: '2088102146225135' }),
    });
    expect(confirmed.status).toBe(200);
    expect((await clients.alipay.query('pay_http_1', '2088000000000201')).status).toBe('succeeded');
    for (const channel of ['wechat', 'unionpay', 'bankapp', 'card'] as const) {
      expect(await clients[channel].query('pay_none', 'M1')).toMatchObject({ status: 'unknown' });
    }
  });

  it('sets faults over HTTP, and a hang past the fetch timeout is unknown', async () => {
    const faults = await fetch(`${origin}/sim/wechat/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ timeouts: 1, hangMs: 2_000 }),
    });
    expect(faults.status).toBe(200);
    const clients = createChannelClients(
      simulatorClientSettings(keys, {
        origin,
        transport: createFetchTransport({ timeoutMs: 100 }),
        clock,
      }),
    );
    expect(await clients.wechat.query('pay_any', '1900000201')).toEqual({
      status: 'unknown',
      reason: 'timeout',
    });
  });

  it('answers unknown when the channel cannot be reached at all', async () => {
    const clients = createChannelClients(
      simulatorClientSettings(keys, {
        origin: 'http://127.0.0.1:9',
        transport: createFetchTransport({ timeoutMs: 500 }),
        clock,
      }),
    );
    expect(await clients.bankapp.query('pay_any', 'BM1')).toMatchObject({ status: 'unknown' });
  });
});
