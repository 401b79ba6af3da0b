import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { ledgerAccounts, ledgerEntries, ledgerJournals } from './tables.js';

export type JournalView = {
  id: string;
  kind: string;
  sourceType: string;
  sourceId: string;
  description: string;
  postedAt: string;
  entries: {
    accountCode: string;
    accountKind: string;
    amountFen: number;
    side: 'debit' | 'credit';
  }[];
};

/** The journals posted for these business events (a payment and its refunds), oldest first. */
export async function journalsForSources(
  db: Db,
  sourceIds: readonly string[],
): Promise<JournalView[]> {
  if (sourceIds.length === 0) return [];
  const journals = await db
    .select()
    .from(ledgerJournals)
    .where(inArray(ledgerJournals.sourceId, [...sourceIds]))
    .orderBy(asc(ledgerJournals.id));
  if (journals.length === 0) return [];
  const entries = await db
    .select({
      journalId: ledgerEntries.journalId,
      amountFen: ledgerEntries.amountFen,
      accountCode: ledgerAccounts.code,
      accountKind: ledgerAccounts.kind,
    })
    .from(ledgerEntries)
    .innerJoin(ledgerAccounts, eq(ledgerAccounts.id, ledgerEntries.accountId))
    .where(
      inArray(
        ledgerEntries.journalId,
        journals.map((journal) => journal.id),
      ),
    )
    .orderBy(asc(ledgerEntries.id));
  return journals.map((journal) => ({
    id: journal.id,
    kind: journal.kind,
    sourceType: journal.sourceType,
    sourceId: journal.sourceId,
    description: journal.description,
    postedAt: journal.postedAt.toISOString(),
    entries: entries
      .filter((entry) => entry.journalId === journal.id)
      .map((entry) => ({
        accountCode: entry.accountCode,
        accountKind: entry.accountKind,
        amountFen: entry.amountFen,
        side: entry.amountFen > 0 ? ('debit' as const) : ('credit' as const),
      })),
  }));
}
