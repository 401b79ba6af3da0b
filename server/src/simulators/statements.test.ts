import { describe, expect, it } from 'vitest';
import type { StatementLine } from '../modules/reconciliation/statement-line.js';
import { statementReaders } from '../modules/reconciliation/statements/index.js';
import { createSimulatorKeys } from './simulator-keys.js';
import { createSimulatorRig, type SimulatorRig } from './testing/simulator-rig.js';

const keys = createSimulatorKeys();
const merchants = {
  wechat: '1900000201',
  alipay: '2088000000000201',
  unionpay: '898440148160201',
} as const;
type StatementChannel = keyof typeof merchants;
const channels = Object.keys(merchants) as StatementChannel[];
let sequence = 0;

async function pay(rig: SimulatorRig, channel: StatementChannel, amountFen: number) {
  sequence += 1;
  const outTradeNo = `pay_stmt_${channel}_${sequence}`;
  const created = await rig.clients[channel].createOrder({
    outTradeNo,
    amountFen,
    channelMerchantId: merchants[channel],
    description: '对账测试',
    payerRef: 'payer-1',
    notifyUrl: rig.notifyUrl(channel),
  });
  if (!('prepayId' in created)) throw new Error(`createOrder failed: ${created.reason}`);
  expect((await rig.confirmWallet(channel, created.prepayId, 'payer-1')).status).toBe(200);
  const queried = await rig.clients[channel].query(outTradeNo, merchants[channel]);
  if (queried.status !== 'succeeded') throw new Error(`not paid: ${queried.status}`);
  return { outTradeNo, channelTransactionId: queried.channelTransactionId, amountFen };
}

async function readStatement(channel: StatementChannel, bytes: Uint8Array) {
  const read = statementReaders[channel](
    (async function* () {
      yield bytes;
    })(),
  );
  const lines: StatementLine[] = [];
  for await (const line of read.lines) lines.push(line);
  return { lines, summary: await read.summary };
}

describe.each(channels)('%s daily statement', (channel) => {
  it('lists exactly the trades booked on that Shanghai day, downloaded through the signed API', async () => {
    const rig = createSimulatorRig(keys);
    rig.clock.set('2026-11-20T08:00:00+08:00');
    const morning = await pay(rig, channel, 1234);
    const outRefundNo = `rfd_stmt_${channel}_${sequence}`;
    const refund = await rig.clients[channel].refund({
      outTradeNo: morning.outTradeNo,
      channelMerchantId: merchants[channel],
      outRefundNo,
      refundFen: 234,
      totalFen: 1234,
      channelTransactionId: morning.channelTransactionId,
      reason: null,
      notifyUrl: rig.notifyUrl(channel),
    });
    expect(refund.status).not.toBe('failed');
    rig.clock.advance(5_000);
    await rig.simulators.runDue();
    rig.clock.set('2026-11-20T23:59:59+08:00');
    const lastSecond = await pay(rig, channel, 1);
    rig.clock.set('2026-11-21T00:00:00+08:00');
    const nextDay = await pay(rig, channel, 9_999_999_999);

    // The day's statement exists once the day is over.
    await expect(rig.clients[channel].downloadStatement?.('2026-11-21')).rejects.toMatchObject({
      code: 'statement_unavailable',
    });
    rig.clock.set('2026-11-21T10:00:00+08:00');
    const bytes = await rig.clients[channel].downloadStatement?.('2026-11-20');
    if (!bytes) throw new Error('the client cannot download statements');
    const { lines, summary } = await readStatement(channel, bytes);

    expect(
      lines.map(({ kind, outTradeNo, outRefundNo, amountFen, status }) => ({
        kind,
        outTradeNo,
        outRefundNo,
        amountFen,
        status,
      })),
    ).toEqual([
      {
        kind: 'payment',
        outTradeNo: morning.outTradeNo,
        outRefundNo: null,
        amountFen: 1234,
        status: 'succeeded',
      },
      {
        kind: 'refund',
        outTradeNo: morning.outTradeNo,
        outRefundNo,
        amountFen: 234,
        status: 'refunded',
      },
      {
        kind: 'payment',
        outTradeNo: lastSecond.outTradeNo,
        outRefundNo: null,
        amountFen: 1,
        status: 'succeeded',
      },
    ]);
    expect(lines[0]?.channelTransactionId).toBe(morning.channelTransactionId);
    expect(lines[1]?.channelTransactionId).toBe(morning.channelTransactionId);
    expect(lines.some((line) => line.outTradeNo === nextDay.outTradeNo)).toBe(false);
    expect(summary).toMatchObject({ lineCount: 3, paymentTotalFen: 1235, refundTotalFen: 234 });
  });

  it('answers statement_unavailable when the channel fails', async () => {
    const rig = createSimulatorRig(keys);
    rig.clock.set('2026-11-21T10:00:00+08:00');
    rig.simulators.setFaults(channel, { systemErrors: 1 });
    await expect(rig.clients[channel].downloadStatement?.('2026-11-20')).rejects.toMatchObject({
      code: 'statement_unavailable',
    });
  });
});
