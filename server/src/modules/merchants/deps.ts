import type { SmsSender } from '../../adapters/sms/sms-sender.js';
import type { Config } from '../../config.js';
import type { Clock } from '../../platform/clock.js';
import type { Encryptor } from '../../platform/crypto/encryption.js';
import type { Db } from '../../platform/db/database.js';
import type { FileStore } from '../../platform/files/file-store.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';

/** What the merchants module's use cases take. */
export type MerchantDeps = {
  db: Db;
  clock: Clock;
  config: Config;
  encryptor: Encryptor;
  jobs: JobQueue;
  files: FileStore;
  sms: SmsSender;
};
