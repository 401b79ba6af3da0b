import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const root = path.resolve(import.meta.dirname, '..');

/** A TCP port nothing listens on right now, as the kernel hands one out. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** `BENCH_CPU_PROFILE=<dir>`: the server writes a V8 CPU profile there when it stops. */
function profileArgs(): string[] {
  const dir = process.env.BENCH_CPU_PROFILE;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(dir)}`] : [];
}

export type SharefinProcess = {
  baseUrl: string;
  /** The server's node process, leader of its own process group. */
  pid: number;
  /** SIGTERM (graceful: in-flight requests and jobs finish), then SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
};

/**
 * Starts `node --import tsx server/src/main.ts serve` as a child in its own process group (so
 * that stopping it stops anything it started), and waits until /readyz answers 200. Node runs
 * the server itself, not through the tsx launcher, so that SIGTERM reaches it directly and a
 * CPU profile (`BENCH_CPU_PROFILE`) is written when it exits.
 */
export async function startSharefin(env: Record<string, string>): Promise<SharefinProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [...profileArgs(), '--import', 'tsx', path.join(root, 'server', 'src', 'main.ts'), 'serve'],
    {
      cwd: root,
      env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-20_000);
    process.stderr.write(chunk);
  });
  // pino writes its JSON lines to stdout: pass them on (LOG_LEVEL decides how many), not the
  // welcome text.
  let partial = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) if (line.startsWith('{')) process.stderr.write(`${line}\n`);
  });
  let exited = false;
  const exit = once(child, 'exit').then(() => {
    exited = true;
  });
  const baseUrl = `http://127.0.0.1:${port}`;

  const signal = (name: NodeJS.Signals) => {
    if (exited || child.pid === undefined) return;
    try {
      process.kill(-child.pid, name);
    } catch {
      // The group is gone already.
    }
  };
  const stop = async (graceMs = 20_000) => {
    if (exited) return;
    signal('SIGTERM');
    const timer = setTimeout(() => signal('SIGKILL'), graceMs);
    await exit;
    clearTimeout(timer);
  };

  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`Sharefin exited before it was ready:\n${stderr}`);
    try {
      const response = await fetch(`${baseUrl}/readyz`);
      if (response.status === 200) return { baseUrl, pid: child.pid as number, stop };
    } catch {
      // Not listening yet.
    }
    await sleep(250);
  }
  await stop(2_000);
  throw new Error(`Sharefin was not ready within 120 s:\n${stderr}`);
}

/**
 * Puts the in-process WeChat simulator in its instant mode (no added latency, everything due
 * settles at once). There is no environment setting for it: faults and timings are set per
 * channel through POST /sim/<channel>/faults on the running server.
 */
export async function makeChannelInstant(baseUrl: string, channel: string): Promise<void> {
  const response = await fetch(`${baseUrl}/sim/${channel}/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ reset: true, instant: true, latencyMs: 0 }),
  });
  const faults = (await response.json()) as { instant?: boolean; latencyMs?: number };
  if (response.status !== 200 || faults.instant !== true || faults.latencyMs !== 0) {
    throw new Error(`could not make the ${channel} simulator instant: ${JSON.stringify(faults)}`);
  }
}
