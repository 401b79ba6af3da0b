import { sql } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.js';
import { type Db, queryRows } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { newId } from '../../platform/ids.js';
import { assertFen } from '../../platform/money.js';
import { type AccountRef, accountCode, accountIds, keepsRunningBalance } from './accounts.js';
import { accountKinds } from './tables.js';

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
 * order so that two postings touching the same accounts cannot deadlock. The whole posting is
 * one statement (two when an account is used for the first time, which creates it).
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

  // Normal-side deltas: a credit grows a liability, a debit grows an asset.
  const deltas = new Map<string, number>();
  for (const line of lines) {
    if (!keepsRunningBalance(line.account.kind)) continue;
    const sign = accountKinds[line.account.kind] === 'asset' ? 1 : -1;
    const code = accountCode(line.account);
    deltas.set(code, (deltas.get(code) ?? 0) + sign * line.amountFen);
  }

  let posted = await postInOneStatement(db, now, journalId, input, lines, deltas);
  if (posted.missingAccounts) {
    // The first posting to an account creates it, then posts.
    await accountIds(
      db,
      clock,
      lines.map((line) => line.account),
    );
    posted = await postInOneStatement(db, now, journalId, input, lines, deltas);
    if (posted.missingAccounts) throw new Error(`Accounts of ${input.sourceId} not created`);
  }
  if (!posted.journalId) return { journalId: posted.existingId ?? journalId, posted: false };
  for (const { code, balance } of posted.balances) {
    if (balance < 0 && !input.mayGoNegative?.includes(code)) {
      throw new AppError('insufficient_balance', { detail: `${code} would go below zero` });
    }
  }
  return { journalId, posted: true };
}

type OneStatement = {
  missingAccounts: boolean;
  journalId: string | null;
  existingId: string | null;
  balances: { code: string; balance: number }[];
};

/**
 * The journal, its entries and the running balances in one statement (data-modifying CTEs),
 * written only when every account already exists and the journal is new. More than one
 * running balance (a market commission) is first row-locked in id order, so that two postings
 * touching the same accounts cannot deadlock; a single one is locked by its update.
 */
async function postInOneStatement(
  db: Db,
  now: Date,
  journalId: string,
  input: JournalInput,
  lines: readonly PostingLine[],
  deltas: Map<string, number>,
): Promise<OneStatement> {
  const codes = [...new Set(lines.map((line) => accountCode(line.account)))];
  const at = sql`${now.toISOString()}::timestamptz`;
  if (deltas.size > 1) {
    await db.execute(
      sql`select id from ledger_accounts where code in ${sql`(${sql.join(
        [...deltas.keys()].map((code) => sql`${code}`),
        sql`, `,
      )})`} order by id for update`,
    );
  }
  const lineValues = sql.join(
    lines.map(
      (line, index) =>
        sql`(${index}::int, ${accountCode(line.account)}::text, ${line.amountFen}::bigint, ${
          line.account.merchantId ?? input.merchantId
        }::text)`,
    ),
    sql`, `,
  );
  const deltaValues =
    deltas.size > 0
      ? sql.join(
          [...deltas].map(([code, delta]) => sql`(${code}::text, ${delta}::bigint)`),
          sql`, `,
        )
      : sql`(null::text, 0::bigint)`;
  const [row] = await queryRows<{
    found: string;
    journal_id: string | null;
    existing_id: string | null;
    balances: { code: string; balance_fen: string | number }[] | null;
  }>(
    db,
    sql`with acc as (
          select id, code from ledger_accounts
          where code in (${sql.join(
            codes.map((code) => sql`${code}`),
            sql`, `,
          )})
        ), ready as (
          select count(*) = ${codes.length} as ok from acc
        ), j as (
          insert into ledger_journals (id, kind, source_type, source_id, merchant_id, description, posted_at)
          select ${journalId}, ${input.kind}, ${input.sourceType}, ${input.sourceId},
                 ${input.merchantId}::text, ${input.description}, ${at}
          from ready where ready.ok
          on conflict (kind, source_id) do nothing
          returning id
        ), e as (
          insert into ledger_entries (journal_id, account_id, amount_fen, merchant_id, posted_at)
          select j.id, acc.id, v.amount_fen, v.merchant_id, ${at}
          from j cross join (values ${lineValues}) as v(n, code, amount_fen, merchant_id)
          join acc on acc.code = v.code
          order by v.n
          returning 1
        ), b as (
          update ledger_accounts a set balance_fen = a.balance_fen + d.delta
          from (values ${deltaValues}) as d(code, delta)
          where a.code = d.code and exists (select 1 from j)
          returning a.code, a.balance_fen
        )
        select (select count(*) from acc) as found,
               (select id from j) as journal_id,
               (select id from ledger_journals where kind = ${input.kind} and source_id = ${input.sourceId}) as existing_id,
               (select json_agg(json_build_object('code', b.code, 'balance_fen', b.balance_fen)) from b) as balances,
               (select count(*) from e) as entries`,
  );
  const missingAccounts = Number(row?.found ?? 0) !== codes.length;
  return {
    missingAccounts,
    journalId: row?.journal_id ?? null,
    existingId: row?.existing_id ?? null,
    balances: (row?.balances ?? []).map((b) => ({ code: b.code, balance: Number(b.balance_fen) })),
  };
}
