import { mkdirSync } from 'node:fs';
import { PGlite, types } from '@electric-sql/pglite';
import { type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';

/**
 * The database handle every use case takes. A transaction is a `Db` too, so a use case runs the
 * same whether it is given the pool or the caller's transaction.
 */
export type Db = PgDatabase<PgQueryResultHKT>;

export type DatabaseTarget =
  | { kind: 'pglite'; dataDir?: string; loadDataDir?: Blob }
  | { kind: 'postgres'; url: string; poolMax?: number };

export type PoolStats = { total: number; idle: number | null; waiting: number | null };

export type Database = {
  db: Db;
  kind: 'pglite' | 'postgres';
  poolStats(): PoolStats;
  close(): Promise<void>;
  /** Present on PGlite only: the embedded engine, for dumps in the test harness. */
  pglite?: PGlite;
  /** Present on PostgreSQL only: for work that needs one dedicated connection. */
  url?: string;
};

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'pglite') {
    if (target.dataDir) mkdirSync(target.dataDir, { recursive: true });
    // int8 as strings, as `pg` returns them, so both drivers hand the same values to drizzle.
    const client = await PGlite.create(target.dataDir ?? 'memory://', {
      loadDataDir: target.loadDataDir,
      parsers: { [types.INT8]: (value: string) => value },
    });
    const db = drizzlePglite(client) as unknown as Db;
    return {
      db,
      kind: 'pglite',
      // PGlite is one in-process connection with its own queue, which it does not expose.
      poolStats: () => ({ total: 1, idle: null, waiting: null }),
      close: () => client.close(),
      pglite: client,
    };
  }
  const pool = new pg.Pool({ connectionString: target.url, max: target.poolMax ?? 10 });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it. Queries report their own errors.
  });
  return {
    db: drizzlePg(pool) as unknown as Db,
    kind: 'postgres',
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    close: () => pool.end(),
    url: target.url,
  };
}

export async function ping(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}

/** Runs raw SQL and returns its rows; both drivers answer with `{ rows }`. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * Rows for one statement as a single JSON parameter, to be read with `json_to_recordset(…) as
 * r(column type, …)`: a batch of any size is one parameter and one statement text, on both
 * drivers (which serialise JS arrays differently).
 */
export function jsonRows(rows: readonly object[]): SQL {
  return sql`${JSON.stringify(rows)}::json`;
}
