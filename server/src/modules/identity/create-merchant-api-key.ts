import { and, count, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor, Principal } from '../../platform/auth/principal.js';
import type { Clock } from '../../platform/clock.js';
import { sha256Hex } from '../../platform/crypto/tokens.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { newId } from '../../platform/ids.js';
import { recordAudit } from '../audit/index.js';
import { apiKeyDisplayPrefix, newApiKeySecret } from './api-key-secrets.js';
import { type MerchantApiKeyView, toApiKeyView } from './merchant-api-key-view.js';
import type { createApiKeyBodySchema } from './schemas.js';
import { merchantApiKeys } from './tables.js';

/** Active keys a merchant may hold at once; revoked keys stay listed but do not count. */
export const maxActiveApiKeys = 20;

/**
 * The merchant whose key this is, as the merchants module resolved it for the caller: identity
 * cannot look merchants up itself (the merchants module depends on identity, not the reverse).
 * The caller row-locks the merchant, so two creations cannot both pass the limit.
 */
export type ApiKeyMerchant = { id: string; scopePath: string | null };

/**
 * Creates a secret API key for a merchant. The secret is in this reply only: the table keeps
 * its SHA-256 and a short display prefix, and the audit record names the key, not the secret.
 */
export async function createMerchantApiKey(
  tx: Db,
  clock: Clock,
  caller: { principal: Principal; actor: Actor },
  merchant: ApiKeyMerchant,
  input: z.infer<typeof createApiKeyBodySchema>,
): Promise<{ key: MerchantApiKeyView; secret: string }> {
  const [active] = await tx
    .select({ n: count() })
    .from(merchantApiKeys)
    .where(and(eq(merchantApiKeys.merchantId, merchant.id), isNull(merchantApiKeys.revokedAt)));
  if ((active?.n ?? 0) >= maxActiveApiKeys) throw new AppError('api_key_limit_reached');
  const now = clock.now();
  const secret = newApiKeySecret();
  const [row] = await tx
    .insert(merchantApiKeys)
    .values({
      id: newId('apiKey', now.getTime()),
      merchantId: merchant.id,
      name: input.name,
      prefix: apiKeyDisplayPrefix(secret),
      secretHash: sha256Hex(secret),
      createdByUserId: caller.principal.userId,
      createdAt: now,
    })
    .returning();
  if (!row) throw new Error('unreachable: insert returns its row');
  await recordAudit(tx, clock, caller.actor, {
    action: 'merchant_api_key.created',
    targetType: 'merchant_api_key',
    targetId: row.id,
    scopePath: merchant.scopePath,
    after: { merchantId: merchant.id, name: row.name, prefix: row.prefix },
  });
  return { key: toApiKeyView(row), secret };
}
