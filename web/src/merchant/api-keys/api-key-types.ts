/** A merchant API key as the server lists it: never the secret (server: apiKeySchema). */
export interface MerchantApiKey {
  id: string;
  name: string;
  prefix: string;
  status: 'active' | 'revoked';
  createdByUserId: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** The reply to creating a key: the one time the secret is shown (null on a replayed request). */
export interface CreatedApiKey {
  key: MerchantApiKey;
  secret: string | null;
}

export const apiKeysQueryKey = ['portal', 'api-keys'] as const;
