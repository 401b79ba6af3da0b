import type { Logger } from 'pino';
import type { ChannelClient } from '../../adapters/channels/channel-client.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import type { Channel } from '../payments/index.js';

/** What the reconciliation module's use cases take. */
export type ReconDeps = {
  db: Db;
  clock: Clock;
  jobs: JobQueue;
  logger: Logger;
  channels: Record<Channel, ChannelClient>;
  /** Where statement files are spooled while they are read (the OS temp dir by default). */
  spoolDir?: string;
};
