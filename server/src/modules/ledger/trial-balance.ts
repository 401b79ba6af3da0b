import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db/database.js';
import type { AccountKind, AccountType } from './tables.js';

export type TrialBalanceLine = {
  code: string;
  kind: AccountKind;
  type: AccountType;
  debitFen: number;
  creditFen: number;
  /** On the account's normal side: positive when a liability owes, when an asset is held. */
  balanceFen: number;
};

export type TrialBalance = {
  accounts: TrialBalanceLine[];
  totalDebitFen: number;
  totalCreditFen: number;
  balanced: boolean;
  /** Merchant-owned accounts whose running balance disagrees with their entries (should be none). */
  runningBalanceMismatches: string[];
};

/**
 * Every account's debits and credits summed from the entries. The books balance when total
 * debits equal total credits; running balances are checked against the entries too, so a
 * posting that updated one without the other would show here.
 */
export async function trialBalance(db: Db): Promise<TrialBalance> {
  const rows = await queryRows<{
    code: string;
    kind: AccountKind;
    type: AccountType;
    debit: string;
    credit: string;
    running: string | null;
  }>(
    db,
    sql`select a.code, a.kind, a.type, a.balance_fen as running,
          coalesce(sum(e.amount_fen) filter (where e.amount_fen > 0), 0) as debit,
          coalesce(-sum(e.amount_fen) filter (where e.amount_fen < 0), 0) as credit
        from ledger_accounts a left join ledger_entries e on e.account_id = a.id
        group by a.id order by a.code`,
  );
  let totalDebitFen = 0;
  let totalCreditFen = 0;
  const mismatches: string[] = [];
  const accounts = rows.map((row) => {
    const debitFen = Number(row.debit);
    const creditFen = Number(row.credit);
    totalDebitFen += debitFen;
    totalCreditFen += creditFen;
    const debitNormal = row.type === 'asset' || row.type === 'expense';
    const balanceFen = debitNormal ? debitFen - creditFen : creditFen - debitFen;
    if (row.running !== null && Number(row.running) !== balanceFen) mismatches.push(row.code);
    return { code: row.code, kind: row.kind, type: row.type, debitFen, creditFen, balanceFen };
  });
  return {
    accounts,
    totalDebitFen,
    totalCreditFen,
    balanced: totalDebitFen === totalCreditFen && mismatches.length === 0,
    runningBalanceMismatches: mismatches,
  };
}

/** Journals whose entries do not sum to zero: the invariant every posting keeps. */
export async function unbalancedJournals(db: Db): Promise<string[]> {
  const rows = await queryRows<{ journal_id: string }>(
    db,
    sql`select journal_id from ledger_entries group by journal_id having sum(amount_fen) <> 0 limit 100`,
  );
  return rows.map((row) => row.journal_id);
}
