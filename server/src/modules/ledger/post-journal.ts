import { sql } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.js';
import { type Db, queryRows } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { newId } from '../../platform/ids.js';
import { assertFen } from '../../platform/money.js';
import { type AccountRef, accountCode, accountIds, keepsRunningBalance } from './accounts.js';
import { accountKinds, ledgerEntries, ledgerJournals } from './tables.js';

/** One line of a posting: debit positive, credit negative, never zero. */
export type PostingLine = { account: AccountRef; amountFen: number };

export type JournalInput = {
  kind: string;
  sourceType: string;
  sourceId: string;
  merchantId: string | null;
  description: string;
  lines: readonly PostingLine[];
  /** Accounts (by code) this posting may take below zero; by default none may (DESIGN.md §5). */
  mayGoNegative?: readonly string[];
};

export type PostedJournal = { journalId: string; posted: boolean };

/**
 * Posts one journal in the caller's transaction. The journal is unique per (kind, source), so a
 * second posting of the same event is a no-op that returns the first journal: a replayed
 * notification or a retried job cannot post twice. Lines that sum to anything but zero are a
 * programming error and throw before anything is written.
 *
 * Running balances of merchant-owned accounts are updated under their row locks, taken in id
 * order so that two postings touching the same accounts cannot deadlock.
 */
export async function postJournal(
  db: Db,
  clock: Clock,
  input: JournalInput,
): Promise<PostedJournal> {
  const lines = input.lines.filter((line) => line.amountFen !== 0);
  let sum = 0;
  for (const line of lines) {
    assertFen(line.amountFen);
    sum += line.amountFen;
  }
  if (sum !== 0 || lines.length < 2) {
    throw new Error(`Journal ${input.kind}:${input.sourceId} does not balance (${sum})`);
  }
  const now = clock.now();
  const journalId = newId('journal', now.getTime());
  const inserted = await db
    .insert(ledgerJournals)
    .values({
      id: journalId,
      kind: input.kind,
      sourceType: input.sourceType,
      sourceId: input.sourceId,
      merchantId: input.merchantId,
      description: input.description,
      postedAt: now,
    })
    .onConflictDoNothing({ target: [ledgerJournals.kind, ledgerJournals.sourceId] })
    .returning({ id: ledgerJournals.id });
  if (inserted.length === 0) {
    const [existing] = await queryRows<{ id: string }>(
      db,
      sql`select id from ledger_journals where kind = ${input.kind} and source_id = ${input.sourceId}`,
    );
    return { journalId: existing?.id ?? journalId, posted: false };
  }

  const ids = await accountIds(
    db,
    clock,
    lines.map((line) => line.account),
  );
  const idOf = (ref: AccountRef) => ids.get(accountCode(ref)) as string;
  await db.insert(ledgerEntries).values(
    lines.map((line) => ({
      journalId,
      accountId: idOf(line.account),
      amountFen: line.amountFen,
      merchantId: line.account.merchantId ?? input.merchantId,
      postedAt: now,
    })),
  );

  // Normal-side deltas: a credit grows a liability, a debit grows an asset.
  const deltas = new Map<string, { code: string; delta: number }>();
  for (const line of lines) {
    if (!keepsRunningBalance(line.account.kind)) continue;
    const sign = accountKinds[line.account.kind] === 'asset' ? 1 : -1;
    const id = idOf(line.account);
    const current = deltas.get(id) ?? { code: accountCode(line.account), delta: 0 };
    current.delta += sign * line.amountFen;
    deltas.set(id, current);
  }
  for (const [id, { code, delta }] of [...deltas].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [row] = await queryRows<{ balance_fen: string }>(
      db,
      sql`update ledger_accounts set balance_fen = balance_fen + ${delta} where id = ${id} returning balance_fen`,
    );
    if (row && Number(row.balance_fen) < 0 && !input.mayGoNegative?.includes(code)) {
      throw new AppError('insufficient_balance', { detail: `${code} would go below zero` });
    }
  }
  return { journalId, posted: true };
}
