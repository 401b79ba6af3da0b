import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { ManualClock } from '../src/platform/clock.js';
import { createEncryptor } from '../src/platform/crypto/encryption.js';
import { openDatabase } from '../src/platform/db/database.js';
import { applyMigrations } from '../src/platform/db/migrations.js';
import { seedDemoBank } from '../src/seed/demo-bank.js';
import { testEncryptionKey } from './test-key.js';

/**
 * Prepares one migrated and demo-seeded database that every test file clones: a PGlite data dir
 * dump, or a PostgreSQL template database when TEST_DATABASE_URL is set. Migrating and
 * hashing the demo passwords once instead of per file keeps the suite fast.
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const templateName = `sharefin_tpl_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${templateName}`);
    const templateUrl = withDatabase(url, templateName);
    const database = await openDatabase({ kind: 'postgres', url: templateUrl, poolMax: 2 });
    await applyMigrations(database);
    await seedDemoBank(
      database.db,
      new ManualClock('2026-01-01T00:00:00Z'),
      createEncryptor(testEncryptionKey),
      { payments: false },
    );
    await database.close();
    project.provide('templateDatabase', templateName);
    return async () => {
      // Drop the per-file databases made from this template, then the template.
      const made = await admin.query<{ datname: string }>(
        `select datname from pg_database where datname like $1`,
        [`sharefin_t_${templateName.slice(13)}_%`],
      );
      for (const row of made.rows)
        await admin.query(`drop database if exists ${row.datname} with (force)`);
      await admin.query(`drop database if exists ${templateName} with (force)`);
      await admin.end();
    };
  }
  const database = await openDatabase({ kind: 'pglite' });
  await applyMigrations(database);
  await seedDemoBank(
    database.db,
    new ManualClock('2026-01-01T00:00:00Z'),
    createEncryptor(testEncryptionKey),
    // The demo payment history takes half a minute to post, and every file would find it in
    // its ledger; demo-payments.test.ts seeds it on its own copy.
    { payments: false },
  );
  const dump = await database.pglite?.dumpDataDir('none');
  await database.close();
  if (!dump) throw new Error('PGlite did not dump its data dir');
  const folder = mkdtempSync(path.join(tmpdir(), 'sharefin-test-'));
  const file = path.join(folder, 'template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplateFile', file);
  return () => rmSync(folder, { recursive: true, force: true });
}

export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string;
    pgliteTemplateFile: string;
  }
}
