import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createChannelClients, createInProcessTransport } from '../adapters/channels/index.js';
import { Secret } from '../platform/crypto/secret.js';
import { createSimulatorKeys, simulatorClientSettings } from './simulator-keys.js';
import { createSimulatorRig, notificationsOf, type SimulatorRig } from './testing/simulator-rig.js';

const keys = createSimulatorKeys();
const merchant = '1900000201';
let sequence = 0;
const nextSequence = () => {
  sequence += 1;
  return sequence;
};

async function createWechat(rig: SimulatorRig) {
  const outTradeNo = `pay_fault_${nextSequence()}`;
  const created = await rig.clients.wechat.createOrder({
    outTradeNo,
    amountFen: 1500,
    channelMerchantId: merchant,
    description: '故障',
    payerRef: 'o1',
    notifyUrl: rig.notifyUrl('wechat'),
  });
  return { outTradeNo, created };
}

async function paidWechat(rig: SimulatorRig) {
  const { outTradeNo, created } = await createWechat(rig);
  if (!('prepayId' in created)) throw new Error(created.reason);
  await rig.confirmWallet('wechat', created.prepayId, 'o1');
  return outTradeNo;
}

describe('simulator faults', () => {
  it('turns a hanging call into unknown; the work was done, so a query then finds it paid', async () => {
    const rig = createSimulatorRig(keys, { timeoutMs: 50 });
    expect((await rig.setFaults('wechat', { timeouts: 1, hangMs: 5_000 })).status).toBe(200);
    const result = await rig.clients.wechat.payWithAuthCode({
      outTradeNo: 'pay_timeout_1',
      amountFen: 100,
      channelMerchantId: merchant,
      description: '超时',
      authCode: '134567890123451234',
    });
    expect(result).toEqual({ status: 'unknown', reason: 'timeout' });
    expect((await rig.clients.wechat.query('pay_timeout_1', merchant)).status).toBe('succeeded');
  });

  it('answers unknown to a system error and to latency past the timeout, never success', async () => {
    const rig = createSimulatorRig(keys, { timeoutMs: 50 });
    rig.simulators.setFaults('alipay', { systemErrors: 1 });
    const order = {
      amountFen: 100,
      channelMerchantId: '2088000000000201',
      description: 'x',
      authCode: '28776655443322123456',
    };
    expect(
      (await rig.clients.alipay.payWithAuthCode({ ...order, outTradeNo: 'pay_se_1' })).status,
    ).toBe('unknown');
    expect((await rig.clients.alipay.query('pay_se_1', order.channelMerchantId)).status).toBe(
      'unknown',
    );
    rig.simulators.setFaults('alipay', { latencyMs: 500 });
    expect(await rig.clients.alipay.payWithAuthCode({ ...order, outTradeNo: 'pay_lat_1' })).toEqual(
      {
        status: 'unknown',
        reason: 'timeout',
      },
    );
  });

  it('answers unknown when a response signature does not verify', async () => {
    const rig = createSimulatorRig(keys);
    for (const channel of ['wechat', 'alipay', 'unionpay', 'bankapp', 'card'] as const) {
      rig.simulators.setFaults(channel, { badResponseSignatures: 1 });
      expect(await rig.clients[channel].query('pay_nothing', 'M1')).toEqual({
        status: 'unknown',
        reason: 'bad_response_signature',
      });
    }
  });

  it('sends duplicated notifications with one dedup key', async () => {
    const rig = createSimulatorRig(keys);
    rig.simulators.setFaults('wechat', { duplicateNotifications: 3 });
    await paidWechat(rig);
    await rig.simulators.runDue();
    const received = notificationsOf(rig.received);
    expect(received).toHaveLength(3);
    expect(new Set(received.map((n) => n.dedupKey)).size).toBe(1);
  });

  it('delivers a refund notification before its payment notification when reordered', async () => {
    const rig = createSimulatorRig(keys);
    rig.simulators.setFaults('wechat', { reorderNotifications: true });
    // The payment notification waits (no runDue) until the refund's is due too.
    const outTradeNo = await paidWechat(rig);
    const refund = await rig.clients.wechat.refund({
      outTradeNo,
      channelMerchantId: merchant,
      outRefundNo: 'rfd_reorder_1',
      refundFen: 500,
      totalFen: 1500,
      channelTransactionId: null,
      reason: null,
      notifyUrl: rig.notifyUrl('wechat'),
    });
    expect(refund.status).toBe('pending');
    rig.clock.advance(3_000);
    await rig.simulators.runDue();
    expect(notificationsOf(rig.received).map((n) => n.kind)).toEqual(['refund', 'payment']);
  });

  it('settles refunds and delivers notifications at once in instant mode', async () => {
    const rig = createSimulatorRig(keys);
    rig.simulators.setFaults('wechat', { instant: true });
    const outTradeNo = await paidWechat(rig);
    const refund = await rig.clients.wechat.refund({
      outTradeNo,
      channelMerchantId: merchant,
      outRefundNo: 'rfd_instant_1',
      refundFen: 1500,
      totalFen: 1500,
      channelTransactionId: null,
      reason: null,
      notifyUrl: rig.notifyUrl('wechat'),
    });
    expect(refund.status).toBe('succeeded');
    await rig.simulators.runDue();
    expect(notificationsOf(rig.received).map((n) => n.kind)).toEqual(['payment', 'refund']);
  });

  it.each(['wechat', 'alipay', 'unionpay', 'bankapp'] as const)(
    'rejects a %s notification with a wrong signature or a tampered amount, and takes the honest retry',
    async (channel) => {
      const rig = createSimulatorRig(keys);
      const merchantId = {
        wechat: merchant,
        alipay: '2088000000000201',
        unionpay: '898440148160201',
        bankapp: 'BM1',
      }[channel];
      for (const fault of ['badNotificationSignatures', 'tamperedNotificationAmounts'] as const) {
        rig.received.length = 0;
        rig.simulators.setFaults(channel, { [fault]: 1 });
        const created = await rig.clients[channel].createOrder({
          outTradeNo: `pay_${fault.slice(0, 8)}_${nextSequence()}`,
          amountFen: 1500,
          channelMerchantId: merchantId,
          description: 'x',
          payerRef: 'o1',
          notifyUrl: rig.notifyUrl(channel),
        });
        if (!('prepayId' in created)) throw new Error(created.reason);
        await rig.confirmWallet(channel, created.prepayId, 'o1');
        await rig.simulators.runDue();
        expect(rig.received).toHaveLength(1);
        expect(rig.received[0]).toHaveProperty('rejected.name', 'NotificationRejected');
        rig.clock.advance(24 * 3_600_000);
        await rig.simulators.runDue();
        expect(notificationsOf(rig.received)).toEqual([
          expect.objectContaining({ amountFen: 1500 }),
        ]);
      }
    },
  );

  it('refuses a request signed with the wrong key, like the channel', async () => {
    const rig = createSimulatorRig(keys);
    const { privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    const settings = simulatorClientSettings(keys, {
      origin: 'http://sharefin.test',
      transport: createInProcessTransport(rig.simulators.handle),
      clock: rig.clock,
    });
    const impostor = createChannelClients({
      ...settings,
      wechat: { ...settings.wechat, merchantPrivateKey: new Secret(privateKey) },
    });
    expect(await impostor.wechat.query('pay_1', merchant)).toEqual({
      status: 'unknown',
      reason: 'SIGN_ERROR',
    });
  });

  it('validates fault settings posted over HTTP', async () => {
    const rig = createSimulatorRig(keys);
    expect((await rig.setFaults('card', { timeouts: -1 })).status).toBe(400);
    expect((await rig.setFaults('card', { nonsense: true })).status).toBe(400);
    const set = await rig.setFaults('card', { latencyMs: 20 });
    expect(set.body).toMatchObject({ latencyMs: 20, timeouts: 0 });
    expect((await rig.setFaults('card', { reset: true })).body).toMatchObject({ latencyMs: 0 });
  });
});
