import { inArray } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { newId } from '../../platform/ids.js';
import { type AccountKind, accountKinds, ledgerAccounts } from './tables.js';

/** An account as postings name it: its kind and, for owned accounts, the owner. */
export type AccountRef = { kind: AccountKind; ownerId?: string; merchantId?: string };

/**
 * Accounts whose owner is one merchant keep a running balance: contention on them is per
 * merchant. The platform-wide ones (channel receivables, fee revenue, clearing) are derived from
 * their entries, because every payment would otherwise queue on one row (DESIGN.md §5).
 */
const runningBalanceKinds = new Set<AccountKind>([
  'merchant_payable',
  'market_payable',
  'loan_receivable',
  'purchaser_funds',
]);

export function keepsRunningBalance(kind: AccountKind): boolean {
  return runningBalanceKinds.has(kind);
}

export function accountCode(ref: AccountRef): string {
  return ref.ownerId ? `${ref.kind}:${ref.ownerId}` : ref.kind;
}

/**
 * The ids of the accounts, created on first use. Creation is `on conflict do nothing`, so two
 * transactions opening the same merchant's account at once both end up with the one row.
 */
export async function accountIds(
  db: Db,
  clock: Clock,
  refs: readonly AccountRef[],
): Promise<Map<string, string>> {
  const wanted = new Map(refs.map((ref) => [accountCode(ref), ref]));
  const codes = [...wanted.keys()];
  const found = await db
    .select({ id: ledgerAccounts.id, code: ledgerAccounts.code })
    .from(ledgerAccounts)
    .where(inArray(ledgerAccounts.code, codes));
  const result = new Map(found.map((row) => [row.code, row.id]));
  const missing = codes.filter((code) => !result.has(code));
  if (missing.length === 0) return result;
  await createAccounts(
    db,
    clock,
    missing.map((code) => wanted.get(code) as AccountRef),
  );
  const created = await db
    .select({ id: ledgerAccounts.id, code: ledgerAccounts.code })
    .from(ledgerAccounts)
    .where(inArray(ledgerAccounts.code, missing));
  for (const row of created) result.set(row.code, row.id);
  return result;
}

/**
 * Creates the accounts that do not exist yet, in one statement; `on conflict do nothing`, so
 * two transactions opening the same merchant's account at once both end up with the one row.
 */
export async function createAccounts(
  db: Db,
  clock: Clock,
  refs: readonly AccountRef[],
): Promise<void> {
  const now = clock.now();
  await db
    .insert(ledgerAccounts)
    .values(
      refs.map((ref) => ({
        id: newId('ledgerAccount', now.getTime()),
        code: accountCode(ref),
        kind: ref.kind,
        type: accountKinds[ref.kind],
        ownerId: ref.ownerId ?? null,
        merchantId: ref.merchantId ?? null,
        balanceFen: keepsRunningBalance(ref.kind) ? 0 : null,
        createdAt: now,
      })),
    )
    .onConflictDoNothing({ target: ledgerAccounts.code });
}
