import { spawn, spawnSync } from 'node:child_process';

/** pgbench's connection flags and environment for a postgres:// URL. */
function pgbenchTarget(url: string): { args: string[]; env: NodeJS.ProcessEnv } {
  const target = new URL(url);
  const args = ['-h', target.hostname, '-p', target.port || '5432'];
  if (target.username) args.push('-U', decodeURIComponent(target.username));
  args.push(decodeURIComponent(target.pathname.slice(1)));
  const env = { ...process.env };
  if (target.password) env.PGPASSWORD = decodeURIComponent(target.password);
  return { args, env };
}

/** The installed pgbench's version line, or an error that says how to get it. */
export function pgbenchVersion(): string {
  const probe = spawnSync('pgbench', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      'pgbench is not installed. On Debian/Ubuntu: apt-get install postgresql-client ' +
        '(it ships pgbench); on macOS: brew install libpq.',
    );
  }
  return probe.stdout.trim();
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('pgbench', args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve(output)
        : reject(new Error(`pgbench ${args.join(' ')} failed (${code}):\n${output}`)),
    );
  });
}

export type TpcbResult = { tps: number; latencyAvgMs: number | null; output: string };

/**
 * The reference figure: pgbench's built-in TPC-B-like script on the same server, in a database
 * of its own: `pgbench -i -s <scale>` then `-c <clients> -j <jobs> -T <seconds> -M prepared`.
 * `beforeRun` runs between the two (the caller takes a checkpoint there).
 */
export async function measureTpcb(
  url: string,
  options: { scale: number; clients: number; jobs: number; durationS: number },
  beforeRun: () => Promise<void>,
): Promise<TpcbResult> {
  const { args, env } = pgbenchTarget(url);
  await run(['-i', '-q', '-s', String(options.scale), ...args], env);
  await beforeRun();
  const output = await run(
    [
      '-c',
      String(options.clients),
      '-j',
      String(options.jobs),
      '-T',
      String(options.durationS),
      '-M',
      'prepared',
      ...args,
    ],
    env,
  );
  // "tps = 1234.567890 (without initial connection time)"
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(output)?.[1];
  if (!tps) throw new Error(`no tps in pgbench's output:\n${output}`);
  const latency = /latency average = ([\d.]+) ms/.exec(output)?.[1];
  return { tps: Number(tps), latencyAvgMs: latency ? Number(latency) : null, output };
}
