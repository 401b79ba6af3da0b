/**
 * `npm run bench` (docs/benchmarks.md, "Payments throughput"): Sharefin's payment captures
 * against PostgreSQL's own TPC-B figure on the same server. In databases of its own, which it
 * drops at the end whatever happens, it starts Sharefin, creates the merchants, captures
 * payments over HTTP, checks the ledger, then runs pgbench, and prints one last line:
 * `payments_per_s=N p99_ms=N tpcb_tps=N ratio=N ledger=balanced`.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import pg from 'pg';
import { BenchDatabases, defaultBenchDatabaseUrl, withClient } from './bench-databases.js';
import { checkLedger } from './ledger-check.js';
import { type BenchCapture, type LoadResult, runPaymentLoad } from './payment-load.js';
import { backendsCpuSeconds, groupCpuSeconds } from './process-cpu.js';
import { seedMerchants } from './seed-merchants.js';
import { makeChannelInstant, type SharefinProcess, startSharefin } from './sharefin-process.js';
import { measureTpcb, pgbenchVersion } from './tpcb.js';

function setting(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
}

const adminUrl = process.env.BENCH_DATABASE_URL || defaultBenchDatabaseUrl;
const durationS = setting('BENCH_DURATION_S', 30);
const warmupS = setting('BENCH_WARMUP_S', 5);
const connections = setting('BENCH_CONNECTIONS', 100);
const merchantCount = setting('BENCH_MERCHANTS', 10_000);
// PostgreSQL's default max_connections is 100: 100 HTTP connections share a smaller pool.
const poolMax = setting('BENCH_POOL_MAX', 40);
const tpcbScale = setting('BENCH_TPCB_SCALE', 50);
/** `payment_code` (WeChat, RSA-signed both ways) or `card` (the card host, HMAC). */
const capture: BenchCapture = process.env.BENCH_CAPTURE === 'card' ? 'card' : 'payment_code';

const log = (line: string) => process.stdout.write(`${line}\n`);
const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

async function serverFacts(url: string) {
  return withClient(url, async (client) => {
    const show = async (name: string) =>
      (await client.query<Record<string, string>>(`show ${name}`)).rows[0]?.[name] ?? '?';
    return {
      version: (await client.query<{ v: string }>('select version() as v')).rows[0]?.v ?? '?',
      synchronousCommit: await show('synchronous_commit'),
      fsync: await show('fsync'),
      maxConnections: await show('max_connections'),
      sharedBuffers: await show('shared_buffers'),
    };
  });
}

async function databaseCounters(client: pg.Client) {
  const { rows } = await client.query<{ commits: string; wal: string }>(
    `select xact_commit as commits, pg_current_wal_lsn() - '0/0'::pg_lsn as wal
       from pg_stat_database where datname = current_database()`,
  );
  return { commits: Number(rows[0]?.commits ?? 0), walBytes: Number(rows[0]?.wal ?? 0) };
}

/**
 * Waits until the requests autocannon abandoned at the end have finished inside Sharefin: no
 * payment pending and no new Idempotency-Key record for a second (at most 60 s).
 */
async function drain(client: pg.Client): Promise<void> {
  let last = -1;
  let steadySince = Date.now();
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const { rows } = await client.query<{ pending: string; keys: string }>(
      `select (select count(*) from payments where status = 'pending') as pending,
              (select count(*) from idempotency_keys) as keys`,
    );
    const keys = Number(rows[0]?.keys ?? 0);
    if (keys !== last) {
      last = keys;
      steadySince = Date.now();
    } else if (Number(rows[0]?.pending ?? 0) === 0 && Date.now() - steadySince >= 1_000) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** CPU seconds of this database's backends by pid (null when the server is not local). */
async function backendCpu(client: pg.Client): Promise<Map<number, number> | null> {
  const { rows } = await client.query<{ pid: number }>(
    'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
  );
  const result = new Map<number, number>();
  for (const { pid } of rows) {
    const seconds = backendsCpuSeconds([pid]);
    if (seconds === null) return null;
    result.set(pid, seconds);
  }
  return result;
}

function describeLoad(name: string, result: LoadResult): string {
  return (
    `${name}: ${result.succeeded} succeeded in ${result.durationS.toFixed(1)} s ` +
    `(${(result.succeeded / result.durationS).toFixed(1)}/s); replies by status ${JSON.stringify(result.byStatus)}; ` +
    `other outcomes ${JSON.stringify(result.otherOutcomes)}; errors ${result.errors}, timeouts ${result.timeouts}; ` +
    `latency p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, max ${result.maxMs} ms`
  );
}

async function main(): Promise<number> {
  log(`pgbench: ${pgbenchVersion()}`);
  log(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), load average ${load()}`);
  const databases = new BenchDatabases(adminUrl);
  let sharefin: SharefinProcess | undefined;
  let cleaning: Promise<void> | undefined;
  const dataDir = `/tmp/sharefin-bench-${process.pid}`;
  const cleanUp = () => {
    cleaning ??= (async () => {
      await sharefin?.stop(5_000);
      await databases.drop();
      rmSync(dataDir, { recursive: true, force: true });
    })();
    return cleaning;
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`${signal}: stopping Sharefin and dropping the benchmark databases`);
      void cleanUp().finally(() => process.exit(130));
    });
  }

  try {
    const app = await databases.create('sharefin');
    const tpcbDatabase = await databases.create('pgbench');
    const facts = await serverFacts(app.url);
    const tpcbFacts = await serverFacts(tpcbDatabase.url);
    log(`server: ${facts.version}`);
    log(
      `synchronous_commit=${facts.synchronousCommit} (pgbench database: ${tpcbFacts.synchronousCommit}), ` +
        `fsync=${facts.fsync}, max_connections=${facts.maxConnections}, shared_buffers=${facts.sharedBuffers}`,
    );
    if (facts.synchronousCommit !== 'on' || tpcbFacts.synchronousCommit !== 'on') {
      log(
        'warning: synchronous_commit is not on: commits are not durable and the figures do not count',
      );
    }

    const encryptionKeyHex = randomBytes(32).toString('hex');
    log(`starting Sharefin on database ${app.name} (pool ${poolMax})`);
    sharefin = await startSharefin({
      DATABASE_URL: app.url,
      DATABASE_POOL_MAX: String(poolMax),
      SHAREFIN_SEED_DEMO: 'off',
      SHAREFIN_MFA_ENFORCEMENT: 'off',
      SHAREFIN_ENCRYPTION_KEY: encryptionKeyHex,
      SHAREFIN_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
    });
    await makeChannelInstant(sharefin.baseUrl, capture === 'card' ? 'card' : 'wechat');

    const client = new pg.Client({ connectionString: app.url });
    await client.connect();
    try {
      const seedStarted = Date.now();
      const merchants = await seedMerchants(client, { count: merchantCount, encryptionKeyHex });
      log(
        `created ${merchants.length} merchants with a store, an owner and an API key in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s`,
      );

      const runId = randomBytes(4).toString('hex');
      const warmup = await runPaymentLoad({
        baseUrl: sharefin.baseUrl,
        merchants,
        connections,
        durationS: warmupS,
        keyPrefix: `bench-warmup-${runId}`,
        capture,
      });
      log(describeLoad('warm-up', warmup));

      await client.query('checkpoint');
      const before = await databaseCounters(client);
      const appCpuBefore = groupCpuSeconds(sharefin.pid);
      const pgCpuBefore = await backendCpu(client);
      const benchCpuBefore = process.cpuUsage();
      const loadBefore = load();
      log(`measuring ${durationS} s at ${connections} connections (load average ${loadBefore})`);
      const measured = await runPaymentLoad({
        baseUrl: sharefin.baseUrl,
        merchants,
        connections,
        durationS,
        keyPrefix: `bench-${runId}`,
        capture,
      });
      const after = await databaseCounters(client);
      const benchCpu = process.cpuUsage(benchCpuBefore);
      const appCpuAfter = groupCpuSeconds(sharefin.pid);
      const pgCpuAfter = await backendCpu(client);
      log(describeLoad('measured', measured));
      const perPayment = (seconds: number) =>
        `${((seconds * 1000) / Math.max(1, measured.succeeded)).toFixed(2)} ms`;
      const appCpu =
        appCpuBefore !== null && appCpuAfter !== null ? appCpuAfter - appCpuBefore : null;
      const pgCpu =
        pgCpuBefore && pgCpuAfter
          ? [...pgCpuAfter].reduce((sum, [pid, s]) => sum + s - (pgCpuBefore.get(pid) ?? 0), 0)
          : null;
      log(
        `CPU per payment: Sharefin ${appCpu === null ? '?' : perPayment(appCpu)}, ` +
          `its PostgreSQL backends ${pgCpu === null ? '?' : perPayment(pgCpu)}, ` +
          `load generator ${perPayment((benchCpu.user + benchCpu.system) / 1e6)}`,
      );
      log(
        `database during the run: ${((after.commits - before.commits) / Math.max(1, measured.succeeded)).toFixed(2)} commits per payment ` +
          `(includes the in-process worker's follow-ups), ${((after.walBytes - before.walBytes) / Math.max(1, measured.succeeded)).toFixed(0)} WAL bytes per payment ` +
          `(server-wide); load average after ${load()}`,
      );

      // The replies cut off at the end still commit; then a graceful stop, so the books are
      // final when read.
      await drain(client);
      await sharefin.stop();
      const succeededIds = new Set([...warmup.succeededIds, ...measured.succeededIds]);
      const ledger = await checkLedger(client, {
        succeededIds,
        maxUnanswered: warmup.sent - warmup.answered + (measured.sent - measured.answered),
      });
      log(
        `ledger: ${ledger.balanced ? 'balanced' : 'UNBALANCED'}; ${ledger.succeededInDb} succeeded payments in the database, ` +
          `${succeededIds.size} replied 201 succeeded, ${ledger.unansweredSucceeded} committed whose reply was cut off at the end of a run`,
      );
      for (const problem of ledger.problems) log(`  ledger problem: ${problem}`);

      log(`pgbench TPC-B: scale ${tpcbScale}, 16 clients, 2 jobs, ${durationS} s, prepared`);
      const tpcb = await measureTpcb(
        tpcbDatabase.url,
        { scale: tpcbScale, clients: 16, jobs: 2, durationS },
        async () => {
          await client.query('checkpoint');
          log(`pgbench initialised; load average ${load()}`);
        },
      );
      log(
        `pgbench: tps ${tpcb.tps.toFixed(1)}, latency average ${tpcb.latencyAvgMs} ms; load average after ${load()}`,
      );

      const paymentsPerS = measured.succeeded / measured.durationS;
      const ratio = paymentsPerS / tpcb.tps;
      log(
        `payments_per_s=${Math.round(paymentsPerS)} p99_ms=${Math.round(measured.p99Ms)} ` +
          `tpcb_tps=${Math.round(tpcb.tps)} ratio=${ratio.toFixed(2)} ledger=${ledger.balanced ? 'balanced' : 'unbalanced'}`,
      );
      return ledger.balanced ? 0 : 1;
    } finally {
      await client.end();
    }
  } finally {
    await cleanUp();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(2);
  },
);
