import { describe, expect, it } from 'vitest';
import type { ChannelClient } from '../adapters/channels/index.js';
import { createSimulatorKeys } from './simulator-keys.js';
import { createSimulatorRig, notificationsOf } from './testing/simulator-rig.js';

const keys = createSimulatorKeys();
const merchants = {
  wechat: '1900000201',
  alipay: '2088000000000201',
  unionpay: '898440148160201',
  bankapp: 'BM0201',
};
type WalletChannel = keyof typeof merchants;
const walletChannels = Object.keys(merchants) as WalletChannel[];
let sequence = 0;
const nextSequence = () => {
  sequence += 1;
  return sequence;
};
const nextNo = (prefix: string) => `${prefix}${Date.now().toString(36)}${nextSequence()}`;

async function paidOrder(
  rig: ReturnType<typeof createSimulatorRig>,
  channel: WalletChannel,
  amountFen = 1234,
) {
  const client = rig.clients[channel];
  const outTradeNo = nextNo('pay');
  const created = await client.createOrder({
    outTradeNo,
    amountFen,
    channelMerchantId: merchants[channel],
    description: '测试商品',
    payerRef: 'payer-open-id',
    notifyUrl: rig.notifyUrl(channel),
  });
  if (!('prepayId' in created)) throw new Error(`createOrder failed: ${created.reason}`);
  const confirmed = await rig.confirmWallet(channel, created.prepayId, 'payer-open-id');
  expect(confirmed.status).toBe(200);
  return { client, outTradeNo, created };
}

describe.each(walletChannels)('%s wallet payments', (channel) => {
  it('delivers a verified payment notification after the wallet confirms', async () => {
    const rig = createSimulatorRig(keys);
    const { client, outTradeNo, created } = await paidOrder(rig, channel, 1234);
    expect(created.walletUrl).toContain(`/sim/${channel}/wallet/orders/`);
    await rig.simulators.runDue();
    const [notification] = notificationsOf(rig.received);
    const queried = await client.query(outTradeNo, merchants[channel]);
    expect(queried.status).toBe('succeeded');
    expect(notification).toMatchObject({
      kind: 'payment',
      outTradeNo,
      channelMerchantId: merchants[channel],
      amountFen: 1234,
      status: 'succeeded',
    });
    if (queried.status !== 'succeeded' || notification?.kind !== 'payment')
      throw new Error('unreachable');
    expect(notification.channelTransactionId).toBe(queried.channelTransactionId);
    // Acknowledged: nothing is left to retry.
    expect(rig.simulators[channel].engine.pendingNotifications()).toBe(0);
  });

  it('answers pending for an unpaid order and closed once closed; a paid order cannot be closed', async () => {
    const rig = createSimulatorRig(keys);
    const client: ChannelClient = rig.clients[channel];
    const outTradeNo = nextNo('pay');
    await client.createOrder({
      outTradeNo,
      amountFen: 500,
      channelMerchantId: merchants[channel],
      description: '未付',
      payerRef: 'p1',
      notifyUrl: rig.notifyUrl(channel),
    });
    expect(await client.query(outTradeNo, merchants[channel])).toEqual({ status: 'pending' });
    expect(await client.close(outTradeNo, merchants[channel])).toEqual({ closed: true });
    expect(await client.query(outTradeNo, merchants[channel])).toEqual({ status: 'closed' });

    const paid = await paidOrder(rig, channel);
    expect(await client.close(paid.outTradeNo, merchants[channel])).toEqual({
      closed: false,
      reason: 'paid',
    });
  });

  it('reverses a paid order, which then reads as closed', async () => {
    const rig = createSimulatorRig(keys);
    const { client, outTradeNo } = await paidOrder(rig, channel);
    expect(await client.reverse(outTradeNo, merchants[channel])).toEqual({ reversed: true });
    expect(await client.query(outTradeNo, merchants[channel])).toEqual({ status: 'closed' });
  });

  it('accepts a refund, then reports it succeeded by notification and query', async () => {
    const rig = createSimulatorRig(keys);
    const { client, outTradeNo } = await paidOrder(rig, channel, 1000);
    const queried = await client.query(outTradeNo, merchants[channel]);
    const request = {
      outTradeNo,
      channelMerchantId: merchants[channel],
      outRefundNo: nextNo('rfd'),
      refundFen: 300,
      totalFen: 1000,
      channelTransactionId: queried.status === 'succeeded' ? queried.channelTransactionId : null,
      reason: '退货',
      notifyUrl: rig.notifyUrl(channel),
    };
    const accepted = await client.refund(request);
    expect(accepted.status).toBe('pending');
    expect(
      (await client.queryRefund(request.outRefundNo, outTradeNo, merchants[channel])).status,
    ).toBe('pending');
    // A retry with the same refund number is the same refund, not a second one.
    expect((await client.refund(request)).status).toBe('pending');
    rig.clock.advance(3_000);
    await rig.simulators.runDue();
    expect(
      (await client.queryRefund(request.outRefundNo, outTradeNo, merchants[channel])).status,
    ).toBe('succeeded');
    const refundNotes = notificationsOf(rig.received).filter((n) => n.kind === 'refund');
    expect(refundNotes).toHaveLength(1);
    expect(refundNotes[0]).toMatchObject({
      outTradeNo,
      outRefundNo: request.outRefundNo,
      refundFen: 300,
      status: 'succeeded',
    });
    // More than what is left is refused.
    const tooMuch = await client.refund({ ...request, outRefundNo: nextNo('rfd'), refundFen: 701 });
    expect(tooMuch.status).toBe('failed');
  });

  it('reports a refund the channel fails as failed', async () => {
    const rig = createSimulatorRig(keys);
    const { client, outTradeNo } = await paidOrder(rig, channel, 1000);
    rig.simulators.setFaults(channel, { failNextRefunds: 1 });
    const outRefundNo = nextNo('rfd');
    const accepted = await client.refund({
      outTradeNo,
      channelMerchantId: merchants[channel],
      outRefundNo,
      refundFen: 1000,
      totalFen: 1000,
      channelTransactionId: null,
      reason: null,
      notifyUrl: rig.notifyUrl(channel),
    });
    expect(accepted.status).toBe('pending');
    rig.clock.advance(3_000);
    await rig.simulators.runDue();
    expect((await client.queryRefund(outRefundNo, outTradeNo, merchants[channel])).status).toBe(
      'failed',
    );
  });
});

describe('card payments', () => {
  const merchantId = 'CM000001';

  it('authorises and captures with the host token, then refunds asynchronously', async () => {
    const rig = createSimulatorRig(keys);
    const card = rig.clients.card;
    const outTradeNo = nextNo('pay');
    const paid = await card.payWithCardToken!({
      outTradeNo,
      amountFen: 8800,
      channelMerchantId: merchantId,
      description: 'POS',
      cardToken: 'ctk_CRED7f3a9b2c',
      terminalId: 'T0000001',
    });
    expect(paid).toMatchObject({ status: 'succeeded', cardType: 'credit', cardBin: '625807' });
    if (paid.status !== 'succeeded') throw new Error('unreachable');
    expect(paid.cardLast4).toMatch(/^\d{4}$/);
    expect((await card.query(outTradeNo, merchantId)).status).toBe('succeeded');

    const outRefundNo = nextNo('rfd');
    const refund = await card.refund({
      outTradeNo,
      channelMerchantId: merchantId,
      outRefundNo,
      refundFen: 800,
      totalFen: 8800,
      channelTransactionId: paid.channelTransactionId,
      reason: null,
      notifyUrl: rig.notifyUrl('card'),
    });
    expect(refund.status).toBe('pending');
    rig.clock.advance(3_000);
    await rig.simulators.runDue();
    expect(notificationsOf(rig.received)).toEqual([
      expect.objectContaining({
        kind: 'refund',
        outTradeNo,
        outRefundNo,
        refundFen: 800,
        status: 'succeeded',
      }),
    ]);
  });

  it('reports a declined card as failed and voids on reverse', async () => {
    const rig = createSimulatorRig(keys);
    const card = rig.clients.card;
    const declined = await card.payWithCardToken!({
      outTradeNo: nextNo('pay'),
      amountFen: 100,
      channelMerchantId: merchantId,
      description: 'POS',
      cardToken: 'ctk_DECL00000001',
      terminalId: 'T0000001',
    });
    expect(declined).toMatchObject({ status: 'failed', failureCode: '51' });
    const outTradeNo = nextNo('pay');
    await card.payWithCardToken!({
      outTradeNo,
      amountFen: 100,
      channelMerchantId: merchantId,
      description: 'POS',
      cardToken: 'ctk_debit0000001',
      terminalId: 'T0000001',
    });
    expect(await card.reverse(outTradeNo, merchantId)).toEqual({ reversed: true });
    expect(await card.query(outTradeNo, merchantId)).toEqual({ status: 'closed' });
  });
});
