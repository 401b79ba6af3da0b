import { describe, expect, it } from 'vitest';
import { collectBytes } from '../../../simulators/statements/collect-bytes.js';
import type { StatementRecord } from '../../../simulators/statements/statement-record.js';
import { writeUnionpayStatement } from '../../../simulators/statements/unionpay-statement-writer.js';
import {
  expectedLines,
  expectedSummary,
  malformedError,
  readAll,
  sampleRecords,
  withoutLineNumbers,
} from './statement-test-support.js';
import { readUnionpayStatement } from './unionpay-statement.js';
import { unionpayDetailLayout } from './unionpay-statement-layout.js';

const merchantId = '898440148160201';
// UnionPay's query ids are 21 digits: the samples' ids fit.
const records = sampleRecords(merchantId);
const meta = { day: '2026-11-20', channelMerchantId: merchantId };

async function statementLines(of: StatementRecord[] = records, day = meta.day): Promise<string[]> {
  const bytes = await collectBytes(writeUnionpayStatement(of, { ...meta, day }));
  return bytes.toString('latin1').split('\r\n');
}

const fileOf = (lines: string[]) => Buffer.from(lines.join('\r\n'), 'latin1');

describe('UnionPay fixed-width statement', () => {
  it('reads back every purchase and refund the channel wrote, exact to the fen', async () => {
    const lines = await statementLines();
    expect(lines[1]).toHaveLength(unionpayDetailLayout.length);
    const { lines: read, summary } = await readAll(readUnionpayStatement, fileOf(lines));
    expect(withoutLineNumbers(read)).toEqual(expectedLines(records, 'unionpay'));
    expect(read[0]?.lineNumber).toBe(2);
    expect(summary).toEqual(expectedSummary(records));
  });

  it('takes the year of a yearless time from the statement date, across New Year', async () => {
    const [payment] = records as [StatementRecord];
    const newYearsEve = { ...payment, tradedAt: new Date('2026-12-31T23:30:00+08:00') };
    const newYear = {
      ...payment,
      outTradeNo: 'pay_ny',
      tradedAt: new Date('2027-01-01T00:10:00+08:00'),
    };
    const lines = await statementLines([newYearsEve, newYear], '2027-01-01');
    const { lines: read } = await readAll(readUnionpayStatement, fileOf(lines));
    expect(read.map((line) => line.tradedAt)).toEqual([newYearsEve.tradedAt, newYear.tradedAt]);
  });

  it('names the field at which a truncated line ends', async () => {
    const lines = await statementLines();
    lines[2] = (lines[2] as string).slice(0, -10);
    const error = await malformedError(readUnionpayStatement, fileOf(lines));
    expect(error.param).toBe('商户代码');
    expect(error.message).toContain(
      `第 3 行“商户代码”不完整：该行长 ${unionpayDetailLayout.length - 10} 字节`,
    );
  });

  it('refuses a line longer than the layout', async () => {
    const lines = await statementLines();
    lines[1] = `${lines[1]}X`;
    const error = await malformedError(readUnionpayStatement, fileOf(lines));
    expect(error.message).toContain('第 2 行“商户代码”之后多出字符');
  });

  it('names the line and field of an amount that is not digits', async () => {
    const lines = await statementLines();
    const amount = unionpayDetailLayout.fields.find((field) => field.name === '交易金额');
    const line = lines[2] as string;
    const start = amount?.start ?? 0;
    lines[2] = `${line.slice(0, start)}00000000012A${line.slice(start + 12)}`;
    const error = await malformedError(readUnionpayStatement, fileOf(lines));
    expect(error.param).toBe('交易金额');
    expect(error.message).toContain('第 3 行“交易金额”应为数字');
  });

  it('refuses a trailer whose total disagrees with the lines', async () => {
    const lines = await statementLines();
    const trailerAt = lines.length - 2;
    const trailer = lines[trailerAt] as string;
    // 消费总金额 sits after 记录类型, 总笔数 and 消费笔数: 3 + 1 + 10 + 1 + 10 + 1 characters.
    lines[trailerAt] = `${trailer.slice(0, 26)}${'1'.padStart(16, '0')}${trailer.slice(42)}`;
    const error = await malformedError(readUnionpayStatement, fileOf(lines));
    expect(error.param).toBe('消费总金额');
    expect(error.message).toContain(
      `第 ${trailerAt + 1} 行“消费总金额”为 1，与明细合计 10000001234 不符`,
    );
  });

  it('refuses a file without its trailer', async () => {
    const lines = await statementLines();
    const error = await malformedError(readUnionpayStatement, fileOf(lines.slice(0, -2)));
    expect(error.message).toContain('文件尾 TRL');
  });
});
