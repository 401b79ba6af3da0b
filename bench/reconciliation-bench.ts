/**
 * `npm run bench:recon` (docs/benchmarks.md, "Reconciliation of a 1,000,000-line statement"):
 * in a PostgreSQL database of its own (created, migrated, dropped at the end whatever happens)
 * it inserts BENCH_RECON_LINES succeeded WeChat payments of one day with one set-based
 * statement, writes the matching WeChat trade bill with the simulator's writer straight to a
 * temporary file, then times the reconciliation as an upload runs it (spool and hash, read,
 * stage, match, write breaks, post the settlement) while sampling this process's RSS every
 * 100 ms. Its last line: `lines=N seconds=N lines_per_s=N peak_rss_mb=N file_mb=N breaks=N`.
 */
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { importStatementFile } from '../server/src/modules/reconciliation/index.js';
import { shanghaiDay, shanghaiDayStart, systemClock } from '../server/src/platform/clock.js';
import { openDatabase } from '../server/src/platform/db/database.js';
import { applyMigrations } from '../server/src/platform/db/migrations.js';
import {
  type StatementRecord,
  statementWriters,
} from '../server/src/simulators/statements/index.js';
import { BenchDatabases, defaultBenchDatabaseUrl, withClient } from './bench-databases.js';

const adminUrl = process.env.BENCH_DATABASE_URL || defaultBenchDatabaseUrl;
const lineCount = Number(process.env.BENCH_RECON_LINES || 1_000_000);
if (!Number.isInteger(lineCount) || lineCount < 1 || lineCount > 86_400_000) {
  throw new Error('BENCH_RECON_LINES must be a whole number of lines, at most one per ms of a day');
}
const log = (line: string) => process.stdout.write(`${line}\n`);

// Yesterday in Shanghai: a statement is only read for a day that has ended.
const day = shanghaiDay(new Date(shanghaiDayStart(shanghaiDay(new Date())).getTime() - 1));
const dayStart = shanghaiDayStart(day);
/** Payment g (1-based): the same formulas in SQL (the payments) and here (the statement). */
const spacingMs = Math.floor(86_400_000 / lineCount);
const amountOf = (g: number) => 100 + (g % 50_000);
const transactionOf = (g: number) => `4200${String(g).padStart(24, '0')}`;
const paymentIdOf = (g: number) => `pay_bench${String(g).padStart(17, '0')}`;

async function insertPayments(url: string): Promise<void> {
  await withClient(url, async (client) => {
    await client.query(
      `insert into payments (id, merchant_id, store_id, method, channel, status, amount_fen, fee_fen,
         code_kind, channel_transaction_id, succeeded_at, closed_at, created_at, updated_at)
       select 'pay_bench' || lpad(g::text, 17, '0'), 'mch_bench' || (g % 1000), 'sto_bench',
         'payment_code', 'wechat', 'succeeded', 100 + (g % 50000), (100 + (g % 50000)) * 6 / 1000,
         'none', '4200' || lpad(g::text, 24, '0'), t, t, t, t
       from generate_series(1, $1::int) g,
         lateral (select $2::timestamptz + ((g - 1) * $3::int) * interval '1 millisecond' as t) at`,
      [lineCount, dayStart.toISOString(), spacingMs],
    );
    await client.query('analyze payments');
  });
}

async function* records(): AsyncGenerator<StatementRecord> {
  for (let g = 1; g <= lineCount; g++) {
    const amountFen = amountOf(g);
    yield {
      kind: 'payment',
      channelTransactionId: transactionOf(g),
      outTradeNo: paymentIdOf(g),
      amountFen,
      channelFeeFen: Math.floor((amountFen * 2) / 1000),
      status: 'succeeded',
      tradedAt: new Date(dayStart.getTime() + (g - 1) * spacingMs),
      channelMerchantId: `mch_bench${g % 1000}`,
      description: '商品',
    };
  }
}

/** This process's peak resident set, sampled every 100 ms while `work` runs. */
async function withRssSampling<T>(work: () => Promise<T>): Promise<{ result: T; peakRss: number }> {
  let peakRss = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 100);
  try {
    const result = await work();
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    return { result, peakRss };
  } finally {
    clearInterval(timer);
  }
}

async function main(): Promise<void> {
  const databases = new BenchDatabases(adminUrl);
  const folder = mkdtempSync(path.join(tmpdir(), 'sharefin-recon-bench-'));
  try {
    const { url } = await databases.create('recon');
    const database = await openDatabase({ kind: 'postgres', url, poolMax: 4 });
    try {
      await applyMigrations(database);
      let started = Date.now();
      await insertPayments(url);
      log(
        `inserted ${lineCount} payments of ${day} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );

      const file = path.join(folder, 'wechat-bill.csv');
      started = Date.now();
      await pipeline(
        Readable.from(statementWriters.wechat(records(), { day, channelMerchantId: '1900000109' })),
        createWriteStream(file),
      );
      const fileBytes = statSync(file).size;
      log(
        `wrote the statement (${(fileBytes / 1e6).toFixed(1)} MB) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );

      const load = loadavg()
        .map((n) => n.toFixed(2))
        .join(' ');
      log(`load average before the run: ${load}`);
      const rssBefore = process.memoryUsage.rss();
      started = performance.now();
      const { result, peakRss } = await withRssSampling(() =>
        importStatementFile(
          { db: database.db, clock: systemClock, spoolDir: folder },
          {
            channel: 'wechat',
            statementDate: day,
            body: createReadStream(file, { highWaterMark: 1024 * 1024 }),
            source: 'upload',
            importedByUserId: null,
            actor: {
              userId: null,
              username: 'bench',
              roles: [],
              orgNodeId: null,
              ip: null,
              requestId: null,
            },
          },
        ),
      );
      const seconds = (performance.now() - started) / 1000;
      const found = result.statementImport;
      log(`rss before the run: ${(rssBefore / 1048576).toFixed(0)} MB`);
      log(
        `matched ${found.matchedPaymentCount} of ${found.lineCount} lines, settled ${found.settledNetFen} fen`,
      );
      log(
        `lines=${found.lineCount} seconds=${seconds.toFixed(2)} lines_per_s=${Math.round(found.lineCount / seconds)} peak_rss_mb=${(peakRss / 1048576).toFixed(0)} file_mb=${(fileBytes / 1e6).toFixed(1)} breaks=${found.breakCount}`,
      );
      if (found.breakCount !== 0) process.exitCode = 1;
    } finally {
      await database.close();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
    await databases.drop();
  }
}

await main();
