import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { inject } from 'vitest';
import { buildApp, type SharefinApp } from '../src/app.js';
import { type Config, loadConfig } from '../src/config.js';
import { ManualClock } from '../src/platform/clock.js';
import { createEncryptor, type Encryptor } from '../src/platform/crypto/encryption.js';
import { type Database, openDatabase } from '../src/platform/db/database.js';
import { withDatabase } from './global-setup.js';
import { testEncryptionKey } from './test-key.js';

/**
 * A fresh database for one test file, cloned from the migrated, demo-seeded template that
 * global-setup made: PGlite from its dump, PostgreSQL as a new database from the template.
 */
export async function createTestDatabase(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const template = inject('templateDatabase');
    const name = `sharefin_t_${template.slice(13)}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      // Two files cloning the template at the same instant can collide; a retry settles it.
      for (let attempt = 1; ; attempt++) {
        try {
          await admin.query(`create database ${name} template ${template}`);
          break;
        } catch (error) {
          if (attempt >= 10) throw error;
          await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
        }
      }
    } finally {
      await admin.end();
    }
    return openDatabase({ kind: 'postgres', url: withDatabase(url, name), poolMax: 20 });
  }
  const dump = readFileSync(inject('pgliteTemplateFile'));
  return openDatabase({ kind: 'pglite', loadDataDir: new Blob([dump]) });
}

export { testEncryptionKey };

export type TestApp = SharefinApp & {
  database: Database;
  db: Database['db'];
  encryptor: Encryptor;
  clock: ManualClock;
  config: Config;
  close(): Promise<void>;
};

/** The whole app on a fresh database, with a clock the test moves by hand. */
export async function createTestApp(settings: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    SHAREFIN_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'sharefin-data-')),
    SHAREFIN_MFA_ENFORCEMENT: 'on',
    SHAREFIN_WEB_DIST: path.join(tmpdir(), 'sharefin-no-web'),
    // Tests start settlement runs themselves, at the instants they choose.
    SETTLEMENT_SCHEDULE: 'off',
    ...settings,
  });
  const clock = new ManualClock(new Date());
  const encryptor = createEncryptor(testEncryptionKey);
  const built = await buildApp({
    config,
    database,
    clock,
    encryptor,
    logger: pino({ level: 'silent' }),
  });
  await built.app.ready();
  return {
    ...built,
    database,
    db: database.db,
    encryptor,
    clock,
    config,
    close: async () => {
      await built.app.close();
      await database.close();
    },
  };
}
