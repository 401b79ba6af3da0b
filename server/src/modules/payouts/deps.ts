import type { Logger } from 'pino';
import type { CoreBankClient } from '../../adapters/corebank/corebank-client.js';
import type { Config } from '../../config.js';
import type { Clock } from '../../platform/clock.js';
import type { Encryptor } from '../../platform/crypto/encryption.js';
import type { Db } from '../../platform/db/database.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';

/** What the payouts module's use cases take. */
export type PayoutDeps = {
  db: Db;
  clock: Clock;
  config: Config;
  logger: Logger;
  coreBank: CoreBankClient;
  encryptor: Encryptor;
  jobs?: JobQueue;
};

/** Where the core bank sends a payout's outcome for this installation. */
export function payoutNotifyUrl(config: Config): string {
  return `${config.publicUrl}/api/v1/corebank/notifications`;
}
