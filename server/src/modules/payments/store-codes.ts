import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Config } from '../../config.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { newId } from '../../platform/ids.js';
import { merchants, stores } from '../merchants/index.js';
import { emvcoPayload, storeCodeUrl } from './qr-payloads.js';
import type { StoreCodeView } from './schemas.js';
import { isStoreCodeToken, newStoreCodeToken } from './store-code-token.js';
import { storeCodes } from './tables.js';

/**
 * Every store has one aggregated code. Codes are made the first time a store's codes are
 * asked for (a store opened yesterday has one as soon as the merchant looks), and the unique
 * index on the store makes two concurrent first looks agree on one code.
 */
export async function storeCodesOf(
  db: Db,
  clock: Clock,
  config: Config,
  merchantId: string,
  onlyStoreId?: string,
): Promise<StoreCodeView[]> {
  const storeRows = await db
    .select({ id: stores.id, name: stores.name })
    .from(stores)
    .where(
      and(eq(stores.merchantId, merchantId), onlyStoreId ? eq(stores.id, onlyStoreId) : undefined),
    )
    .orderBy(asc(stores.id));
  if (storeRows.length === 0) return [];
  const now = clock.now();
  await db
    .insert(storeCodes)
    .values(
      storeRows.map((store) => ({
        id: newId('storeCode', now.getTime()),
        code: newStoreCodeToken(),
        storeId: store.id,
        merchantId,
        status: 'active' as const,
        createdAt: now,
      })),
    )
    .onConflictDoNothing({ target: storeCodes.storeId });
  const codes = await db
    .select()
    .from(storeCodes)
    .where(
      inArray(
        storeCodes.storeId,
        storeRows.map((store) => store.id),
      ),
    );
  const [merchant] = await db
    .select({ id: merchants.id, shortName: merchants.shortName, mcc: merchants.mcc })
    .from(merchants)
    .where(eq(merchants.id, merchantId));
  const byStore = new Map(codes.map((code) => [code.storeId, code]));
  return storeRows.flatMap((store) => {
    const code = byStore.get(store.id);
    if (!code || !merchant) return [];
    const base = `/api/v1/portal/store-codes/${store.id}`;
    return [
      {
        storeId: store.id,
        storeName: store.name,
        code: code.code,
        url: storeCodeUrl(config, code.code),
        emvco: emvcoPayload({ merchant, storeLabel: store.id.slice(-12) }),
        pngUrl: `${base}/qr.png`,
        svgUrl: `${base}/qr.svg`,
        posterUrl: `${base}/poster.png`,
      },
    ];
  });
}

export type StoreByCode = {
  code: string;
  storeId: string;
  storeName: string;
  storeStatus: 'open' | 'closed';
  merchantId: string;
  merchantName: string;
  merchantStatus: string;
};

/** The store behind a code a payer scanned; unknown and disabled codes are the same 404. */
export async function storeByCode(db: Db, code: string): Promise<StoreByCode> {
  if (!isStoreCodeToken(code)) throw new AppError('resource_not_found');
  const [row] = await db
    .select({
      code: storeCodes.code,
      storeId: stores.id,
      storeName: stores.name,
      storeStatus: stores.status,
      merchantId: merchants.id,
      merchantName: merchants.shortName,
      merchantStatus: merchants.status,
    })
    .from(storeCodes)
    .innerJoin(stores, eq(stores.id, storeCodes.storeId))
    .innerJoin(merchants, eq(merchants.id, storeCodes.merchantId))
    .where(and(eq(storeCodes.code, code), eq(storeCodes.status, 'active')));
  if (!row) throw new AppError('resource_not_found');
  return { ...row, merchantName: row.merchantName ?? row.storeName };
}
