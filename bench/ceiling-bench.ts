/**
 * `npm run bench:ceiling` (docs/benchmarks.md, "The ceiling of this machine"): what a capture
 * path with nothing but the database work costs on this machine, measured like `npm run bench`
 * (a server process, autocannon at 100 connections with unique Idempotency-Keys, durable
 * commits, each reply after its own commit, then pgbench's TPC-B on the same server).
 *
 * Not Sharefin: a bare Fastify route and group commit, no authentication, validation, limits,
 * fees or channel protocol. It answers one question for the payments goal (ratio ≥ 2.5): which
 * write design can reach it here at all.
 * - `one-phase`: the payment is written once, succeeded, with its journal, entries and the
 *   merchant's balance, in one statement per batch: a channel is called before anything is
 *   durable.
 * - `two-phase`: the pending payment is committed first (what makes a crash during the channel
 *   call recoverable by query and reversal), then the success, the journal, entries and balance.
 */
import { spawn } from 'node:child_process';
import { randomInt, randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import autocannon, { type Result } from 'autocannon';
import Fastify from 'fastify';
import pg from 'pg';
import { Batcher, captureBatching } from '../server/src/platform/db/batcher.js';
import { BenchDatabases, defaultBenchDatabaseUrl, withClient } from './bench-databases.js';
import { measureTpcb } from './tpcb.js';

type Design = 'one-phase' | 'two-phase';
const merchants = 10_000;
const schema = `
create table payments (id bigserial primary key, merchant int not null, amount bigint not null,
  fee bigint not null, idempotency_key text not null unique, status text not null,
  created_at timestamptz not null default now());
create table journals (id bigserial primary key, payment bigint not null references payments);
create table entries (id bigserial primary key, journal bigint not null references journals,
  account int not null, amount bigint not null);
create table balances (account int primary key, balance bigint not null);
insert into balances select g, 0 from generate_series(1, ${merchants}) g;
analyze balances;`;

// Three legs as Sharefin's payment journal: channel receivable, merchant payable, fee income.
const postSucceeded = (payments: string) => `
j as (insert into journals (payment) select id from ${payments} returning id, payment),
e as (insert into entries (journal, account, amount)
  select j.id, leg.account, leg.amount from j join ${payments} p on p.id = j.payment
  cross join lateral (values (0, p.amount), (p.merchant, p.fee - p.amount), (-1, -p.fee))
  as leg (account, amount)),
b as (update balances set balance = balance + s.total
  from (select merchant, sum(amount - fee) as total from ${payments} group by merchant) s
  where balances.account = s.merchant)`;
const inputs = `json_to_recordset($1::json) as r (merchant int, amount bigint, key text)`;
const statements = {
  oneStep: `with p as (insert into payments (merchant, amount, fee, idempotency_key, status)
    select merchant, amount, amount * 38 / 10000, key, 'succeeded' from ${inputs}
    returning id, merchant, amount, fee), ${postSucceeded('p')} select id::text from p`,
  open: `insert into payments (merchant, amount, fee, idempotency_key, status)
    select merchant, amount, amount * 38 / 10000, key, 'pending' from ${inputs}
    returning id::text`,
  succeed: `with p as (update payments set status = 'succeeded'
    from json_array_elements_text($1::json) as done (id)
    where payments.id = done.id::bigint and status = 'pending'
    returning payments.id, merchant, amount, fee), ${postSucceeded('p')} select id::text from p`,
};

async function serve(design: Design, url: string, port: number) {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const ids = async (sql: string, values: unknown[]) =>
    (await pool.query<{ id: string }>(sql, [JSON.stringify(values)])).rows.map((row) => row.id);
  type Capture = { merchant: number; amount: number; key: string };
  // Sharefin's own group commit, so the two figures differ only by what a capture does.
  const batcher = <I>(sql: string) =>
    new Batcher(
      async (items: readonly I[]) =>
        (await ids(sql, [...items])).map((value) => ({ ok: true as const, value })),
      captureBatching,
    );
  const oneStep = batcher<Capture>(statements.oneStep);
  const open = batcher<Capture>(statements.open);
  const succeed = batcher<string>(statements.succeed);
  const app = Fastify();
  app.post('/captures', async (request) => {
    const body = request.body as { merchant: number; amount: number };
    const capture = { ...body, key: String(request.headers['idempotency-key']) };
    if (design === 'one-phase') return { id: await oneStep.submit(capture), status: 'succeeded' };
    const id = await open.submit(capture);
    // Where Sharefin calls the channel: an instant one answers on the next turn.
    await new Promise((resolve) => setImmediate(resolve));
    await succeed.submit(id);
    return { id, status: 'succeeded' };
  });
  await app.listen({ port, host: '127.0.0.1' });
  process.stdout.write('ready\n');
  process.on('SIGTERM', () => void app.close().then(() => pool.end()));
}

function startServer(design: Design, url: string, port: number) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', new URL(import.meta.url).pathname, 'serve', design, url, String(port)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
    child.on('exit', (code) => reject(new Error(`the ceiling server exited (${code})`)));
  });
  return { ready, stop: () => child.kill('SIGTERM') };
}

async function measure(design: Design, durationS: number) {
  const databases = new BenchDatabases(process.env.BENCH_DATABASE_URL || defaultBenchDatabaseUrl);
  try {
    const captures = await databases.create('ceiling');
    await withClient(captures.url, (client) => client.query(schema));
    const port = 3900 + randomInt(90);
    const server = startServer(design, captures.url, port);
    // Stopped whatever happens: a server left behind would hold its port and connections.
    let result: Result;
    try {
      await server.ready;
      result = await new Promise<Result>((resolve, reject) =>
        autocannon(
          {
            url: `http://127.0.0.1:${port}/captures`,
            connections: 100,
            duration: durationS,
            requests: [
              {
                method: 'POST',
                setupRequest: (request) => ({
                  ...request,
                  headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
                  body: JSON.stringify({
                    merchant: randomInt(1, merchants + 1),
                    amount: randomInt(100, 50_000),
                  }),
                }),
              },
            ],
          },
          (error, done) => (error ? reject(error) : resolve(done)),
        ),
      );
    } finally {
      server.stop();
    }
    const pgbench = await databases.create('pgbench');
    const tpcb = await measureTpcb(
      pgbench.url,
      { scale: 50, clients: 16, jobs: 2, durationS },
      async () => {
        await withClient(pgbench.url, (client) => client.query('checkpoint'));
      },
    );
    const perS = result.requests.average;
    process.stdout.write(
      `design=${design} captures_per_s=${Math.round(perS)} p99_ms=${result.latency.p99} ` +
        `errors=${result.errors + result.non2xx} tpcb_tps=${Math.round(tpcb.tps)} ` +
        `ratio=${(perS / tpcb.tps).toFixed(2)} load_average=${loadavg()[0]?.toFixed(2)}\n`,
    );
  } finally {
    await databases.drop();
  }
}

const [command, ...rest] = process.argv.slice(2);
if (command === 'serve') {
  await serve(rest[0] as Design, rest[1] as string, Number(rest[2]));
} else {
  const durationS = Number(process.env.BENCH_DURATION_S || 30);
  for (const design of ['one-phase', 'two-phase'] as const) await measure(design, durationS);
}
