import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const defaultBenchDatabaseUrl = 'postgres://postgres@127.0.0.1:5432/postgres';

/** The same server and credentials as `url`, another database. */
export function urlOfDatabase(url: string, database: string): string {
  const target = new URL(url);
  target.pathname = `/${database}`;
  return target.toString();
}

/** Runs `work` on one connection to `url`, always closing it. */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * The databases one benchmark run owns: created with unique names on the benchmark's server and
 * dropped again at the end, whatever happened in between (`drop` is safe to call twice).
 * Names carry the prefix `bench_` so a run killed with SIGKILL leaves recognisable leftovers.
 */
export class BenchDatabases {
  private readonly created: string[] = [];
  private readonly runId = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;

  constructor(private readonly adminUrl: string) {}

  async create(purpose: string): Promise<{ name: string; url: string }> {
    const name = `bench_${purpose}_${this.runId}`;
    await withClient(this.adminUrl, (client) => client.query(`create database "${name}"`));
    this.created.push(name);
    return { name, url: urlOfDatabase(this.adminUrl, name) };
  }

  async drop(): Promise<void> {
    while (this.created.length > 0) {
      const name = this.created.pop() as string;
      try {
        await withClient(this.adminUrl, (client) =>
          // FORCE ends connections a killed child may have left behind (PostgreSQL 13+).
          client.query(`drop database if exists "${name}" with (force)`),
        );
      } catch (error) {
        process.stderr.write(`could not drop database ${name}: ${String(error)}\n`);
      }
    }
  }
}
