import type { z } from 'zod';
import type { apiKeySchema } from './schemas.js';
import type { MerchantApiKeyRow } from './tables.js';

export type MerchantApiKeyView = z.infer<typeof apiKeySchema>;

/** A key as replies show it: never the secret, never its hash. */
export function toApiKeyView(row: MerchantApiKeyRow): MerchantApiKeyView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    status: row.revokedAt ? 'revoked' : 'active',
    createdByUserId: row.createdByUserId,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
