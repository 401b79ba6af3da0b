import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { merchants } from './tables.js';

/**
 * Whether a merchant may do business now: active, not suspended, closed or still applying.
 * The identity module asks it of every API-key request (wired in app.ts, since identity does
 * not depend on merchants).
 */
export async function isMerchantActive(db: Db, merchantId: string): Promise<boolean> {
  const [row] = await db
    .select({ status: merchants.status })
    .from(merchants)
    .where(eq(merchants.id, merchantId));
  return row?.status === 'active';
}
