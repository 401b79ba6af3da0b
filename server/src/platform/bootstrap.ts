import type { Logger } from 'pino';
import type { AppDeps } from '../app.js';
import type { Config } from '../config.js';
import { systemClock } from './clock.js';
import { createEncryptor } from './crypto/encryption.js';
import { resolveEncryptionKey } from './crypto/encryption-key.js';
import { type Database, openDatabase } from './db/database.js';
import { applyMigrations } from './db/migrations.js';

/** Opens the database, applies migrations and assembles what buildApp needs. */
export async function bootstrap(config: Config, logger: Logger): Promise<AppDeps> {
  const database: Database = await openDatabase(
    config.database.kind === 'pglite'
      ? { kind: 'pglite', dataDir: config.database.dataDir }
      : config.database,
  );
  await applyMigrations(database);
  const { key, generated } = resolveEncryptionKey(config.encryptionKeyHex, config.dataDir);
  if (generated) {
    logger.warn(
      { keyFile: `${config.dataDir}/encryption.key` },
      'SHAREFIN_ENCRYPTION_KEY is not set: using a generated key stored beside the data (fine for a demo, not for production)',
    );
  }
  return { config, database, clock: systemClock, encryptor: createEncryptor(key), logger };
}
