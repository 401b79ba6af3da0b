import { and, asc, eq, gt } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor, Principal } from '../../platform/auth/principal.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { newId } from '../../platform/ids.js';
import { pageSchema, toPage } from '../../platform/pagination.js';
import { recordAudit } from '../audit/index.js';
import { findRegion, regionFullName } from '../orgs/index.js';
import { merchantForChange } from './merchant-for-change.js';
import { merchantScopePath } from './merchant-scope.js';
import { type StoreRow, stores } from './tables.js';

const storeStatuses = ['open', 'closed'] as const;

export const storeSchema = z.object({
  id: z.string(),
  merchantId: z.string(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  address: z.string(),
  hours: z.string(),
  status: z.enum(storeStatuses),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type StoreView = z.infer<typeof storeSchema>;
export const storePageSchema = pageSchema(storeSchema);

const storeFields = {
  name: z.string().trim().min(1).max(50),
  regionCode: z
    .string()
    .regex(/^\d{6}$/)
    .describe('GB/T 2260 code of a county or district (区县), e.g. 370202'),
  address: z.string().trim().min(1).max(200),
  // Free text, as the merchant writes it on the door: "08:00-21:00", "周一至周五 9:00-18:00",
  // "24 小时营业". A fixed HH:MM-HH:MM pattern would refuse real shops' hours.
  hours: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[^\r\n\t]*$/)
    .describe('Opening hours as free text, one line, at most 40 characters'),
  status: z.enum(storeStatuses),
};

export const createStoreBodySchema = z.strictObject({
  ...storeFields,
  status: storeFields.status.default('open'),
});
export const updateStoreBodySchema = z.strictObject(storeFields).partial();
export type CreateStoreInput = z.infer<typeof createStoreBodySchema>;
export type UpdateStoreInput = z.infer<typeof updateStoreBodySchema>;

type Caller = { principal: Principal; actor: Actor };

export function toStoreView(row: StoreRow): StoreView {
  return {
    id: row.id,
    merchantId: row.merchantId,
    name: row.name,
    regionCode: row.regionCode,
    regionName: regionFullName(row.regionCode),
    address: row.address,
    hours: row.hours,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A store sits in one county, so its region is chosen down to that level. */
function assertCounty(regionCode: string | undefined): void {
  if (regionCode === undefined || findRegion(regionCode)?.level === 'county') return;
  throw new AppError('validation_failed', {
    param: 'regionCode',
    fieldErrors: [
      {
        param: 'regionCode',
        code: 'region_county',
        message: { zh: '请选择到区县一级', en: 'Please choose down to the county or district' },
      },
    ],
  });
}

/**
 * A merchant's stores in the order they were opened (the main store first). `onlyStoreId`
 * narrows the list to one store: what a cashier may see.
 */
export async function listStores(
  db: Db,
  merchantId: string,
  query: { limit: number; startingAfter?: string | undefined; onlyStoreId?: string | null },
) {
  const rows = await db
    .select()
    .from(stores)
    .where(
      and(
        eq(stores.merchantId, merchantId),
        query.onlyStoreId ? eq(stores.id, query.onlyStoreId) : undefined,
        query.startingAfter ? gt(stores.id, query.startingAfter) : undefined,
      ),
    )
    .orderBy(asc(stores.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit);
  return { data: page.data.map(toStoreView), hasMore: page.hasMore };
}

/** One store of the merchant; a store of another merchant is the same 404 as none at all. */
export async function storeOfMerchant(
  db: Db,
  merchantId: string,
  storeId: string,
  options: { forUpdate?: boolean } = {},
): Promise<StoreRow> {
  const query = db
    .select()
    .from(stores)
    .where(and(eq(stores.id, storeId), eq(stores.merchantId, merchantId)));
  const [store] = options.forUpdate ? await query.for('update') : await query;
  if (!store) throw new AppError('resource_not_found');
  return store;
}

/** Opens a store for a merchant the caller may change (bank staff or the merchant's portal). */
export async function createStore(
  tx: Db,
  clock: Clock,
  caller: Caller,
  merchantId: string,
  input: CreateStoreInput,
): Promise<StoreView> {
  const merchant = await merchantForChange(tx, caller.principal, merchantId);
  assertCounty(input.regionCode);
  const now = clock.now();
  const [store] = await tx
    .insert(stores)
    .values({
      id: newId('store', now.getTime()),
      merchantId: merchant.id,
      ...input,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!store) throw new Error('unreachable: an insert returns its row');
  await recordAudit(tx, clock, caller.actor, {
    action: 'store.created',
    targetType: 'store',
    targetId: store.id,
    scopePath: await merchantScopePath(tx, merchant),
    after: { merchantId: merchant.id, ...input },
  });
  return toStoreView(store);
}

/** Edits a store's name, region, address, hours or status; only what is sent changes. */
export async function updateStore(
  tx: Db,
  clock: Clock,
  caller: Caller,
  merchantId: string,
  storeId: string,
  input: UpdateStoreInput,
): Promise<StoreView> {
  const merchant = await merchantForChange(tx, caller.principal, merchantId);
  const current = await storeOfMerchant(tx, merchant.id, storeId, { forUpdate: true });
  assertCounty(input.regionCode);
  const [store] = await tx
    .update(stores)
    .set({ ...input, updatedAt: clock.now() })
    .where(eq(stores.id, current.id))
    .returning();
  if (!store) throw new Error('unreachable: the store is locked');
  const fields = Object.keys(input) as Array<keyof UpdateStoreInput>;
  await recordAudit(tx, clock, caller.actor, {
    action: 'store.updated',
    targetType: 'store',
    targetId: store.id,
    scopePath: await merchantScopePath(tx, merchant),
    before: Object.fromEntries(fields.map((field) => [field, current[field]])),
    after: Object.fromEntries(fields.map((field) => [field, store[field]])),
  });
  return toStoreView(store);
}
