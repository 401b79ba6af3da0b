import type { Actor } from '../../platform/auth/principal.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { ReconDeps } from './deps.js';
import type { ImportOutcome } from './import-statement.js';
import { importStatementFile } from './import-statement-file.js';
import type { StatementChannel } from './tables.js';

/**
 * Downloads a channel's statement of one day through its client and imports it. The download
 * is over before the import's transaction begins (no transaction waits on the channel). The
 * client answers with the whole file in memory (channel-client.ts); the reading and matching
 * after it stream as an upload does.
 */
export async function fetchStatement(
  deps: ReconDeps,
  input: {
    channel: StatementChannel;
    statementDate: string;
    importedByUserId: string | null;
    actor: Actor;
  },
): Promise<ImportOutcome> {
  const client = deps.channels[input.channel];
  if (!client.downloadStatement) throw new AppError('statement_download_unsupported');
  const file = await client.downloadStatement(input.statementDate);
  async function* body() {
    yield file;
  }
  return importStatementFile(deps, { ...input, body: body(), source: 'download' });
}
