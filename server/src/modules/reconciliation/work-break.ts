import { eq } from 'drizzle-orm';
import type { Actor, Principal } from '../../platform/auth/principal.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { recordAudit } from '../audit/index.js';
import { postJournal } from '../ledger/index.js';
import { adjustingLines } from './adjusting-journal.js';
import type { ReconDeps } from './deps.js';
import {
  type BreakStatus,
  type ReconBreakRow,
  type ResolutionAction,
  reconBreaks,
  statementImports,
} from './tables.js';

export const adjustingJournalKind = 'recon_adjustment';

type Caller = { principal: Principal; actor: Actor };

/** Statuses from which the maker may (re)decide: an escalated or timing break can be revisited. */
const decidable: readonly BreakStatus[] = ['open', 'timing', 'escalated'];

/** The break under its row lock, refused when its import has been replaced by a newer file. */
async function lockBreak(tx: Db, breakId: string): Promise<ReconBreakRow> {
  const [found] = await tx
    .select()
    .from(reconBreaks)
    .where(eq(reconBreaks.id, breakId))
    .for('update');
  if (!found) throw new AppError('resource_not_found');
  const [owner] = await tx
    .select({ status: statementImports.status })
    .from(statementImports)
    .where(eq(statementImports.id, found.importId));
  if (owner?.status !== 'matched') throw new AppError('recon_import_superseded');
  return found;
}

async function saveAndAudit(
  tx: Db,
  deps: Pick<ReconDeps, 'clock'>,
  caller: Caller,
  before: ReconBreakRow,
  change: Partial<ReconBreakRow>,
  action: string,
): Promise<ReconBreakRow> {
  const [after] = await tx
    .update(reconBreaks)
    .set({ ...change, updatedAt: deps.clock.now() })
    .where(eq(reconBreaks.id, before.id))
    .returning();
  const pick = (row: Partial<ReconBreakRow>) => ({
    status: row.status,
    resolutionAction: row.resolutionAction,
    resolutionReason: row.resolutionReason,
    adjustingJournalId: row.adjustingJournalId,
  });
  await recordAudit(tx, deps.clock, caller.actor, {
    action,
    targetType: 'recon_break',
    targetId: before.id,
    scopePath: null,
    before: pick(before),
    after: pick(after as ReconBreakRow),
  });
  return after as ReconBreakRow;
}

/**
 * The maker's decision on a break. `timing` (it will clear on a later statement) and `escalate`
 * take effect at once; `accept_channel` only proposes the adjusting journal, which a checker
 * must approve before anything is posted.
 */
export async function resolveBreak(
  deps: Pick<ReconDeps, 'db' | 'clock'>,
  caller: Caller,
  breakId: string,
  body: { action: ResolutionAction; reason: string },
): Promise<ReconBreakRow> {
  return deps.db.transaction(async (tx: Db) => {
    const found = await lockBreak(tx, breakId);
    if (!decidable.includes(found.status)) throw new AppError('recon_break_not_actionable');
    const status: BreakStatus =
      body.action === 'accept_channel'
        ? 'pending_approval'
        : body.action === 'timing'
          ? 'timing'
          : 'escalated';
    return saveAndAudit(
      tx,
      deps,
      caller,
      found,
      {
        status,
        resolutionAction: body.action,
        resolutionReason: body.reason,
        proposedByUserId: caller.principal.userId,
        proposedAt: deps.clock.now(),
      },
      `recon.break_${body.action}`,
    );
  });
}

/**
 * The checker approves an `accept_channel` proposal: the adjusting journal is posted (once: it
 * is unique per break) and the break is resolved. Four eyes: the proposer cannot approve.
 */
export async function approveBreak(
  deps: Pick<ReconDeps, 'db' | 'clock'>,
  caller: Caller,
  breakId: string,
): Promise<ReconBreakRow> {
  return deps.db.transaction(async (tx: Db) => {
    const found = await lockBreak(tx, breakId);
    if (found.status !== 'pending_approval') throw new AppError('recon_break_not_actionable');
    if (found.proposedByUserId === caller.principal.userId) {
      throw new AppError('recon_self_approval');
    }
    const lines = adjustingLines(found);
    const journal =
      lines.length >= 2
        ? await postJournal(tx, deps.clock, {
            kind: adjustingJournalKind,
            sourceType: 'recon_break',
            sourceId: found.id,
            merchantId: null,
            description: `对账调整 ${found.channel} ${found.statementDate} ${found.kind}（差错 ${found.id}）`,
            lines,
          })
        : null;
    return saveAndAudit(
      tx,
      deps,
      caller,
      found,
      {
        status: 'resolved',
        approvedByUserId: caller.principal.userId,
        approvedAt: deps.clock.now(),
        adjustingJournalId: journal?.journalId ?? null,
      },
      'recon.break_approved',
    );
  });
}

/** The checker sends a proposal back: the break is open again, the reason kept in the audit. */
export async function rejectBreak(
  deps: Pick<ReconDeps, 'db' | 'clock'>,
  caller: Caller,
  breakId: string,
  body: { reason: string },
): Promise<ReconBreakRow> {
  return deps.db.transaction(async (tx: Db) => {
    const found = await lockBreak(tx, breakId);
    if (found.status !== 'pending_approval') throw new AppError('recon_break_not_actionable');
    return saveAndAudit(
      tx,
      deps,
      caller,
      found,
      {
        status: 'open',
        resolutionAction: null,
        resolutionReason: body.reason,
        proposedByUserId: null,
        proposedAt: null,
      },
      'recon.break_rejected',
    );
  });
}
