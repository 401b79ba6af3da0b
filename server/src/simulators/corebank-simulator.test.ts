import { randomBytes } from 'node:crypto';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/harness.js';
import {
  createFetchTransport,
  createInProcessTransport,
  NotificationRejected,
} from '../adapters/channels/index.js';
import type {
  PayoutInstruction,
  PayoutNotification,
} from '../adapters/corebank/corebank-client.js';
import { createCoreBankClient } from '../adapters/corebank/corebank-http-client.js';
import { ManualClock } from '../platform/clock.js';
import { Secret } from '../platform/crypto/secret.js';
import { createCoreBankSimulator } from './corebank/corebank-simulator.js';
import { coreBankRetryDelaysMs, simulatedPayeeAccount } from './corebank/simulated-core-bank.js';
import { createSimulators } from './create-simulators.js';
import { createSimulatorKeys, simulatorCoreBankSettings } from './simulator-keys.js';
import { simulatorRoutes } from './simulator-routes.js';

const keys = { clientId: 'sharefin-payouts', secret: randomBytes(32).toString('hex') };
const notifyUrl = 'http://sharefin.test/api/v1/corebank/notifications';
let sequence = 0;

function instruction(overrides: Partial<PayoutInstruction> = {}): PayoutInstruction {
  sequence += 1;
  return {
    instructionId: `pyo_test${Date.now().toString(36)}${sequence}`,
    purpose: 'settlement',
    amountFen: 88_800,
    payeeAccountNumber: '6217000000123456789',
    payeeName: '李四',
    payeeBankCode: '313',
    memo: '结算款',
    mode: 'sync',
    notifyUrl,
    ...overrides,
  };
}

type Received = { notification: PayoutNotification } | { rejected: NotificationRejected };

/**
 * The simulator and the client in one process: the client calls through the in-process
 * transport, and each notification goes into the client's verifyNotification, whose
 * acknowledge() answers the simulator, as the payouts module's route does.
 */
function coreBankRig(options: { timeoutMs?: number } = {}) {
  const clock = new ManualClock();
  const received: Received[] = [];
  const rig = {
    clock,
    received,
    /** Whether the platform accepts the next verified notification. */
    accept: (_notification: PayoutNotification) => true,
    notifications: () =>
      received.flatMap((entry) => ('notification' in entry ? [entry.notification] : [])),
    rejections: () => received.filter((entry) => 'rejected' in entry).length,
  };
  const simulator = createCoreBankSimulator({
    clock,
    keys,
    deliver: async (_url, message) => {
      try {
        const notification = client.verifyNotification({
          headers: message.headers,
          rawBody: message.body,
        });
        received.push({ notification });
        const ack = client.acknowledge(rig.accept(notification));
        return { statusCode: ack.statusCode, body: ack.body };
      } catch (error) {
        if (!(error instanceof NotificationRejected)) throw error;
        received.push({ rejected: error });
        const ack = client.acknowledge(false);
        return { statusCode: ack.statusCode, body: ack.body };
      }
    },
  });
  const client = createCoreBankClient({
    baseUrl: 'http://corebank.test/sim/corebank',
    clientId: keys.clientId,
    secret: new Secret(keys.secret),
    clock,
    transport: createInProcessTransport(simulator.handle, {
      timeoutMs: options.timeoutMs ?? 2_000,
    }),
  });
  // The same object the deliver above reads `accept` from, so a test can change it.
  return Object.assign(rig, { simulator, engine: simulator.engine, client });
}

describe('core bank payouts, synchronous', () => {
  it('books a sync payout in the call and notifies the same outcome', async () => {
    const rig = coreBankRig();
    const payout = instruction({ mode: 'sync', amountFen: 12_345 });
    const result = await rig.client.submit(payout);
    expect(result).toMatchObject({ status: 'succeeded', bookedAt: rig.clock.now() });
    expect(rig.engine.bookings(payout.instructionId)).toEqual({ count: 1, totalFen: 12_345 });
    await rig.engine.runDue();
    const [notification] = rig.notifications();
    expect(notification).toMatchObject({
      instructionId: payout.instructionId,
      amountFen: 12_345,
      status: 'succeeded',
    });
    if (result.status !== 'succeeded') throw new Error('unreachable');
    expect(notification?.gatewayReference).toBe(result.gatewayReference);
  });

  it('refuses a payout to a closed account and books nothing', async () => {
    const rig = coreBankRig();
    const payout = instruction({ payeeAccountNumber: simulatedPayeeAccount('account_closed') });
    expect(await rig.client.submit(payout)).toMatchObject({
      status: 'failed',
      failureCode: 'account_closed',
      failureMessage: '账户已销户',
    });
    expect(rig.engine.bookedTotals()).toEqual({ count: 0, totalFen: 0 });
  });

  it('refuses a payout whose name does not match the account and books nothing', async () => {
    const rig = coreBankRig();
    const payout = instruction({ payeeAccountNumber: simulatedPayeeAccount('name_mismatch') });
    expect(await rig.client.submit(payout)).toMatchObject({
      status: 'failed',
      failureCode: 'name_mismatch',
      failureMessage: '户名不符',
    });
    expect(await rig.client.query(payout.instructionId)).toMatchObject({
      status: 'failed',
      failureCode: 'name_mismatch',
    });
    expect(rig.engine.bookedTotals()).toEqual({ count: 0, totalFen: 0 });
  });
});

describe('core bank payouts, asynchronous', () => {
  it('accepts, books later, and delivers a signed notification the client verifies', async () => {
    const rig = coreBankRig();
    const payout = instruction({ mode: 'async', amountFen: 50_000 });
    const accepted = await rig.client.submit(payout);
    expect(accepted).toMatchObject({ status: 'accepted' });
    if (accepted.status !== 'accepted') throw new Error('unreachable');
    expect(await rig.client.query(payout.instructionId)).toEqual(accepted);
    await rig.engine.runDue();
    expect(rig.notifications()).toEqual([]);
    expect(rig.engine.bookings(payout.instructionId).count).toBe(0);

    rig.clock.advance(3_000);
    await rig.engine.runDue();
    expect(rig.notifications()).toEqual([
      expect.objectContaining({
        instructionId: payout.instructionId,
        gatewayReference: accepted.gatewayReference,
        amountFen: 50_000,
        status: 'succeeded',
      }),
    ]);
    expect(rig.engine.pendingNotifications()).toBe(0);
    expect(rig.engine.bookings(payout.instructionId)).toEqual({ count: 1, totalFen: 50_000 });
    expect(await rig.client.query(payout.instructionId)).toMatchObject({
      status: 'succeeded',
      gatewayReference: accepted.gatewayReference,
    });
  });

  it('retries an unacknowledged notification on its plan until the platform answers 200', async () => {
    const rig = coreBankRig();
    let answers = 0;
    rig.accept = () => {
      answers += 1;
      return answers >= 3;
    };
    const payout = instruction({ mode: 'async' });
    await rig.client.submit(payout);
    rig.clock.advance(3_000);
    await rig.engine.runDue();
    for (const delay of coreBankRetryDelaysMs.slice(0, 2)) {
      rig.clock.advance(delay - 1);
      await rig.engine.runDue();
      rig.clock.advance(1);
      await rig.engine.runDue();
    }
    const attempts = rig.engine.deliveries().map((delivery) => delivery.statusCode);
    expect(attempts).toEqual([500, 500, 200]);
    expect(rig.engine.pendingNotifications()).toBe(0);
    rig.clock.advance(24 * 3_600_000);
    await rig.engine.runDue();
    expect(rig.engine.deliveries()).toHaveLength(3);
    expect(rig.engine.bookings(payout.instructionId).count).toBe(1);
  });

  it('accepts a payout to a closed account, then notifies the failure', async () => {
    const rig = coreBankRig();
    const payout = instruction({
      mode: 'async',
      payeeAccountNumber: simulatedPayeeAccount('account_closed'),
    });
    expect(await rig.client.submit(payout)).toMatchObject({ status: 'accepted' });
    rig.clock.advance(3_000);
    await rig.engine.runDue();
    expect(rig.notifications()).toEqual([
      expect.objectContaining({
        instructionId: payout.instructionId,
        status: 'failed',
        failureCode: 'account_closed',
        failureMessage: '账户已销户',
      }),
    ]);
    expect(rig.engine.bookedTotals()).toEqual({ count: 0, totalFen: 0 });
  });

  it('sends a duplicated notification twice with one deduplication key', async () => {
    const rig = coreBankRig();
    const payout = instruction({
      mode: 'async',
      payeeAccountNumber: simulatedPayeeAccount('duplicate_notification'),
    });
    await rig.client.submit(payout);
    rig.clock.advance(3_000);
    await rig.engine.runDue();
    const [first, second] = rig.notifications();
    expect(rig.notifications()).toHaveLength(2);
    expect(second?.dedupKey).toBe(first?.dedupKey);
    expect(rig.engine.bookings(payout.instructionId)).toEqual({ count: 1, totalFen: 88_800 });
  });
});

describe('core bank idempotency', () => {
  it('never books the same instruction id twice, however often it is submitted', async () => {
    const rig = coreBankRig();
    const sync = instruction({ mode: 'sync', amountFen: 10_000 });
    const answers = [
      await rig.client.submit(sync),
      await rig.client.submit(sync),
      await rig.client.submit({ ...sync, memo: '重发' }),
    ];
    const references = answers.map((answer) =>
      answer.status === 'succeeded' ? answer.gatewayReference : answer.status,
    );
    expect(new Set(references).size).toBe(1);
    expect(references[0]).toMatch(/^CBS/);

    const async = instruction({ mode: 'async', amountFen: 20_000 });
    await rig.client.submit(async);
    await rig.client.submit(async);
    rig.clock.advance(3_000);
    await rig.engine.runDue();
    expect(await rig.client.submit(async)).toMatchObject({ status: 'succeeded' });

    expect(rig.engine.bookings(sync.instructionId)).toEqual({ count: 1, totalFen: 10_000 });
    expect(rig.engine.bookings(async.instructionId)).toEqual({ count: 1, totalFen: 20_000 });
    expect(rig.engine.bookedTotals()).toEqual({ count: 2, totalFen: 30_000 });
  });

  it('refuses the same id for another amount or payee, and pays nothing more', async () => {
    const rig = coreBankRig();
    const payout = instruction({ amountFen: 10_000 });
    await rig.client.submit(payout);
    expect(await rig.client.submit({ ...payout, amountFen: 99_999 })).toEqual({
      status: 'unknown',
      reason: 'INSTRUCTION_CONFLICT',
    });
    expect(
      await rig.client.submit({ ...payout, payeeAccountNumber: '6217000000999999999' }),
    ).toMatchObject({ status: 'unknown' });
    expect(rig.engine.bookedTotals()).toEqual({ count: 1, totalFen: 10_000 });
  });

  it('refuses an invalid instruction before booking: a failure, not an unknown', async () => {
    const rig = coreBankRig();
    const payout = instruction({ payeeAccountNumber: '6217-0000' });
    expect(await rig.client.submit(payout)).toMatchObject({
      status: 'failed',
      failureCode: 'rejected',
    });
    expect(await rig.client.query(payout.instructionId)).toEqual({
      status: 'unknown',
      reason: 'instruction_not_found',
    });
  });
});

describe('core bank timeouts and faults', () => {
  it('books a payout whose answer is lost: the client says unknown, a later query finds it', async () => {
    const rig = coreBankRig({ timeoutMs: 200 });
    const payout = instruction({
      mode: 'sync',
      amountFen: 7_700,
      payeeAccountNumber: simulatedPayeeAccount('timeout'),
    });
    expect(await rig.client.submit(payout)).toEqual({ status: 'unknown', reason: 'timeout' });
    expect(rig.engine.bookings(payout.instructionId)).toEqual({ count: 1, totalFen: 7_700 });
    expect(await rig.client.query(payout.instructionId)).toMatchObject({ status: 'succeeded' });
    // Submitting again answers the booking instead of paying again.
    expect(await rig.client.submit(payout)).toMatchObject({ status: 'succeeded' });
    expect(rig.engine.bookedTotals()).toEqual({ count: 1, totalFen: 7_700 });
  });

  it('hangs on the timeout switch after booking, and a system error books nothing', async () => {
    const rig = coreBankRig({ timeoutMs: 200 });
    rig.engine.setFaults({ timeouts: 1 });
    const hung = instruction({ mode: 'sync', amountFen: 300 });
    expect(await rig.client.submit(hung)).toEqual({ status: 'unknown', reason: 'timeout' });
    expect(await rig.client.query(hung.instructionId)).toMatchObject({ status: 'succeeded' });

    rig.engine.setFaults({ systemErrors: 1 });
    const busy = instruction({ mode: 'sync', amountFen: 400 });
    expect(await rig.client.submit(busy)).toEqual({ status: 'unknown', reason: 'http_503' });
    expect(await rig.client.query(busy.instructionId)).toEqual({
      status: 'unknown',
      reason: 'instruction_not_found',
    });
    expect(await rig.client.submit(busy)).toMatchObject({ status: 'succeeded' });
    expect(rig.engine.bookedTotals()).toEqual({ count: 2, totalFen: 700 });
  });

  it('says unknown to a forged answer even though the payout was booked', async () => {
    const rig = coreBankRig();
    rig.engine.setFaults({ badResponseSignatures: 1 });
    const payout = instruction({ mode: 'sync' });
    expect(await rig.client.submit(payout)).toEqual({
      status: 'unknown',
      reason: 'bad_response_signature',
    });
    expect(await rig.client.query(payout.instructionId)).toMatchObject({ status: 'succeeded' });
  });

  it('rejects a forged and a tampered notification; the genuine retry is accepted', async () => {
    const rig = coreBankRig();
    rig.engine.setFaults({ badNotificationSignatures: 1, tamperedNotificationAmounts: 1 });
    const forged = instruction({ mode: 'async', amountFen: 1_000 });
    await rig.client.submit(forged);
    rig.clock.advance(3_000);
    await rig.engine.runDue();
    // Both spoilers land on the first notification; reset the switch for the second payout.
    rig.engine.setFaults({ tamperedNotificationAmounts: 1 });
    const tampered = instruction({ mode: 'async', amountFen: 2_000 });
    await rig.client.submit(tampered);
    rig.clock.advance(3_000);
    await rig.engine.runDue();
    expect(rig.rejections()).toBe(2);
    expect(rig.notifications()).toEqual([]);

    rig.clock.advance(coreBankRetryDelaysMs[0]);
    await rig.engine.runDue();
    expect(rig.rejections()).toBe(2);
    expect(
      rig
        .notifications()
        .map((n) => [n.instructionId, n.amountFen])
        .sort(),
    ).toEqual(
      [
        [forged.instructionId, 1_000],
        [tampered.instructionId, 2_000],
      ].sort(),
    );
    expect(rig.engine.bookedTotals()).toEqual({ count: 2, totalFen: 3_000 });
  });

  it('serves its fault switch and refuses requests that are not signed by the platform', async () => {
    const rig = coreBankRig();
    const set = await rig.simulator.handle({
      method: 'POST',
      path: '/sim/corebank/faults',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ systemErrors: 2 }),
      signal: new AbortController().signal,
    });
    expect(JSON.parse(set.body)).toMatchObject({ systemErrors: 2 });
    const unsigned = await rig.simulator.handle({
      method: 'GET',
      path: '/sim/corebank/payouts/pyo_x',
      headers: {},
      body: '',
      signal: new AbortController().signal,
    });
    // The first of the two system errors is used up by this unsigned call.
    expect(unsigned.status).toBe(503);
    rig.engine.setFaults({ reset: true });
    const refused = await rig.simulator.handle({
      method: 'GET',
      path: '/sim/corebank/payouts/pyo_x',
      headers: {},
      body: '',
      signal: new AbortController().signal,
    });
    expect(refused.status).toBe(401);
  });
});

describe('the core bank among the simulators', () => {
  it('is mounted under /sim/corebank beside the channels, reachable over HTTP, and run with them', async () => {
    const clock = new ManualClock();
    const simulatorKeys = createSimulatorKeys();
    const delivered: string[] = [];
    const simulators = createSimulators({
      clock,
      keys: simulatorKeys,
      deliver: async (url) => {
        delivered.push(url);
        return { statusCode: 200, body: '' };
      },
    });
    const app = Fastify();
    await app.register(simulatorRoutes({ simulators }));
    const origin = await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const client = createCoreBankClient({
        ...simulatorCoreBankSettings(simulatorKeys, { origin }),
        clock,
        transport: createFetchTransport({ timeoutMs: 2_000 }),
      });
      const payout = instruction({ mode: 'async', amountFen: 4_200 });
      expect(await client.submit(payout)).toMatchObject({ status: 'accepted' });
      clock.advance(3_000);
      expect(await simulators.runDue()).toBe(1);
      expect(delivered).toEqual([notifyUrl]);
      expect(simulators.corebank.engine.bookings(payout.instructionId)).toEqual({
        count: 1,
        totalFen: 4_200,
      });
      expect(await client.query(payout.instructionId)).toMatchObject({ status: 'succeeded' });
    } finally {
      await app.close();
    }
  });
});

describe('the core bank in the built app', () => {
  it('gives the app a client wired to the in-process simulator, notifying the payouts route', async () => {
    const testApp = await createTestApp();
    try {
      const payout = instruction({
        mode: 'sync',
        amountFen: 6_600,
        notifyUrl: `${testApp.config.publicUrl}/api/v1/corebank/notifications`,
      });
      expect(await testApp.coreBank.submit(payout)).toMatchObject({ status: 'succeeded' });
      const engine = testApp.simulators.corebank.engine;
      expect(engine.bookings(payout.instructionId)).toEqual({ count: 1, totalFen: 6_600 });
      await testApp.simulators.runDue();
      const [delivery] = engine.deliveries();
      expect(delivery?.url).toBe(payout.notifyUrl);
      // The notification reached the app's own route (which refuses it: no such payout).
      expect(delivery?.statusCode).not.toBeNull();
      expect(delivery?.statusCode).not.toBe(404);
    } finally {
      await testApp.close();
    }
  });
});
