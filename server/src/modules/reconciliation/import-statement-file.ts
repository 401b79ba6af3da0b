import type { Actor } from '../../platform/auth/principal.js';
import type { ReconDeps } from './deps.js';
import { type ImportOutcome, importStatement } from './import-statement.js';
import { spoolStatement } from './spool-statement.js';
import { statementReaders } from './statements/index.js';
import type { StatementChannel } from './tables.js';

/**
 * A statement file as it arrives (an upload, a channel's download), end to end: spooled to disk
 * with its digest, then read by the channel's reader and imported. The spooled copy is removed
 * whatever happens.
 */
export async function importStatementFile(
  deps: Pick<ReconDeps, 'db' | 'clock' | 'spoolDir'> & { maxBytes?: number },
  input: {
    channel: StatementChannel;
    statementDate: string;
    body: AsyncIterable<Uint8Array>;
    source: 'upload' | 'download';
    importedByUserId: string | null;
    actor: Actor;
  },
): Promise<ImportOutcome> {
  const spooled = await spoolStatement(input.body, { dir: deps.spoolDir, maxBytes: deps.maxBytes });
  try {
    return await importStatement(
      deps,
      {
        channel: input.channel,
        statementDate: input.statementDate,
        sha256: spooled.sha256,
        bytes: spooled.bytes,
        source: input.source,
        importedByUserId: input.importedByUserId,
        actor: input.actor,
      },
      () => statementReaders[input.channel](spooled.read()),
    );
  } finally {
    await spooled.remove();
  }
}
