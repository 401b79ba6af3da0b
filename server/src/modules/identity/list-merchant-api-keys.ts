import { and, desc, eq, lt } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { type PageQuery, toPage } from '../../platform/pagination.js';
import { type MerchantApiKeyView, toApiKeyView } from './merchant-api-key-view.js';
import { merchantApiKeys } from './tables.js';

/** A merchant's keys, active and revoked, newest first. */
export async function listMerchantApiKeys(
  db: Db,
  merchantId: string,
  page: PageQuery,
): Promise<{ data: MerchantApiKeyView[]; hasMore: boolean }> {
  const rows = await db
    .select()
    .from(merchantApiKeys)
    .where(
      and(
        eq(merchantApiKeys.merchantId, merchantId),
        page.startingAfter ? lt(merchantApiKeys.id, page.startingAfter) : undefined,
      ),
    )
    .orderBy(desc(merchantApiKeys.id))
    .limit(page.limit + 1);
  const { data, hasMore } = toPage(rows, page.limit);
  return { data: data.map(toApiKeyView), hasMore };
}
