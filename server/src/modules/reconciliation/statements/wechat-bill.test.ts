import { describe, expect, it } from 'vitest';
import { collectBytes } from '../../../simulators/statements/collect-bytes.js';
import { writeWechatBill } from '../../../simulators/statements/wechat-bill-writer.js';
import {
  chunked,
  expectedLines,
  expectedSummary,
  malformedError,
  readAll,
  sampleRecords,
  withoutLineNumbers,
} from './statement-test-support.js';
import { readWechatBill } from './wechat-bill.js';

const records = sampleRecords('1900000201');
const meta = { day: '2026-11-20', channelMerchantId: '1900000109' };

async function billText(): Promise<string> {
  return (await collectBytes(writeWechatBill(records, meta))).toString('utf8');
}

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('WeChat trade bill', () => {
  it('reads back every payment and refund the channel wrote, exact to the fen', async () => {
    const { lines, summary } = await readAll(readWechatBill, bytes(await billText()));
    expect(withoutLineNumbers(lines)).toEqual(expectedLines(records, 'wechat'));
    // Line 1 is the header, so the first row is line 2.
    expect(lines.map((line) => line.lineNumber)).toEqual([2, 3, 4, 5, 6]);
    expect(summary).toEqual(expectedSummary(records));
    expect(summary.paymentTotalFen).toBe(1 + 1234 + 9_999_999_999);
  });

  it('reads a bill in the channel’s own shape: byte order mark, CRLF, backticks, a refund row', async () => {
    const text = [
      '\uFEFF交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注',
      '`2026-11-20 09:15:02,`wx2421b1c4370ec43b,`1900000109,`1900000201,`,`4200001234202611201234567890,`pay_a,`oUpF8uMuAJO_M2pxb1Q9zNjWeS6o,`JSAPI,`SUCCESS,`CMB_DEBIT,`CNY,`88.00,`0.00,`0,`0,`0.00,`0.00,`,`,`米粉,`,`0.53,`0.60%,`88.00,`0.00,`',
      '`2026-11-20 18:40:00,`wx2421b1c4370ec43b,`1900000109,`1900000201,`,`4200001234202611201234567890,`pay_a,`oUpF8uMuAJO_M2pxb1Q9zNjWeS6o,`JSAPI,`REFUND,`CMB_DEBIT,`CNY,`0.00,`0.00,`50300012342026112000001,`rfd_a,`8.00,`0.00,`ORIGINAL,`SUCCESS,`米粉,`,`-0.05,`0.60%,`0.00,`8.00,`',
      '总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额',
      '`2,`88.00,`8.00,`0.00,`0.48,`88.00,`8.00',
      '',
    ].join('\r\n');
    const { lines, summary } = await readAll(readWechatBill, bytes(text));
    expect(lines).toMatchObject([
      {
        kind: 'payment',
        channelTransactionId: '4200001234202611201234567890',
        outTradeNo: 'pay_a',
        amountFen: 8800,
        channelFeeFen: 53,
        status: 'succeeded',
        tradedAt: new Date('2026-11-20T01:15:02Z'),
      },
      {
        kind: 'refund',
        channelTransactionId: '4200001234202611201234567890',
        channelRefundId: '50300012342026112000001',
        outRefundNo: 'rfd_a',
        amountFen: 800,
        channelFeeFen: 5,
        status: 'refunded',
      },
    ]);
    expect(summary).toEqual({
      lineCount: 2,
      paymentTotalFen: 8800,
      refundTotalFen: 800,
      channelFeeTotalFen: 48,
    });
  });

  it('names the line and the column of an amount that is not a number', async () => {
    const text = (await billText()).replace('`12.34,`0.00,`', '`12.3x,`0.00,`');
    const error = await malformedError(readWechatBill, bytes(text));
    // The first 12.34 of the row is its 应结订单金额.
    expect(error.param).toBe('应结订单金额');
    expect(error.message).toContain('对账单格式有误：第 3 行“应结订单金额”不是有效金额');
  });

  it('names the first missing column of a short row', async () => {
    const lines = (await billText()).split('\r\n');
    lines[2] = (lines[2] as string).split(',').slice(0, 20).join(',');
    const error = await malformedError(readWechatBill, bytes(lines.join('\r\n')));
    expect(error.param).toBe('商品名称');
    expect(error.message).toContain('第 3 行“商品名称”缺失');
  });

  it('refuses a date that does not exist', async () => {
    const text = (await billText()).replace('`2026-11-20 12:30:45', '`2026-02-30 12:30:45');
    const error = await malformedError(readWechatBill, bytes(text));
    expect(error.message).toContain('第 3 行“交易时间”不是有效时间');
  });

  it('refuses a summary whose total disagrees with the rows', async () => {
    const lines = (await billText()).split('\r\n');
    const summaryAt = lines.length - 2;
    lines[summaryAt] = (lines[summaryAt] as string).replace('`100000012.34,', '`100000012.35,');
    const error = await malformedError(readWechatBill, bytes(lines.join('\r\n')));
    expect(error.param).toBe('应结订单总金额');
    expect(error.message).toContain(
      `第 ${summaryAt + 1} 行“应结订单总金额”为 100000012.35，与明细合计 100000012.34 不符`,
    );
  });

  it('refuses a file that ends before its summary', async () => {
    const text = (await billText()).split('总交易单数')[0] as string;
    const error = await malformedError(readWechatBill, bytes(text));
    expect(error.param).toBe('总交易单数');
  });

  it('leaves no unhandled rejection when only the lines are read of a bad file', async () => {
    const text = (await billText()).replace('`12.34,`0.00,`', '`abc,`0.00,`');
    const read = readWechatBill(chunked(bytes(text)));
    await expect(
      (async () => {
        for await (const _line of read.lines) {
          // The summary is never awaited: the test fails on an unhandled rejection if it leaks.
        }
      })(),
    ).rejects.toMatchObject({ code: 'statement_malformed' });
  });
});
