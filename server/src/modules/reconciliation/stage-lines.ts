import { sql } from 'drizzle-orm';
import { type Db, jsonRows } from '../../platform/db/database.js';
import type { StatementLine } from './statement-line.js';

/** Lines per insert: large enough that round trips do not count, small enough to stay cheap. */
const batchLines = 10_000;

/** What staging counted of the file on the way. */
export type StagedTotals = { lineCount: number };

/**
 * Creates the transaction's staging table. A temporary table is private to the import's
 * transaction and dropped at its commit: no other import sees it, a crash leaves nothing to
 * clean up, and PostgreSQL writes no WAL for it, which is most of the cost of a million rows.
 * It is therefore not part of the drizzle schema (tables.ts): it never outlives a transaction.
 */
export async function createStagingTable(tx: Db): Promise<void> {
  await tx.execute(sql`create temp table recon_lines (
      line_number int not null,
      kind text not null,
      -- The channel's id of what the line is about: the transaction, or the refund.
      match_key text not null,
      channel_transaction_id text not null,
      out_trade_no text,
      channel_refund_id text,
      out_refund_no text,
      amount_fen bigint not null,
      status text not null
    ) on commit drop`);
}

/** The line as one staging row, with short keys: the batch is one JSON parameter. */
function stagingRow(line: StatementLine) {
  return {
    n: line.lineNumber,
    k: line.kind,
    m:
      line.kind === 'refund'
        ? (line.channelRefundId ?? line.outRefundNo ?? line.channelTransactionId)
        : line.channelTransactionId,
    t: line.channelTransactionId,
    o: line.outTradeNo,
    r: line.channelRefundId,
    u: line.outRefundNo,
    a: line.amountFen,
    s: line.status,
  };
}

async function insertBatch(tx: Db, rows: readonly object[]): Promise<void> {
  await tx.execute(sql`insert into recon_lines
      select n, k, m, t, o, r, u, a, s
      from json_to_recordset(${jsonRows(rows)})
        as x(n int, k text, m text, t text, o text, r text, u text, a bigint, s text)`);
}

/**
 * Streams the lines into the staging table in batches. While one batch is being inserted the
 * next is read, so parsing (this process) and inserting (the database's) overlap; at most two
 * batches are held in memory whatever the file's size. Then the table is analysed: autovacuum
 * never visits temporary tables, and the matching joins need its real size to plan well.
 */
export async function stageLines(
  tx: Db,
  lines: AsyncIterable<StatementLine>,
): Promise<StagedTotals> {
  let batch: object[] = [];
  // The insert under way, caught at once so that its failure waits for us instead of being an
  // unhandled rejection while the next batch is read.
  let inFlight: Promise<unknown> = Promise.resolve();
  const settle = async () => {
    const failure = await inFlight;
    if (failure instanceof Error) throw failure;
  };
  let lineCount = 0;
  for await (const line of lines) {
    batch.push(stagingRow(line));
    lineCount += 1;
    if (batch.length >= batchLines) {
      await settle();
      inFlight = insertBatch(tx, batch).catch((error: unknown) =>
        error instanceof Error ? error : new Error(String(error)),
      );
      batch = [];
    }
  }
  await settle();
  if (batch.length > 0) await insertBatch(tx, batch);
  await tx.execute(sql`analyze recon_lines`);
  return { lineCount };
}
