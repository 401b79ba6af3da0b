import { expect } from 'vitest';
import { AppError } from '../../../platform/errors/app-error.js';
import type { StatementRecord } from '../../../simulators/statements/statement-record.js';
import type { Channel } from '../../payments/tables.js';
import type { StatementLine, StatementSummary } from '../statement-line.js';
import type { StatementReader } from './index.js';

/**
 * Payments and refunds of 2026-11-20 for the round trips: the smallest amount, an everyday one
 * and the largest a wallet takes (0.01, 12.34 and 99999999.99 yuan), a partial refund of each,
 * and a time on each edge of the Shanghai day.
 */
export function sampleRecords(merchantId: string): StatementRecord[] {
  const at = (time: string) => new Date(`2026-11-20T${time}+08:00`);
  const payment = (no: number, amountFen: number, channelFeeFen: number, time: string) =>
    ({
      kind: 'payment',
      channelTransactionId: `42000020261120000${no}`,
      outTradeNo: `pay_01jd${no}xyz`,
      amountFen,
      channelFeeFen,
      status: 'succeeded',
      tradedAt: at(time),
      channelMerchantId: merchantId,
      description: '青菜,萝卜 一斤',
    }) satisfies StatementRecord;
  const refund = (of: StatementRecord, no: number, amountFen: number, time: string) =>
    ({
      ...of,
      kind: 'refund',
      channelRefundId: `50300020261120000${no}`,
      outRefundNo: `rfd_01jd${no}xyz`,
      amountFen,
      channelFeeFen: Math.floor(of.channelFeeFen / 2),
      status: 'refunded',
      tradedAt: at(time),
    }) satisfies StatementRecord;
  const small = payment(1, 1, 0, '00:00:00');
  const everyday = payment(2, 1234, 7, '12:30:45');
  const largest = payment(3, 9_999_999_999, 60_000_000, '23:59:59');
  return [
    small,
    everyday,
    refund(everyday, 4, 1200, '13:00:00'),
    refund(largest, 5, 9_999_999_998, '23:59:59'),
    largest,
  ];
}

/** The lines a reader should give for records, line numbers aside. */
export function expectedLines(
  records: StatementRecord[],
  channel: Channel,
  options: { refundIdIsOurs?: boolean } = {},
): Omit<StatementLine, 'lineNumber'>[] {
  return records.map((record) => ({
    channel,
    kind: record.kind,
    channelTransactionId: record.channelTransactionId,
    outTradeNo: record.outTradeNo,
    channelRefundId:
      record.kind === 'refund'
        ? ((options.refundIdIsOurs ? record.outRefundNo : record.channelRefundId) ?? null)
        : null,
    outRefundNo: record.kind === 'refund' ? (record.outRefundNo ?? null) : null,
    amountFen: record.amountFen,
    channelFeeFen: record.channelFeeFen,
    status: record.status,
    tradedAt: record.tradedAt,
  }));
}

/** The totals a statement of these records states. */
export function expectedSummary(records: StatementRecord[]): StatementSummary {
  const sum = (kind: StatementRecord['kind'], of: (r: StatementRecord) => number) =>
    records.filter((r) => r.kind === kind).reduce((total, r) => total + of(r), 0);
  return {
    lineCount: records.length,
    paymentTotalFen: sum('payment', (r) => r.amountFen),
    refundTotalFen: sum('refund', (r) => r.amountFen),
    channelFeeTotalFen:
      sum('payment', (r) => r.channelFeeFen) - sum('refund', (r) => r.channelFeeFen),
  };
}

/** Feeds bytes in small chunks, so fields, lines and multi-byte characters cross chunk edges. */
export async function* chunked(bytes: Uint8Array, size = 7): AsyncGenerator<Uint8Array> {
  for (let start = 0; start < bytes.length; start += size)
    yield bytes.subarray(start, start + size);
}

export async function readAll(reader: StatementReader, bytes: Uint8Array) {
  const read = reader(chunked(bytes));
  const lines: StatementLine[] = [];
  for await (const line of read.lines) lines.push(line);
  return { lines, summary: await read.summary };
}

/** Reads a file that must fail; returns the error the lines threw, checking the summary too. */
export async function malformedError(
  reader: StatementReader,
  bytes: Uint8Array,
): Promise<AppError> {
  const read = reader(chunked(bytes, 64));
  let thrown: unknown;
  try {
    for await (const _line of read.lines) {
      // Reading on: the error comes at the faulty line.
    }
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(AppError);
  const error = thrown as AppError;
  expect(error.code).toBe('statement_malformed');
  await expect(read.summary).rejects.toBe(error);
  return error;
}

export const withoutLineNumbers = (lines: StatementLine[]) =>
  lines.map(({ lineNumber: _lineNumber, ...rest }) => rest);
