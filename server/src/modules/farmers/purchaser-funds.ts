import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { type AccountRef, accountCode, ledgerAccounts } from '../ledger/index.js';

/** The ledger account of a purchaser's money at the bank, which farmers are paid from. */
export function purchaserFundsAccount(merchantId: string): AccountRef {
  return { kind: 'purchaser_funds', ownerId: merchantId, merchantId };
}

/**
 * The purchaser's funds as they stand: the running balance of its purchaser_funds account
 * (a liability, so credit-positive), which a payout lowers the moment it is created and a
 * refused payout gives back. Zero before the first deposit, when the account does not exist.
 */
export async function purchaserBalanceFen(db: Db, merchantId: string): Promise<number> {
  const [account] = await db
    .select({ balanceFen: ledgerAccounts.balanceFen })
    .from(ledgerAccounts)
    .where(eq(ledgerAccounts.code, accountCode(purchaserFundsAccount(merchantId))));
  return account?.balanceFen ?? 0;
}
