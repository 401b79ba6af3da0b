import { describe, expect, it } from 'vitest';
import { createSimulatorKeys } from './simulator-keys.js';
import { createSimulatorRig } from './testing/simulator-rig.js';

const keys = createSimulatorKeys();
const cases = [
  { channel: 'wechat', merchant: '1900000201', code: (end: string) => `13456789012345${end}` },
  {
    channel: 'alipay',
    merchant: '2088000000000201',
    code: (end: string) => `28776655443322${end}`,
  },
  {
    channel: 'unionpay',
    merchant: '898440148160201',
    code: (end: string) => `622345678901234${end}`,
  },
] as const;
let sequence = 0;
const nextSequence = () => {
  sequence += 1;
  return sequence;
};

describe.each(cases)('$channel payment codes', ({ channel, merchant, code }) => {
  const pay = (rig: ReturnType<typeof createSimulatorRig>, authCode: string) => {
    const outTradeNo = `pay_code_${channel}_${nextSequence()}`;
    return {
      outTradeNo,
      result: rig.clients[channel].payWithAuthCode({
        outTradeNo,
        amountFen: 2500,
        channelMerchantId: merchant,
        description: '付款码',
        authCode,
      }),
    };
  };

  it('pays at once for an ordinary code', async () => {
    const rig = createSimulatorRig(keys);
    const { outTradeNo, result } = pay(rig, code('1234'));
    expect((await result).status).toBe('succeeded');
    expect((await rig.clients[channel].query(outTradeNo, merchant)).status).toBe('succeeded');
  });

  it('is pending while the payer enters a password (…0000), then paid', async () => {
    const rig = createSimulatorRig(keys);
    const { outTradeNo, result } = pay(rig, code('0000'));
    expect(await result).toEqual({ status: 'pending' });
    expect(await rig.clients[channel].query(outTradeNo, merchant)).toEqual({ status: 'pending' });
    rig.clock.advance(5_000);
    expect((await rig.clients[channel].query(outTradeNo, merchant)).status).toBe('succeeded');
  });

  it('can be reversed while the payer has not confirmed, and then never pays', async () => {
    const rig = createSimulatorRig(keys);
    const { outTradeNo, result } = pay(rig, code('0000'));
    await result;
    rig.clock.advance(3_000);
    expect(await rig.clients[channel].reverse(outTradeNo, merchant)).toEqual({ reversed: true });
    rig.clock.advance(30_000);
    expect(await rig.clients[channel].query(outTradeNo, merchant)).toEqual({ status: 'closed' });
  });

  it('fails for insufficient balance (…9999), an expired code (…8888) and a code of the wrong format', async () => {
    const rig = createSimulatorRig(keys);
    expect((await pay(rig, code('9999')).result).status).toBe('failed');
    expect((await pay(rig, code('8888')).result).status).toBe('failed');
    expect((await pay(rig, '991234567890123456').result).status).toBe('failed');
  });
});
