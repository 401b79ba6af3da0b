import type { Principal } from '../../platform/auth/principal.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { merchantForCaller } from './merchant-scope.js';
import type { MerchantRow, MerchantStatus } from './tables.js';

/** A merchant that has left for good: its stores and users are kept as they were, for the record. */
const finished: readonly MerchantStatus[] = ['closed', 'rejected'];

/**
 * The merchant a store or user change is about, row-locked so a closure cannot slip in between:
 * one the caller may see (else 404) that is not closed or rejected (else `merchant_not_active`).
 */
export async function merchantForChange(
  tx: Db,
  principal: Principal,
  merchantId: string,
): Promise<MerchantRow> {
  const merchant = await merchantForCaller(tx, principal, merchantId, { forUpdate: true });
  if (finished.includes(merchant.status)) throw new AppError('merchant_not_active');
  return merchant;
}

/** The merchant a portal caller works for; the portal routes take no merchant id from the URL. */
export function portalMerchantId(principal: Principal): string {
  if (principal.realm !== 'merchant' || !principal.merchantId) {
    throw new AppError('resource_not_found');
  }
  return principal.merchantId;
}

/**
 * The one store a cashier is tied to, which limits what they see; null for the owner, managers
 * and bank staff, who see every store of the merchant.
 */
export function storeLimitOf(principal: Principal): string | null {
  if (principal.realm !== 'merchant' || !principal.roles.includes('merchant_cashier')) return null;
  // A cashier without a store (which creation refuses) sees none rather than all.
  return principal.storeId ?? 'sto_none';
}
