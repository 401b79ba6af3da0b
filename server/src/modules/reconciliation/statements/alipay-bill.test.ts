import { unzipSync, zipSync } from 'fflate';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { writeAlipayBill } from '../../../simulators/statements/alipay-bill-writer.js';
import { collectBytes } from '../../../simulators/statements/collect-bytes.js';
import { readAlipayBill } from './alipay-bill.js';
import {
  expectedLines,
  expectedSummary,
  malformedError,
  readAll,
  sampleRecords,
  withoutLineNumbers,
} from './statement-test-support.js';

const account = '2088000000000201';
const records = sampleRecords(account);
const meta = { day: '2026-11-20', channelMerchantId: account };
const detailName = `${account}_20261120_业务明细.csv`;
const summaryName = `${account}_20261120_业务明细(汇总).csv`;

/** The writer's zip opened into its two texts, to spoil one and zip them again. */
async function billTexts(): Promise<{ detail: string; summary: string }> {
  const entries = unzipSync(await collectBytes(writeAlipayBill(records, meta)));
  const text = (name: string) => iconv.decode(Buffer.from(entries[name] as Uint8Array), 'gbk');
  return { detail: text(detailName), summary: text(summaryName) };
}

function zipOf(files: Record<string, string>): Uint8Array {
  return zipSync(
    Object.fromEntries(
      Object.entries(files).map(([name, text]) => [name, iconv.encode(text, 'gbk')]),
    ),
  );
}

describe('Alipay trade bill', () => {
  it('reads back every trade and refund the channel wrote, exact to the fen', async () => {
    const { lines, summary } = await readAll(
      readAlipayBill,
      await collectBytes(writeAlipayBill(records, meta)),
    );
    expect(withoutLineNumbers(lines)).toEqual(
      expectedLines(records, 'alipay', { refundIdIsOurs: true }),
    );
    // Three comment lines and the header come first.
    expect(lines[0]?.lineNumber).toBe(5);
    expect(summary).toEqual(expectedSummary(records));
  });

  it('reads a GBK bill with Chinese store names, tab-padded values and a negative refund', async () => {
    const header =
      '支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,门店编号,门店名称,操作员,终端号,对方账户,订单金额（元）,商家实收（元）,支付宝红包（元）,集分宝（元）,支付宝优惠（元）,商家优惠（元）,券核销金额（元）,券名称,商家红包消费金额（元）,卡消费金额（元）,退款批次号/请求号,服务费（元）,分润（元）,备注';
    const detail = [
      '#支付宝业务明细查询',
      `#账号：[${account}]`,
      '#起始日期：[2026年11月20日 00:00:00]   终止日期：[2026年11月21日 00:00:00]',
      header,
      '2026112022001401231234567890\t,pay_b\t,交易\t,五常大米 10斤\t,2026-11-20 08:00:00\t,2026-11-20 08:00:03\t,NN001\t,南宁市青秀区张三粮油店\t,收银员小王\t,T01\t,张**(zha***@163.com)\t,66.60\t,66.60\t,0.00\t,0.00\t,0.00\t,0.00\t,0.00\t,\t,0.00\t,0.00\t,\t,-0.40\t,0.00\t,  ',
      '2026112022001401231234567890\t,pay_b\t,退款\t,五常大米 10斤\t,2026-11-20 08:00:00\t,2026-11-20 20:10:00\t,NN001\t,南宁市青秀区张三粮油店\t,收银员小王\t,T01\t,张**(zha***@163.com)\t,-6.60\t,-6.60\t,0.00\t,0.00\t,0.00\t,0.00\t,0.00\t,\t,0.00\t,0.00\t,rfd_b1\t,0.04\t,0.00\t,顾客退货',
      '#-----------------------------------------业务明细列表结束------------------------------------',
      '#交易合计：1笔，商家实收共计：66.60元，服务费共计：-0.40元',
      '#退款合计：1笔，商家实收共计：-6.60元，服务费共计：0.04元',
      '#导出时间：[2026年11月21日 09:12:33]',
    ].join('\r\n');
    const file = zipOf({ [detailName]: detail });
    // Really GBK: the UTF-8 bytes of the store name are nowhere in the zip's entry.
    const stored = unzipSync(file)[detailName] as Uint8Array;
    expect(Buffer.from(stored).includes(Buffer.from('张三粮油店', 'utf8'))).toBe(false);
    expect(Buffer.from(stored).includes(iconv.encode('张三粮油店', 'gbk'))).toBe(true);

    const { lines, summary } = await readAll(readAlipayBill, file);
    expect(lines).toMatchObject([
      {
        lineNumber: 5,
        kind: 'payment',
        channelTransactionId: '2026112022001401231234567890',
        outTradeNo: 'pay_b',
        amountFen: 6660,
        channelFeeFen: 40,
        status: 'succeeded',
        tradedAt: new Date('2026-11-20T00:00:03Z'),
      },
      {
        lineNumber: 6,
        kind: 'refund',
        outRefundNo: 'rfd_b1',
        amountFen: 660,
        channelFeeFen: 4,
        status: 'refunded',
      },
    ]);
    expect(summary).toEqual({
      lineCount: 2,
      paymentTotalFen: 6660,
      refundTotalFen: 660,
      channelFeeTotalFen: 36,
    });
  });

  it('refuses a zip without the detail CSV', async () => {
    const { summary } = await billTexts();
    const error = await malformedError(readAlipayBill, zipOf({ [summaryName]: summary }));
    expect(error.param).toBe('业务明细.csv');
    expect(error.message).toContain('压缩包中没有业务明细文件');
  });

  it('refuses a file that is not a zip', async () => {
    const error = await malformedError(readAlipayBill, Buffer.from('支付宝交易号,商户订单号'));
    expect(error.param).toBe('zip');
  });

  it('names the line and the column of an amount that is not a number', async () => {
    const { detail, summary } = await billTexts();
    const spoiled = detail.replace(',12.34\t,', ',12.3４\t,');
    const error = await malformedError(
      readAlipayBill,
      zipOf({ [detailName]: spoiled, [summaryName]: summary }),
    );
    expect(error.param).toBe('订单金额（元）');
    expect(error.message).toContain('第 6 行“订单金额（元）”不是有效金额');
  });

  it('refuses a refund written with a positive amount', async () => {
    const { detail, summary } = await billTexts();
    const spoiled = detail.replace(',-12.00\t,', ',12.00\t,');
    const error = await malformedError(
      readAlipayBill,
      zipOf({ [detailName]: spoiled, [summaryName]: summary }),
    );
    expect(error.message).toContain('第 7 行“订单金额（元）”退款金额应为负数');
  });

  it('refuses closing totals that disagree with the rows', async () => {
    const { detail, summary } = await billTexts();
    const spoiled = detail.replace(
      '#交易合计：3笔，商家实收共计：100000012.34元',
      '#交易合计：3笔，商家实收共计：100000012.33元',
    );
    const error = await malformedError(
      readAlipayBill,
      zipOf({ [detailName]: spoiled, [summaryName]: summary }),
    );
    expect(error.param).toBe('交易合计商家实收');
    expect(error.message).toContain('为 100000012.33，与明细合计 100000012.34 不符');
  });

  it('refuses a 汇总 file that disagrees with the detail', async () => {
    const { detail, summary } = await billTexts();
    const spoiled = summary.replace('合计\t,\t,3\t,2\t,', '合计\t,\t,4\t,2\t,');
    const error = await malformedError(
      readAlipayBill,
      zipOf({ [detailName]: detail, [summaryName]: spoiled }),
    );
    expect(error.param).toBe('业务明细(汇总).csv/交易订单总笔数');
  });
});
