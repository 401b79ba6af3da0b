import { sql } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.js';
import { type Db, jsonRows, queryRows } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { newId } from '../../platform/ids.js';
import { assertFen } from '../../platform/money.js';
import { type AccountRef, accountCode, createAccounts, keepsRunningBalance } from './accounts.js';
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

  // The first posting to an account creates it first. Accounts are never deleted, so one this
  // process has seen need not be looked up again; should the hint be wrong (another database),
  // the statement finds the account missing and it is created then.
  const unseen = [...refs.keys()].filter((code) => !seenAccounts.has(code));
  if (unseen.length > 0) {
    await createAccounts(
      db,
      clock,
      unseen.map((code) => refs.get(code) as AccountRef),
    );
  }
  let posted = await postInOneStatement(db, now, inputs, journalIds, lines, refs);
  if (posted.missingAccounts) {
    await createAccounts(db, clock, [...refs.values()]);
    posted = await postInOneStatement(db, now, inputs, journalIds, lines, refs);
    if (posted.missingAccounts) throw new Error('Ledger accounts not created');
  }
  rememberAccounts(refs.keys());
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
  const repeated = inputs.filter((_, j) => !posted.inserted.has(journalIds[j] as string));
  const existing = repeated.length > 0 ? await journalIdsOf(db, repeated) : new Map();
  return inputs.map((input, j) => {
    const journalId = journalIds[j] as string;
    if (posted.inserted.has(journalId)) return { journalId, posted: true };
    return {
      journalId: existing.get(`${input.kind}|${input.sourceId}`) ?? journalId,
      posted: false,
    };
  });
}

/** The journals posted already for these events (a repeated posting answers with them). */
async function journalIdsOf(db: Db, inputs: readonly JournalInput[]): Promise<Map<string, string>> {
  const rows = await queryRows<{ kind: string; source_id: string; id: string }>(
    db,
    sql`select x.kind, x.source_id, x.id
        from json_to_recordset(${jsonRows(inputs.map((input) => ({ kind: input.kind, source_id: input.sourceId })))})
          as r(kind text, source_id text)
        cross join lateral (
          select id, kind, source_id from ledger_journals
          where kind = r.kind and source_id = r.source_id
        ) x`,
  );
  return new Map(rows.map((row) => [`${row.kind}|${row.source_id}`, row.id]));
}

/** Account codes known to exist (bounded: forgotten all at once when full, then relearnt). */
const seenAccounts = new Set<string>();
const seenAccountsMax = 100_000;

function rememberAccounts(codes: Iterable<string>): void {
  if (seenAccounts.size > seenAccountsMax) seenAccounts.clear();
  for (const code of codes) seenAccounts.add(code);
}

type OneStatement = {
  missingAccounts: boolean;
  inserted: Set<string>;
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
    balances: { code: string; balance_fen: string | number }[] | null;
  }>(
    db,
    sql`with acc as (
          select id, code from ledger_accounts
          where code = any(array(select json_array_elements_text(${JSON.stringify(codes)}::json)))
        ), locked as (
          -- The running balances, row-locked in id order before the update below changes them.
          select id from ledger_accounts
          where code = any(array(select json_array_elements_text(${JSON.stringify(balanced)}::json)))
          order by id for update
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
        ), d as (
          select acc.id, sum(lin.delta) as delta
          from lin join acc on acc.code = lin.code
          where lin.delta is not null
          group by acc.id
        ), b as (
          update ledger_accounts a set balance_fen = a.balance_fen + (select d.delta from d where d.id = a.id)
          where a.id = any(array(select id from locked)) and a.id = any(array(select id from d))
          returning a.code, a.balance_fen
        )
        select (select count(*) from acc) as found,
               (select json_agg(id) from j) as inserted,
               (select json_agg(json_build_object('code', b.code, 'balance_fen', b.balance_fen)) from b) as balances,
               (select count(*) from e) as entries`,
  );
  return {
    missingAccounts: Number(row?.found ?? 0) !== codes.length,
    inserted: new Set(row?.inserted ?? []),
    balances: (row?.balances ?? []).map((b) => ({ code: b.code, balance: Number(b.balance_fen) })),
  };
}
