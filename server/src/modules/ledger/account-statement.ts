import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Db, queryRows } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';

export const statementLineSchema = z.object({
  entryId: z.string(),
  journalId: z.string(),
  journalKind: z.string(),
  sourceId: z.string(),
  description: z.string(),
  postedAt: z.iso.datetime(),
  debitFen: z.number().int(),
  creditFen: z.number().int(),
});

export const accountStatementSchema = z.object({
  account: z.object({
    code: z.string(),
    kind: z.string(),
    type: z.string(),
    balanceFen: z.number().int(),
  }),
  data: z.array(statementLineSchema),
  hasMore: z.boolean(),
});
export type AccountStatement = z.infer<typeof accountStatementSchema>;

/**
 * One account's entries, newest first, with its balance on the normal side computed from the
 * entries (the running balance of merchant accounts must agree; the trial balance checks it).
 * `merchantIds` limits a caller to the accounts of the merchants they may see.
 */
export async function accountStatement(
  db: Db,
  code: string,
  page: { limit: number; startingAfter?: string },
  isVisible: (account: { merchantId: string | null }) => Promise<boolean>,
): Promise<AccountStatement> {
  const [account] = await queryRows<{
    id: string;
    code: string;
    kind: string;
    type: string;
    merchant_id: string | null;
    total: string | null;
  }>(
    db,
    sql`select a.id, a.code, a.kind, a.type, a.merchant_id,
          (select sum(amount_fen) from ledger_entries where account_id = a.id) as total
        from ledger_accounts a where a.code = ${code}`,
  );
  if (!account || !(await isVisible({ merchantId: account.merchant_id }))) {
    throw new AppError('resource_not_found');
  }
  const after = page.startingAfter ? Number(page.startingAfter) : null;
  if (after !== null && !Number.isSafeInteger(after)) {
    throw new AppError('validation_failed', { param: 'startingAfter' });
  }
  const rows = await queryRows<{
    id: string;
    journal_id: string;
    amount_fen: string;
    posted_at: Date | string;
    kind: string;
    source_id: string;
    description: string;
  }>(
    db,
    sql`select e.id, e.journal_id, e.amount_fen, e.posted_at, j.kind, j.source_id, j.description
        from ledger_entries e join ledger_journals j on j.id = e.journal_id
        where e.account_id = ${account.id} ${after === null ? sql`` : sql`and e.id < ${after}`}
        order by e.id desc limit ${page.limit + 1}`,
  );
  const debitNormal = account.type === 'asset' || account.type === 'expense';
  const total = Number(account.total ?? 0);
  return {
    account: {
      code: account.code,
      kind: account.kind,
      type: account.type,
      balanceFen: debitNormal ? total : -total,
    },
    data: rows.slice(0, page.limit).map((row) => {
      const amount = Number(row.amount_fen);
      return {
        entryId: String(row.id),
        journalId: row.journal_id,
        journalKind: row.kind,
        sourceId: row.source_id,
        description: row.description,
        postedAt: new Date(row.posted_at).toISOString(),
        debitFen: amount > 0 ? amount : 0,
        creditFen: amount < 0 ? -amount : 0,
      };
    }),
    hasMore: rows.length > page.limit,
  };
}
