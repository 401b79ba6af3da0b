import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { type Database, queryRows } from './database.js';

/** The generated SQL files, the same on PGlite and PostgreSQL (`npm run db:generate`). */
export const migrationsFolder = fileURLToPath(new URL('../../../migrations', import.meta.url));

// Any constant will do: it only has to be the same in every Sharefin process.
const migrationLockKey = 7_305_118_001;

export async function applyMigrations(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  // Several processes may start at once against one PostgreSQL; one migrates, the others wait.
  // A session lock lives on one connection, so migrate on a dedicated client, not the pool.
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [migrationLockKey]);
    await migratePg(drizzlePg(client), { migrationsFolder });
  } finally {
    await client.end();
  }
}

export function expectedMigrationCount(): number {
  const journal = JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8')) as {
    entries: unknown[];
  };
  return journal.entries.length;
}

/** How many of the shipped migrations the database has applied (0 before the first start). */
export async function appliedMigrationCount(database: Database): Promise<number> {
  const [exists] = await queryRows<{ present: boolean }>(
    database.db,
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  if (!exists?.present) return 0;
  const [result] = await queryRows<{ count: string }>(
    database.db,
    sql`select count(*)::text as count from drizzle.__drizzle_migrations`,
  );
  return Number(result?.count ?? 0);
}
