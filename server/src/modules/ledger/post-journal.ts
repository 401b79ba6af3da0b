import { sql } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.js';
import { type Db, jsonRows, queryRows } from '../../platform/db/database.js';
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
 */
export async function postJournal(
  db: Db,
  clock: Clock,
  input: JournalInput,
): Promise<PostedJournal> {
  const [posted] = await postJournals(db, clock, [input]);
  if (!posted) throw new Error(`Journal ${input.kind}:${input.sourceId} not posted`);
  return posted;
}

/** One line as the posting statement reads it, with its running-balance delta if it has one. */
type LineRow = {
  j: number;
  n: number;
  code: string;
  amount_fen: number;
  merchant_id: string | null;
  delta: number | null;
};

/**
 * `postJournal` for many journals at once (a batch of captures, docs/benchmarks.md): one
 * statement writes them all, their entries and the running balances of merchant-owned
 * accounts, which are row-locked first in id order, so that two postings touching the same
 * accounts cannot deadlock. A balance that would go below zero throws `insufficient_balance`
 * for the whole call (the caller's transaction is then rolled back).
 */
export async function postJournals(
  db: Db,
  clock: Clock,
  inputs: readonly JournalInput[],
): Promise<PostedJournal[]> {
  const now = clock.now();
  const journalIds = inputs.map(() => newId('journal', now.getTime()));
  const lines: LineRow[] = [];
  const refs = new Map<string, AccountRef>();
  for (const [j, input] of inputs.entries()) {
    const own = input.lines.filter((line) => line.amountFen !== 0);
    let sum = 0;
    for (const [n, line] of own.entries()) {
      assertFen(line.amountFen);
      sum += line.amountFen;
      const code = accountCode(line.account);
      refs.set(code, line.account);
      // Normal-side deltas: a credit grows a liability, a debit grows an asset.
      const sign = accountKinds[line.account.kind] === 'asset' ? 1 : -1;
      lines.push({
        j,
        n,
        code,
        amount_fen: line.amountFen,
        merchant_id: line.account.merchantId ?? input.merchantId,
        delta: keepsRunningBalance(line.account.kind) ? sign * line.amountFen : null,
      });
    }
    if (sum !== 0 || own.length < 2) {
      throw new Error(`Journal ${input.kind}:${input.sourceId} does not balance (${sum})`);
    }
  }

  let posted = await postInOneStatement(db, now, inputs, journalIds, lines, refs);
  if (posted.missingAccounts) {
    // The first posting to an account creates it, then posts.
    await accountIds(db, clock, [...refs.values()]);
    posted = await postInOneStatement(db, now, inputs, journalIds, lines, refs);
    if (posted.missingAccounts) throw new Error('Ledger accounts not created');
  }
  for (const { code, balance } of posted.balances) {
    const allowed = inputs.every(
      (input, j) =>
        !posted.inserted.has(journalIds[j] as string) ||
        !input.lines.some((line) => accountCode(line.account) === code) ||
        input.mayGoNegative?.includes(code),
    );
    if (balance < 0 && !allowed) {
      throw new AppError('insufficient_balance', { detail: `${code} would go below zero` });
    }
  }
  return inputs.map((input, j) => {
    const journalId = journalIds[j] as string;
    if (posted.inserted.has(journalId)) return { journalId, posted: true };
    return {
      journalId: posted.existing.get(`${input.kind}|${input.sourceId}`) ?? journalId,
      posted: false,
    };
  });
}

type OneStatement = {
  missingAccounts: boolean;
  inserted: Set<string>;
  existing: Map<string, string>;
  balances: { code: string; balance: number }[];
};

/**
 * The journals, their entries and the running balances in one statement (data-modifying
 * CTEs), written only when every account already exists; a journal whose (kind, source) is
 * posted already is skipped with its entries and deltas.
 */
async function postInOneStatement(
  db: Db,
  now: Date,
  inputs: readonly JournalInput[],
  journalIds: readonly string[],
  lines: readonly LineRow[],
  refs: Map<string, AccountRef>,
): Promise<OneStatement> {
  const codes = [...refs.keys()];
  const balanced = codes.filter((code) => keepsRunningBalance((refs.get(code) as AccountRef).kind));
  const at = sql`${now.toISOString()}::timestamptz`;
  if (balanced.length > 1) {
    await db.execute(
      sql`select id from ledger_accounts
          where code in (select value from json_array_elements_text(${JSON.stringify(balanced)}::json))
          order by id for update`,
    );
  }
  const journals = inputs.map((input, j) => ({
    j,
    id: journalIds[j],
    kind: input.kind,
    source_type: input.sourceType,
    source_id: input.sourceId,
    merchant_id: input.merchantId,
    description: input.description,
  }));
  const [row] = await queryRows<{
    found: string;
    inserted: string[] | null;
    existing: { kind: string; source_id: string; id: string }[] | null;
    balances: { code: string; balance_fen: string | number }[] | null;
  }>(
    db,
    sql`with acc as (
          select id, code from ledger_accounts
          where code in (select value from json_array_elements_text(${JSON.stringify(codes)}::json))
        ), ready as (
          select count(*) = ${codes.length} as ok from acc
        ), jin as (
          select * from json_to_recordset(${jsonRows(journals)})
            as r(j int, id text, kind text, source_type text, source_id text, merchant_id text, description text)
        ), j as (
          insert into ledger_journals (id, kind, source_type, source_id, merchant_id, description, posted_at)
          select jin.id, jin.kind, jin.source_type, jin.source_id, jin.merchant_id, jin.description, ${at}
          from jin, ready where ready.ok
          order by jin.j
          on conflict (kind, source_id) do nothing
          returning id
        ), lin as (
          select l.*, jin.id as journal_id
          from json_to_recordset(${jsonRows(lines)})
            as l(j int, n int, code text, amount_fen bigint, merchant_id text, delta bigint)
          join jin on jin.j = l.j
          where jin.id in (select id from j)
        ), e as (
          insert into ledger_entries (journal_id, account_id, amount_fen, merchant_id, posted_at)
          select lin.journal_id, acc.id, lin.amount_fen, lin.merchant_id, ${at}
          from lin join acc on acc.code = lin.code
          order by lin.j, lin.n
          returning 1
        ), b as (
          update ledger_accounts a set balance_fen = a.balance_fen + d.delta
          from (select code, sum(delta) as delta from lin where delta is not null group by code) d
          where a.code = d.code
          returning a.code, a.balance_fen
        )
        select (select count(*) from acc) as found,
               (select json_agg(id) from j) as inserted,
               (select json_agg(json_build_object('kind', x.kind, 'source_id', x.source_id, 'id', x.id))
                  from jin join ledger_journals x on x.kind = jin.kind and x.source_id = jin.source_id) as existing,
               (select json_agg(json_build_object('code', b.code, 'balance_fen', b.balance_fen)) from b) as balances,
               (select count(*) from e) as entries`,
  );
  return {
    missingAccounts: Number(row?.found ?? 0) !== codes.length,
    inserted: new Set(row?.inserted ?? []),
    existing: new Map((row?.existing ?? []).map((x) => [`${x.kind}|${x.source_id}`, x.id])),
    balances: (row?.balances ?? []).map((b) => ({ code: b.code, balance: Number(b.balance_fen) })),
  };
}
