import { type APIRequestContext, expect } from '@playwright/test';
import { collectBytes, statementWriters } from '../../server/src/simulators/statements/index';
import type { StatementRecord } from '../../server/src/simulators/statements/statement-record';

// The WeChat trade bill of one demo day as WeChat Pay would send it: every WeChat payment that
// succeeded that Shanghai day and every refund completed that day, read from the console's own
// API, then written by the channel's statement writer. The test changes one line to inject a
// break; the rest must match exactly.

type Payment = {
  id: string;
  amountFen: number;
  feeFen: number;
  refundedFen: number;
  channelTransactionId: string | null;
  succeededAt: string | null;
};
type Refund = {
  id: string;
  paymentId: string;
  status: string;
  amountFen: number;
  closedAt: string | null;
};

const dayMs = 86_400_000;

function shanghaiStart(day: string): number {
  return new Date(`${day}T00:00:00+08:00`).getTime();
}

async function allWechatPayments(
  api: APIRequestContext,
  from: number,
  to: number,
): Promise<Payment[]> {
  const found: Payment[] = [];
  let after: string | undefined;
  for (;;) {
    const query = new URLSearchParams({
      channel: 'wechat',
      status: 'succeeded',
      limit: '100',
      createdFrom: new Date(from).toISOString(),
      createdTo: new Date(to).toISOString(),
      ...(after ? { startingAfter: after } : {}),
    });
    const response = await api.get(`/api/v1/payments?${query}`);
    expect(response.ok(), await response.text()).toBe(true);
    const page = (await response.json()) as { data: Payment[]; hasMore: boolean };
    found.push(...page.data);
    if (!page.hasMore || page.data.length === 0) return found;
    after = page.data.at(-1)?.id;
  }
}

export type DemoStatement = {
  bytes: Buffer;
  lineCount: number;
  /** The payment whose amount the file states 1 fen higher than we booked. */
  alteredPaymentId: string;
};

export async function wechatStatementOf(
  api: APIRequestContext,
  day: string,
): Promise<DemoStatement> {
  const start = shanghaiStart(day);
  const end = start + dayMs;
  const inDay = (at: string | null) =>
    at !== null && Date.parse(at) >= start && Date.parse(at) < end;
  // Refunds completed on the day may belong to payments of any of the demo's 30 days.
  const payments = await allWechatPayments(api, start - 31 * dayMs, end);
  const records: StatementRecord[] = payments
    .filter((payment) => inDay(payment.succeededAt) && payment.channelTransactionId)
    .map((payment) => ({
      kind: 'payment',
      channelTransactionId: payment.channelTransactionId as string,
      outTradeNo: payment.id,
      amountFen: payment.amountFen,
      channelFeeFen: Math.floor((payment.amountFen * 2) / 1000),
      status: 'succeeded',
      tradedAt: new Date(payment.succeededAt as string),
      channelMerchantId: '1900000109',
      description: '商品',
    }));
  for (const payment of payments.filter((row) => row.refundedFen > 0)) {
    const response = await api.get(`/api/v1/payments/${payment.id}/refunds`);
    const { data } = (await response.json()) as { data: Refund[] };
    for (const refund of data.filter((row) => row.status === 'succeeded' && inDay(row.closedAt))) {
      records.push({
        kind: 'refund',
        channelTransactionId: payment.channelTransactionId as string,
        outTradeNo: payment.id,
        channelRefundId: `50${refund.id.slice(4)}`,
        outRefundNo: refund.id,
        amountFen: refund.amountFen,
        channelFeeFen: 0,
        status: 'refunded',
        tradedAt: new Date(refund.closedAt as string),
        channelMerchantId: '1900000109',
        description: '商品',
      });
    }
  }
  const altered = records.find((record) => record.kind === 'payment');
  if (!altered) throw new Error(`no WeChat payment succeeded on ${day}`);
  altered.amountFen += 1;
  records.sort((a, b) => a.tradedAt.getTime() - b.tradedAt.getTime());
  const bytes = await collectBytes(
    statementWriters.wechat(records, { day, channelMerchantId: '1900000109' }),
  );
  return { bytes, lineCount: records.length, alteredPaymentId: altered.outTradeNo };
}
