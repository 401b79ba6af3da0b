import { and, eq } from 'drizzle-orm';
import type { Actor, Principal } from '../../platform/auth/principal.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { recordAudit } from '../audit/index.js';
import type { ApiKeyMerchant } from './create-merchant-api-key.js';
import { type MerchantApiKeyView, toApiKeyView } from './merchant-api-key-view.js';
import { merchantApiKeys } from './tables.js';

/**
 * Revokes a key of the merchant; the next request with it is refused, since every request
 * reads the key's row. Revoking a revoked key answers it as it is, without a second audit
 * record, so a retried revoke is harmless. A key of another merchant is a 404.
 */
export async function revokeMerchantApiKey(
  tx: Db,
  clock: Clock,
  caller: { principal: Principal; actor: Actor },
  merchant: ApiKeyMerchant,
  keyId: string,
): Promise<MerchantApiKeyView> {
  const [current] = await tx
    .select()
    .from(merchantApiKeys)
    .where(and(eq(merchantApiKeys.id, keyId), eq(merchantApiKeys.merchantId, merchant.id)))
    .for('update');
  if (!current) throw new AppError('resource_not_found');
  if (current.revokedAt) return toApiKeyView(current);
  const now = clock.now();
  const [row] = await tx
    .update(merchantApiKeys)
    .set({ revokedAt: now, revokedByUserId: caller.principal.userId })
    .where(eq(merchantApiKeys.id, current.id))
    .returning();
  if (!row) throw new Error('unreachable: the key is row-locked');
  await recordAudit(tx, clock, caller.actor, {
    action: 'merchant_api_key.revoked',
    targetType: 'merchant_api_key',
    targetId: row.id,
    scopePath: merchant.scopePath,
    before: { status: 'active', revokedAt: null },
    after: { status: 'revoked', revokedAt: now.toISOString() },
  });
  return toApiKeyView(row);
}
