import { sql } from 'drizzle-orm';
import type { Config } from '../../config.js';
import type { Permission } from '../../platform/auth/permissions.js';
import type { Principal } from '../../platform/auth/principal.js';
import type { Clock } from '../../platform/clock.js';
import { randomToken, sha256Hex } from '../../platform/crypto/tokens.js';
import { Batcher, captureBatching } from '../../platform/db/batcher.js';
import { type Db, queryRows } from '../../platform/db/database.js';
import { type Authenticator, bearerTokenOf } from '../../platform/http/route-access.js';
import { isApiKeySecret } from './api-key-secrets.js';
import { sessionAuthenticator } from './sessions.js';

/**
 * What a merchant's own system may do with a key: take payments and refund them, and read
 * its merchant and stores (a payment names a store). Not the merchant's users, settlement
 * account or keys: those stay with people who log in.
 */
export const apiKeyPermissions: readonly Permission[] = [
  'portal:read',
  'portal:payments',
  'portal:collect',
  'portal:refund',
];

/** The pseudo-role an API-key principal carries, so audit records say what acted. */
export const apiKeyRole = 'merchant_api_key';

// Writing last_used_at on every call would turn each read into a write; the list shows
// when a key was last used to the minute, which is all an owner needs to spot a dead key.
const touchEveryMs = 60_000;

/**
 * The key's look-up reads its merchant's status in the same statement (one round trip instead
 * of two on every API call), so this module names the `merchants` table in that one query: a
 * deliberate exception to "modules reach others only through their index" (architecture.md).
 */
type ApiKeyDeps = { db: Db; clock: Clock };

/**
 * Authenticates `Authorization: Bearer sk_live_…`: the key is looked up by the SHA-256 of the
 * secret (the secret itself is neither stored nor compared), and a malformed, unknown or
 * revoked key is refused with `api_key_invalid` on every request, so a revocation bites at
 * once. A key of a suspended or closed merchant is refused with `merchant_not_active`.
 */
type KeyRow = {
  secret_hash: string;
  id: string;
  merchant_id: string;
  prefix: string;
  revoked: boolean;
  merchant_status: string | null;
};

/**
 * Looks up the keys of concurrent requests together (a `Batcher`: one statement for all the
 * requests that arrive while earlier look-ups run), with their merchants' status, and touches
 * last_used_at of those not touched in the last minute. The touch's condition is in SQL so
 * parallel requests of one key write it once; a revoked key or an inactive merchant is not
 * touched.
 */
function keyLookups(deps: ApiKeyDeps): Batcher<string, KeyRow | undefined> {
  return new Batcher(async (secretHashes) => {
    const now = deps.clock.now();
    const staleBefore = new Date(now.getTime() - touchEveryMs);
    const rows = await queryRows<KeyRow>(
      deps.db,
      sql`with k as (
              select k.secret_hash, k.id, k.merchant_id, k.prefix, k.revoked_at is not null as revoked,
                     k.last_used_at, m.status as merchant_status
              from merchant_api_keys k left join merchants m on m.id = k.merchant_id
              where k.secret_hash = any(array(select json_array_elements_text(${JSON.stringify(secretHashes)}::json)))
            ), touched as (
              update merchant_api_keys set last_used_at = ${now.toISOString()}::timestamptz
              where id = any(array(select id from k where not revoked and merchant_status = 'active'))
                and (last_used_at is null or last_used_at < ${staleBefore.toISOString()}::timestamptz)
              returning id
            )
            select secret_hash, id, merchant_id, prefix, revoked, merchant_status from k`,
    );
    const byHash = new Map(rows.map((row) => [row.secret_hash, row]));
    return secretHashes.map((hash) => ({ ok: true as const, value: byHash.get(hash) }));
  }, captureBatching);
}

export function apiKeyAuthenticator(deps: ApiKeyDeps): Authenticator {
  const lookups = keyLookups(deps);
  // Unused (the guard exempts Bearer requests from CSRF), and unguessable should that change.
  const csrfToken = randomToken();
  return async (request) => {
    const token = bearerTokenOf(request);
    if (token === undefined) return null;
    if (!isApiKeySecret(token)) return { refused: 'api_key_invalid' };
    const key = await lookups.submit(sha256Hex(token));
    if (!key || key.revoked) return { refused: 'api_key_invalid' };
    if (key.merchant_status !== 'active') return { refused: 'merchant_not_active' };
    const principal: Principal = {
      // The key stands in for a user: idempotency keys are kept per key, audit names the key.
      userId: key.id,
      username: `api_key:${key.prefix}`,
      realm: 'merchant',
      roles: [apiKeyRole],
      permissions: new Set(apiKeyPermissions),
      homeOrgNodeId: null,
      scopeOrgNodeId: null,
      scopePath: null,
      merchantId: key.merchant_id,
      storeId: null,
      sessionId: '',
      csrfToken,
      mfaRequired: false,
      mfaPassed: true,
      mustChangePassword: false,
      apiKeyId: key.id,
    };
    return { principal };
  };
}

/**
 * The app's authenticator: a request with a Bearer token is a merchant's system and is judged
 * by its key alone (a session cookie beside it is ignored); any other by its session cookie.
 */
export function requestAuthenticator(deps: {
  db: Db;
  clock: Clock;
  config: Config;
}): Authenticator {
  const byApiKey = apiKeyAuthenticator(deps);
  const bySession = sessionAuthenticator(deps);
  return (request, reply) =>
    bearerTokenOf(request) === undefined ? bySession(request, reply) : byApiKey(request, reply);
}
