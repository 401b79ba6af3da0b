import { describe, expect, it } from 'vitest';
import { alipayRetryDelaysMs } from './alipay/alipay-simulator.js';
import { createSimulatorKeys } from './simulator-keys.js';
import { createSimulatorRig, type SimulatorRig } from './testing/simulator-rig.js';
import { wechatRetryDelaysMs } from './wechat/wechat-simulator.js';

const keys = createSimulatorKeys();

async function paidWechatOrder(rig: SimulatorRig, outTradeNo: string) {
  const created = await rig.clients.wechat.createOrder({
    outTradeNo,
    amountFen: 100,
    channelMerchantId: '1900000201',
    description: '重试',
    payerRef: 'o1',
    notifyUrl: rig.notifyUrl('wechat'),
  });
  if (!('prepayId' in created)) throw new Error(created.reason);
  await rig.confirmWallet('wechat', created.prepayId, 'o1');
}

/** Moves the clock to each planned retry, checking nothing goes out a second early. */
async function walk(rig: SimulatorRig, channel: 'wechat' | 'alipay', delays: readonly number[]) {
  await rig.simulators.runDue();
  for (const delay of delays) {
    const before = rig.simulators[channel].engine.deliveries().length;
    rig.clock.advance(delay - 1_000);
    await rig.simulators.runDue();
    expect(rig.simulators[channel].engine.deliveries()).toHaveLength(before);
    rig.clock.advance(1_000);
    await rig.simulators.runDue();
  }
}

describe('notification retries', () => {
  it('retries WeChat notifications at 15s, 15s, 30s, 3m, 10m, 20m, 30m, 30m, 30m, 60m, 3h, 3h, 3h, 6h, 6h, then stops', async () => {
    const rig = createSimulatorRig(keys);
    rig.accept = () => false;
    const start = rig.clock.now().getTime();
    await paidWechatOrder(rig, 'pay_retry_all');
    await walk(rig, 'wechat', wechatRetryDelaysMs);
    rig.clock.advance(48 * 3_600_000);
    await rig.simulators.runDue();
    const offsetsS = rig.simulators.wechat.engine
      .deliveries()
      .map((d) => (d.at.getTime() - start) / 1000);
    expect(offsetsS).toEqual([
      0, 15, 30, 60, 240, 840, 2040, 3840, 5640, 7440, 11040, 21840, 32640, 43440, 65040, 86640,
    ]);
    expect(rig.simulators.wechat.engine.pendingNotifications()).toBe(0);
  });

  it('stops retrying once the platform answers SUCCESS', async () => {
    const rig = createSimulatorRig(keys);
    let answers = 0;
    rig.accept = () => {
      answers += 1;
      return answers === 4;
    };
    await paidWechatOrder(rig, 'pay_retry_4');
    await walk(rig, 'wechat', wechatRetryDelaysMs.slice(0, 6));
    const attempts = rig.simulators.wechat.engine.deliveries();
    expect(attempts.map((d) => d.acknowledged)).toEqual([false, false, false, true]);
    expect(rig.received).toHaveLength(4);
    // Every retry carried the same dedup key.
    expect(
      new Set(rig.received.map((r) => ('notification' in r ? r.notification.dedupKey : ''))),
    ).toHaveProperty('size', 1);
  });

  it('tries an Alipay notification 8 times within 25 hours until it reads "success"', async () => {
    const rig = createSimulatorRig(keys);
    rig.accept = () => false;
    const start = rig.clock.now().getTime();
    const created = await rig.clients.alipay.createOrder({
      outTradeNo: 'pay_ali_retry',
      amountFen: 100,
      channelMerchantId: '2088000000000201',
      description: '重试',
      payerRef: '2088102146225135',
      notifyUrl: rig.notifyUrl('alipay'),
    });
    if (!('prepayId' in created)) throw new Error(created.reason);
    await rig.confirmWallet('alipay', created.prepayId, '2088102146225135');
    await walk(rig, 'alipay', alipayRetryDelaysMs);
    rig.clock.advance(48 * 3_600_000);
    await rig.simulators.runDue();
    const attempts = rig.simulators.alipay.engine.deliveries();
    expect(attempts).toHaveLength(8);
    const last = attempts.at(-1)!.at.getTime() - start;
    expect(last).toBeLessThan(25 * 3_600_000);
    expect(attempts.every((d) => d.statusCode === 200 && !d.acknowledged)).toBe(true);
  });
});
