import type { Principal } from '../../platform/auth/principal.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { type MerchantRow, merchantForCaller } from '../merchants/index.js';

/**
 * The calling merchant user's own merchant, when it is a produce purchaser. Any other kind of
 * merchant is told so plainly (`merchant_not_purchaser`) rather than shown an empty list: the
 * portal shows the farmers pages only to purchasers, so a caller here is confused, not curious.
 * `write` also requires the purchaser to be active: a suspended one still sees its farmers and
 * purchases but registers and pays no one. `forUpdate` row-locks the merchant, which is what
 * serialises two clerks registering the same farmer at once.
 */
export async function callerPurchaser(
  db: Db,
  principal: Principal,
  options: { write?: boolean; forUpdate?: boolean } = {},
): Promise<MerchantRow> {
  const merchant = await merchantForCaller(db, principal, principal.merchantId ?? 'mch_none', {
    forUpdate: options.forUpdate,
  });
  assertPurchaser(merchant, options);
  return merchant;
}

export function assertPurchaser(merchant: MerchantRow, options: { write?: boolean } = {}): void {
  if (merchant.kind !== 'produce_purchaser') throw new AppError('merchant_not_purchaser');
  if (options.write && merchant.status !== 'active') throw new AppError('merchant_not_active');
}
