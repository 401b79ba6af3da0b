import type { Logger } from 'pino';
import type { ChannelClient } from '../../adapters/channels/channel-client.js';
import type { Config } from '../../config.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import type { Channel } from './tables.js';

/** What the payments module's use cases take. */
export type PaymentDeps = {
  db: Db;
  clock: Clock;
  config: Config;
  jobs: JobQueue;
  logger: Logger;
  channels: Record<Channel, ChannelClient>;
};

/** Where a channel sends its notifications for this installation. */
export function notifyUrl(config: Config, channel: Channel): string {
  return `${config.publicUrl}/api/v1/channels/${channel}/notifications`;
}
