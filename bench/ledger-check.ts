import type pg from 'pg';

export type LedgerReport = {
  balanced: boolean;
  succeededInDb: number;
  /** Succeeded payments whose 201 reply the load did not receive (cut off at the end). */
  unansweredSucceeded: number;
  problems: string[];
};

async function count(client: pg.Client, query: string, params: unknown[] = []): Promise<number> {
  const { rows } = await client.query<{ n: string }>(query, params);
  return Number(rows[0]?.n ?? 0);
}

/**
 * The books after the run (DESIGN.md §5), read straight from the tables once Sharefin has
 * stopped: the trial balance sums to zero, every journal sums to zero with two or more
 * entries, running balances agree with the entries, every succeeded payment has exactly one
 * `payment` journal and nothing else has one, and the succeeded payments are the ones the load
 * was told succeeded, plus at most `maxUnanswered` whose reply was cut off when it stopped.
 */
export async function checkLedger(
  client: pg.Client,
  load: { succeededIds: ReadonlySet<string>; maxUnanswered: number },
): Promise<LedgerReport> {
  const problems: string[] = [];
  const expectZero = async (what: string, query: string) => {
    const n = await count(client, query);
    if (n !== 0) problems.push(`${what}: ${n}`);
  };

  const { rows: totals } = await client.query<{ debit: string; credit: string }>(
    `select coalesce(sum(amount_fen) filter (where amount_fen > 0), 0) as debit,
            coalesce(-sum(amount_fen) filter (where amount_fen < 0), 0) as credit
       from ledger_entries`,
  );
  const debit = Number(totals[0]?.debit ?? 0);
  const credit = Number(totals[0]?.credit ?? 0);
  if (debit !== credit) problems.push(`trial balance: debits ${debit} ≠ credits ${credit}`);

  await expectZero(
    'journals whose entries do not sum to zero or have fewer than two',
    `select count(*) as n from (
       select j.id from ledger_journals j left join ledger_entries e on e.journal_id = j.id
       group by j.id having coalesce(sum(e.amount_fen), 0) <> 0 or count(e.id) < 2) bad`,
  );
  await expectZero(
    'running balances that disagree with their entries',
    `select count(*) as n from (
       select a.id from ledger_accounts a left join ledger_entries e on e.account_id = a.id
       where a.balance_fen is not null
       group by a.id
       having a.balance_fen <> case when a.type in ('asset', 'expense')
                                    then coalesce(sum(e.amount_fen), 0)
                                    else -coalesce(sum(e.amount_fen), 0) end) bad`,
  );
  await expectZero(
    'succeeded payments without exactly one payment journal',
    `select count(*) as n from payments p
      where p.status = 'succeeded'
        and (select count(*) from ledger_journals j
              where j.kind = 'payment' and j.source_id = p.id) <> 1`,
  );
  await expectZero(
    'payment journals of payments that did not succeed',
    `select count(*) as n from ledger_journals j
      where j.kind = 'payment'
        and not exists (select 1 from payments p where p.id = j.source_id and p.status = 'succeeded')`,
  );
  await expectZero(
    'payments debited to the channel at another amount than captured',
    `select count(*) as n from payments p
       join ledger_journals j on j.kind = 'payment' and j.source_id = p.id
       join ledger_entries e on e.journal_id = j.id
       join ledger_accounts a on a.id = e.account_id and a.kind = 'channel_receivable'
      where p.status = 'succeeded' and e.amount_fen <> p.amount_fen`,
  );

  const { rows: succeeded } = await client.query<{ id: string }>(
    `select id from payments where status = 'succeeded'`,
  );
  const inDb = new Set(succeeded.map((row) => row.id));
  const missing = [...load.succeededIds].filter((id) => !inDb.has(id));
  if (missing.length > 0) {
    problems.push(`replied succeeded but not succeeded in the database: ${missing.length}`);
  }
  const unanswered = succeeded.filter((row) => !load.succeededIds.has(row.id)).length;
  if (unanswered > load.maxUnanswered) {
    problems.push(
      `succeeded payments nobody was told about: ${unanswered} (more than the ${load.maxUnanswered} requests left in flight)`,
    );
  }
  const pending = await count(
    client,
    `select count(*) as n from payments where status <> 'succeeded'`,
  );
  if (pending > 0)
    problems.push(`payments not succeeded (pending, failed or cancelled): ${pending}`);

  return {
    balanced: problems.length === 0,
    succeededInDb: inDb.size,
    unansweredSucceeded: unanswered,
    problems,
  };
}
