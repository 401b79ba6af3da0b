import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors/app-error.js';
import { type PayoutBatch, readPayoutFile, writePayoutFile } from './payout-file.js';

const batch: PayoutBatch = {
  batchId: 'settlement-2026-11-20',
  createdAt: new Date('2026-11-20T15:05:00.123Z'),
  settlementDate: '2026-11-20',
  debitAccount: '313000000000000001',
  lines: [
    {
      instructionId: 'pyo_01jd0000000000000000000001',
      payeeAccountNumber: '6217000012345678901',
      payeeName: '张三',
      payeeBankCode: '313',
      amountFen: 123_456,
      memo: '2026-11-20 结算款',
    },
    {
      instructionId: 'pyo_01jd0000000000000000000002',
      payeeAccountNumber: '6228480000000000017',
      // Values that collide with the format are escaped, not lost.
      payeeName: '南宁市|青秀区\\老王\n水果店',
      payeeBankCode: '103100000026',
      amountFen: 1,
      memo: '',
    },
    {
      instructionId: 'pyo_01jd0000000000000000000003',
      payeeAccountNumber: '6222020200112233445',
      payeeName: 'Li Si',
      payeeBankCode: '102',
      amountFen: 99_999_999,
      memo: 'D0 结算',
    },
  ],
};

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The file's text with the trailer's hash recomputed: a file someone edited carefully. */
function resigned(text: string): Buffer {
  const lines = text.split('\n').slice(0, -1);
  const body = `${lines.slice(0, -1).join('\n')}\n`;
  const trailer = (lines.at(-1) as string).split('|');
  trailer[3] = sha256(body);
  return Buffer.from(`${body}${trailer.join('|')}\n`, 'utf8');
}

function malformation(file: Buffer): { code: string; param?: string; message: string } {
  try {
    readPayoutFile(file);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { code: error.code, param: error.param, message: error.message };
  }
  throw new Error('the file was accepted');
}

function replaceLine(text: string, lineNumber: number, edit: (line: string) => string): string {
  const lines = text.split('\n');
  lines[lineNumber - 1] = edit(lines[lineNumber - 1] as string);
  return lines.join('\n');
}

const written = writePayoutFile(batch);
const text = written.toString('utf8');

describe('payout file', () => {
  it('reads back exactly what was written, escaped values included', () => {
    expect(readPayoutFile(written)).toEqual({
      ...batch,
      count: 3,
      totalFen: 100_123_456,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('is UTF-8 text without BOM, LF-ended, with header and trailer carrying count and total in fen', () => {
    expect([...written.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    expect(text).not.toContain('\r');
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.split('\n').slice(0, -1);
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe(
      'H|SFPF1|settlement-2026-11-20|2026-11-20|2026-11-20T15:05:00.123Z|313000000000000001|3|100123456',
    );
    expect(lines[1]).toBe(
      'D|1|pyo_01jd0000000000000000000001|6217000012345678901|张三|313|123456|2026-11-20 结算款',
    );
    expect(lines[2]).toBe(
      'D|2|pyo_01jd0000000000000000000002|6228480000000000017|南宁市\\|青秀区\\\\老王\\n水果店|103100000026|1|',
    );
    const body = `${lines.slice(0, 4).join('\n')}\n`;
    expect(lines[4]).toBe(`T|3|100123456|${sha256(body)}`);
  });

  it('writes and reads a day with no payouts', () => {
    const empty = writePayoutFile({ ...batch, lines: [] });
    expect(empty.toString('utf8').split('\n')[1]).toMatch(/^T\|0\|0\|[0-9a-f]{64}$/);
    expect(readPayoutFile(empty)).toMatchObject({ lines: [], count: 0, totalFen: 0 });
  });

  it('names the line and the field of a malformed value', () => {
    const fractional = replaceLine(text, 3, (line) => line.replace('|1|', '|0.01|'));
    expect(malformation(Buffer.from(fractional))).toEqual({
      code: 'payout_file_malformed',
      param: 'lines[3].amountFen',
      message: 'line 3, field amountFen: must be a whole number without leading zeros',
    });
    const letters = replaceLine(text, 4, (line) => line.replace('6222020200112233445', '62220X'));
    expect(malformation(Buffer.from(letters)).param).toBe('lines[4].payeeAccountNumber');
    const shortLine = replaceLine(text, 2, (line) => line.split('|').slice(0, 7).join('|'));
    expect(malformation(Buffer.from(shortLine))).toMatchObject({
      param: 'lines[2].fieldCount',
      message: 'line 2, field fieldCount: must have 8 fields, has 7',
    });
    const badDate = replaceLine(text, 1, (line) => line.replace('|2026-11-20|', '|2026-02-30|'));
    expect(malformation(Buffer.from(badDate)).param).toBe('lines[1].settlementDate');
    const badEscape = replaceLine(text, 2, (line) => line.replace('张三', '张\\t三'));
    expect(malformation(Buffer.from(badEscape)).param).toBe('lines[2].payeeName');
  });

  it('refuses files out of sequence, with a repeated instruction, or without their trailer', () => {
    const swapped = text.split('\n');
    [swapped[1], swapped[2]] = [swapped[2] as string, swapped[1] as string];
    expect(malformation(resigned(swapped.join('\n'))).param).toBe('lines[2].lineNo');
    const repeated = replaceLine(text, 4, (line) =>
      line.replace('pyo_01jd0000000000000000000003', 'pyo_01jd0000000000000000000001'),
    );
    expect(malformation(resigned(repeated)).param).toBe('lines[4].instructionId');
    const noTrailer = text.split('\n').slice(0, 4).join('\n');
    expect(malformation(Buffer.from(`${noTrailer}\n`)).param).toBe('lines[4].recordType');
  });

  it('refuses a BOM, CR line ends, a missing final LF and bytes that are not UTF-8', () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), written]);
    expect(malformation(bom).param).toBe('lines[1].recordType');
    expect(malformation(Buffer.from(text.replaceAll('\n', '\r\n'))).param).toBe('lines[1].lineEnd');
    expect(malformation(Buffer.from(text.slice(0, -1))).param).toBe('lines[5].lineEnd');
    const broken = Buffer.from(text);
    broken[broken.indexOf(Buffer.from('张'))] = 0xff;
    expect(malformation(broken).param).toBe('lines[2].encoding');
    expect(malformation(Buffer.alloc(0)).code).toBe('payout_file_malformed');
  });

  it('checks the header and the trailer totals against the details', () => {
    const headerTotal = replaceLine(text, 1, (line) => line.replace('|100123456', '|100123457'));
    expect(malformation(resigned(headerTotal))).toMatchObject({
      param: 'lines[1].totalFen',
      message: 'line 1, field totalFen: must be the sum of the details, 100123456',
    });
    const headerCount = replaceLine(text, 1, (line) => line.replace('|3|', '|2|'));
    expect(malformation(resigned(headerCount)).param).toBe('lines[1].count');
    const trailerCount = replaceLine(text, 5, (line) => line.replace('T|3|', 'T|4|'));
    expect(malformation(Buffer.from(trailerCount)).param).toBe('lines[5].count');
    const trailerTotal = replaceLine(text, 5, (line) => line.replace('|100123456|', '|1|'));
    expect(malformation(Buffer.from(trailerTotal)).param).toBe('lines[5].totalFen');
  });

  it('fails the hash when the body was changed, even with consistent totals', () => {
    // Someone moves one yuan from one payee to another: counts and totals still agree.
    const moved = replaceLine(
      replaceLine(text, 2, (line) => line.replace('|123456|', '|123356|')),
      4,
      (line) => line.replace('|99999999|', '|100000099|'),
    );
    expect(malformation(Buffer.from(moved))).toEqual({
      code: 'payout_file_malformed',
      param: 'lines[5].sha256',
      message: 'line 5, field sha256: does not match the content; the file was altered',
    });
    const renamed = replaceLine(text, 4, (line) => line.replace('Li Si', 'Li Wu'));
    expect(malformation(Buffer.from(renamed)).param).toBe('lines[5].sha256');
  });

  it('refuses to write a value the core bank would refuse, naming its line and field', () => {
    const refusal = (changed: Partial<PayoutBatch>) => {
      try {
        writePayoutFile({ ...batch, ...changed });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        return [error.code, error.param];
      }
      throw new Error('written');
    };
    const withLine = (index: number, change: Partial<PayoutBatch['lines'][number]>) => ({
      lines: batch.lines.map((line, at) => (at === index ? { ...line, ...change } : line)),
    });
    expect(refusal(withLine(1, { payeeName: '王\u0007五' }))).toEqual([
      'payout_file_value_invalid',
      'lines[3].payeeName',
    ]);
    expect(refusal(withLine(0, { amountFen: 0 }))).toEqual([
      'payout_file_value_invalid',
      'lines[2].amountFen',
    ]);
    expect(refusal(withLine(2, { amountFen: 12.5 }))[1]).toBe('lines[4].amountFen');
    expect(refusal(withLine(0, { memo: '超'.repeat(33) }))[1]).toBe('lines[2].memo');
    expect(refusal(withLine(0, { payeeAccountNumber: '6217 0000 1234' }))[1]).toBe(
      'lines[2].payeeAccountNumber',
    );
    expect(refusal({ debitAccount: 'ACC-1' })[1]).toBe('lines[1].debitAccount');
    expect(refusal({ createdAt: new Date('not a date') })[1]).toBe('lines[1].createdAt');
  });
});
