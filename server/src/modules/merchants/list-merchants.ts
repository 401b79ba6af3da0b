import { and, desc, eq, ilike, inArray, like, lt, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Principal } from '../../platform/auth/principal.js';
import type { Db } from '../../platform/db/database.js';
import { pageQuerySchema, toPage } from '../../platform/pagination.js';
import { escapeLike } from '../audit/index.js';
import { nodeInScope, orgNodes } from '../orgs/index.js';
import { merchantVisibleTo } from './merchant-scope.js';
import { merchantKinds, merchantStatuses, merchants, riskLevels } from './tables.js';

const listOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((value) => value.split(',').filter(Boolean))
    .pipe(z.array(z.enum(values)).max(values.length))
    .optional();

export const merchantFilterSchema = z.object({
  status: listOf(merchantStatuses),
  kind: listOf(merchantKinds),
  riskLevel: listOf(riskLevels),
  mcc: z
    .string()
    .regex(/^\d{4}$/)
    .optional(),
  /** A province, city or county code prefix: 37, 3702, 370202. */
  regionCode: z
    .string()
    .regex(/^\d{2,6}$/)
    .optional(),
  /** A node of the caller's scope: its whole subtree. */
  orgNodeId: z.string().max(64).optional(),
  /** Part of the short or registered name, or a whole referral code. */
  q: z.string().trim().min(1).max(50).optional(),
});
export type MerchantFilter = z.infer<typeof merchantFilterSchema>;

export const merchantListQuerySchema = pageQuerySchema.extend(merchantFilterSchema.shape);

/** The filter of a list or an export, always inside what the caller may see. */
export async function merchantFilters(
  db: Db,
  principal: Principal,
  filter: MerchantFilter,
): Promise<SQL[]> {
  const filters: SQL[] = [merchantVisibleTo(db, principal)];
  if (filter.status?.length) filters.push(inArray(merchants.status, filter.status));
  if (filter.kind?.length) filters.push(inArray(merchants.kind, filter.kind));
  if (filter.riskLevel?.length) filters.push(inArray(merchants.riskLevel, filter.riskLevel));
  if (filter.mcc) filters.push(eq(merchants.mcc, filter.mcc));
  if (filter.regionCode) {
    // GB/T 2260 codes pad with zeros: 370000 is the province, 370200 the city.
    const prefix = filter.regionCode.replace(/(00)+$/, '');
    filters.push(like(merchants.regionCode, `${prefix}%`));
  }
  if (filter.orgNodeId) {
    const node = await nodeInScope(db, principal, filter.orgNodeId);
    filters.push(
      inArray(
        merchants.orgNodeId,
        db
          .select({ id: orgNodes.id })
          .from(orgNodes)
          .where(like(orgNodes.path, `${escapeLike(node.path)}%`)),
      ),
    );
  }
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q)}%`;
    filters.push(
      or(
        ilike(merchants.shortName, pattern),
        ilike(merchants.registeredName, pattern),
        eq(merchants.referralCode, filter.q.toUpperCase()),
      ) as SQL,
    );
  }
  return filters;
}

/** One page of the merchants the caller may see, newest first. */
export async function listMerchants(
  db: Db,
  principal: Principal,
  query: z.infer<typeof merchantListQuerySchema>,
) {
  const filters = await merchantFilters(db, principal, query);
  if (query.startingAfter) filters.push(lt(merchants.id, query.startingAfter));
  const rows = await db
    .select()
    .from(merchants)
    .where(and(...filters))
    .orderBy(desc(merchants.id))
    .limit(query.limit + 1);
  return toPage(rows, query.limit);
}
