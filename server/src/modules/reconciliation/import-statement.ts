import { and, eq, ne, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/principal.js';
import { shanghaiDay, shanghaiDayStart } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { newId } from '../../platform/ids.js';
import { recordAudit } from '../audit/index.js';
import { postChannelSettlement } from './channel-settlement.js';
import { classifyLines } from './classify-lines.js';
import type { ReconDeps } from './deps.js';
import { createStagingTable, stageLines } from './stage-lines.js';
import type { StatementLine, StatementSummary } from './statement-line.js';
import {
  reconBreaks,
  type StatementChannel,
  type StatementImportRow,
  statementImports,
} from './tables.js';
import { writeBreaks } from './write-breaks.js';

/** A statement's lines as a reader yields them, and its summary once they are read. */
export type OpenedStatement = {
  lines: AsyncIterable<StatementLine>;
  summary: Promise<StatementSummary>;
};

export type StatementFile = {
  channel: StatementChannel;
  statementDate: string;
  sha256: string;
  bytes: number;
  source: 'upload' | 'download';
  importedByUserId: string | null;
  actor: Actor;
};

export type ImportOutcome = { statementImport: StatementImportRow; created: boolean };

// Imports of one channel and date take this lock in turn (the second key is per channel-date).
const importLockKey = 7_305_118;

const dayMs = 24 * 3_600_000;

/**
 * Imports one statement file in one transaction: read and match it, write its breaks, post the
 * channel's settlement, and audit it. The same file (channel, date, sha256) again answers with
 * the import made the first time and changes nothing. Another file for the same channel and
 * date replaces the result in force, unless someone has worked on one of its breaks already
 * (`statement_import_locked`): the breaks they resolved would otherwise silently disappear.
 * A file the reader cannot read (`statement_malformed`) rolls everything back.
 */
export async function importStatement(
  deps: Pick<ReconDeps, 'db' | 'clock'>,
  file: StatementFile,
  open: () => OpenedStatement,
): Promise<ImportOutcome> {
  const { clock } = deps;
  const started = clock.now();
  if (file.statementDate >= shanghaiDay(started)) throw new AppError('statement_date_not_closed');
  return deps.db.transaction(async (tx: Db) => {
    await tx.execute(
      sql`select pg_advisory_xact_lock(${importLockKey}, hashtext(${`${file.channel}:${file.statementDate}`}))`,
    );
    const [same] = await tx
      .select()
      .from(statementImports)
      .where(
        and(
          eq(statementImports.channel, file.channel),
          eq(statementImports.statementDate, file.statementDate),
          eq(statementImports.fileSha256, file.sha256),
        ),
      );
    if (same) return { statementImport: same, created: false };
    const previous = await currentImport(tx, file.channel, file.statementDate);
    if (previous) await assertReplaceable(tx, previous);

    await createStagingTable(tx);
    const opened = open();
    // The summary settles only once the lines are read; should reading fail, its rejection is
    // the same error, reported by the loop below.
    opened.summary.catch(() => undefined);
    const staged = await stageLines(tx, opened.lines);
    const summary = await opened.summary;
    const dayStart = shanghaiDayStart(file.statementDate);
    const totals = await classifyLines(tx, file.channel, {
      start: dayStart,
      end: new Date(dayStart.getTime() + dayMs),
    });

    const now = clock.now();
    const id = newId('statementImport', now.getTime());
    if (previous) {
      await tx
        .update(statementImports)
        .set({ status: 'superseded', supersededById: id })
        .where(eq(statementImports.id, previous.id));
    }
    const netFen = totals.matchedPaymentTotalFen - totals.matchedRefundTotalFen;
    const settlementJournalId = await postChannelSettlement(tx, clock, {
      channel: file.channel,
      statementDate: file.statementDate,
      importId: id,
      netFen,
      postedNetFen: previous ? previous.settledNetFen : null,
    });
    const [created] = await tx
      .insert(statementImports)
      .values({
        id,
        channel: file.channel,
        statementDate: file.statementDate,
        fileSha256: file.sha256,
        fileBytes: file.bytes,
        lineCount: staged.lineCount,
        theirPaymentTotalFen: summary.paymentTotalFen,
        theirRefundTotalFen: summary.refundTotalFen,
        theirFeeTotalFen: summary.channelFeeTotalFen,
        ...totals,
        settledNetFen: netFen,
        settlementJournalId,
        status: 'matched',
        source: file.source,
        importedByUserId: file.importedByUserId,
        createdAt: started,
        finishedAt: now,
      })
      .returning();
    const statementImport = created as StatementImportRow;
    await writeBreaks(tx, statementImport, now);
    await recordAudit(tx, clock, file.actor, {
      action: previous ? 'recon.statement_superseded' : 'recon.statement_imported',
      targetType: 'statement_import',
      targetId: id,
      scopePath: null,
      before: previous ? { importId: previous.id, settledNetFen: previous.settledNetFen } : null,
      after: {
        importId: id,
        channel: file.channel,
        statementDate: file.statementDate,
        fileSha256: file.sha256,
        lineCount: staged.lineCount,
        breakCount: totals.breakCount,
        settledNetFen: netFen,
      },
    });
    return { statementImport, created: true };
  });
}

async function currentImport(
  tx: Db,
  channel: StatementChannel,
  statementDate: string,
): Promise<StatementImportRow | null> {
  const [row] = await tx
    .select()
    .from(statementImports)
    .where(
      and(
        eq(statementImports.channel, channel),
        eq(statementImports.statementDate, statementDate),
        eq(statementImports.status, 'matched'),
      ),
    )
    .for('update');
  return row ?? null;
}

/** A result may be replaced while every one of its breaks is still open (nobody acted on it). */
async function assertReplaceable(tx: Db, previous: StatementImportRow): Promise<void> {
  const [worked] = await tx
    .select({ id: reconBreaks.id })
    .from(reconBreaks)
    .where(and(eq(reconBreaks.importId, previous.id), ne(reconBreaks.status, 'open')))
    .limit(1);
  if (worked) throw new AppError('statement_import_locked');
}
