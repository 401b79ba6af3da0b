import { sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../clock.js';
import { sha256Hex } from '../crypto/tokens.js';
import { type Db, jsonRows, queryRows } from '../db/database.js';
import { AppError } from '../errors/app-error.js';

const keptMs = 24 * 3_600_000;

/** A request's Idempotency-Key, whose record the work's reply is stored under. */
export type KeyClaim = {
  principal: string;
  key: string;
  method: string;
  path: string;
  requestHash: string;
};

/**
 * The claim of a request's Idempotency-Key, or null without the header; a key longer than 255
 * characters is refused. Records are kept per principal, so two callers never share a key.
 */
export function keyClaimOf(request: FastifyRequest): KeyClaim | null {
  const header = request.headers['idempotency-key'];
  if (header === undefined) return null;
  const key = Array.isArray(header) ? header[0] : header;
  if (!key || key.length > 255) {
    throw new AppError('validation_failed', {
      param: 'Idempotency-Key',
      fieldErrors: [
        { param: 'Idempotency-Key', code: 'too_big', message: 'Idempotency-Key: 1–255 characters' },
      ],
    });
  }
  return {
    principal: request.principal?.userId ?? `anonymous:${request.ip}`,
    key,
    method: request.method,
    path: request.url,
    requestHash: sha256Hex(
      `${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`,
    ),
  };
}

/** What a claimed key says about its request: new work, or the stored reply to replay. */
export type ClaimState =
  | { kind: 'new' }
  | { kind: 'replay'; statusCode: number | null; body: unknown };

/**
 * Takes the transaction-scoped advisory lock of each key and looks its record up, in one round
 * trip for all of them. A key whose lock another transaction holds is in progress (409); a
 * record with another body is a reuse (422). Claims of one key twice in the same call: the
 * later ones are in progress, as if they had met the lock (one session's locks are reentrant).
 *
 * The look-up's snapshot may predate the commit of a duplicate that held the lock a moment
 * ago; that duplicate's record then conflicts with ours in `recordReplies`, which answers 409
 * as if it had met the lock.
 */
export async function claimKeys(
  tx: Db,
  claims: readonly KeyClaim[],
  now: Date,
): Promise<(ClaimState | AppError)[]> {
  const keptSince = new Date(now.getTime() - keptMs);
  const lockKeys = claims.map((claim) => `${claim.principal}|${claim.key}`);
  const firstOfKey = new Map<string, number>();
  lockKeys.forEach((lockKey, index) => {
    if (!firstOfKey.has(lockKey)) firstOfKey.set(lockKey, index);
  });
  const unique = [...firstOfKey.values()];
  const rows = await queryRows<{
    n: number;
    ok: boolean;
    request_hash: string | null;
    response_status: number | null;
    response_body: unknown;
  }>(
    tx,
    sql`select c.n, l.ok, k.request_hash, k.response_status, k.response_body
        from json_to_recordset(${jsonRows(
          unique.map((index) => ({
            n: index,
            principal: claims[index]?.principal,
            key: claims[index]?.key,
            lock_key: lockKeys[index],
          })),
        )}) as c(n int, principal text, key text, lock_key text)
        cross join lateral (select pg_try_advisory_xact_lock(hashtextextended(c.lock_key, 0)) as ok) l
        -- A lateral look-up with a limit is not flattened into a join: each key is found by
        -- its primary key, whatever the planner guesses of the batch's size.
        left join lateral (
          select k.request_hash, k.response_status, k.response_body from idempotency_keys k
          where l.ok and k.principal = c.principal and k.key = c.key
            and k.created_at >= ${keptSince.toISOString()}::timestamptz
          limit 1
        ) k on true
        order by c.n`,
  );
  const byIndex = new Map(rows.map((row) => [row.n, row]));
  return claims.map((claim, index) => {
    const row = byIndex.get(index);
    if (!row?.ok) return new AppError('idempotency_key_in_progress');
    if (row.request_hash === null) return { kind: 'new' };
    if (row.request_hash !== claim.requestHash) return new AppError('idempotency_key_reused');
    return { kind: 'replay', statusCode: row.response_status, body: row.response_body };
  });
}

/**
 * Stores the replies of claimed keys in the work's transaction, one statement for all. A
 * record older than the 24 h is expired: it is overwritten, as if it had been deleted. A key
 * whose record appeared meanwhile (the race `claimKeys` describes) throws 409: the caller's
 * transaction must not commit work whose key another request owns.
 */
export async function recordReplies(
  tx: Db,
  records: readonly { claim: KeyClaim; statusCode: number; body: unknown }[],
  now: Date,
): Promise<void> {
  if (records.length === 0) return;
  const keptSince = new Date(now.getTime() - keptMs);
  const stored = await queryRows<{ key: string }>(
    tx,
    sql`insert into idempotency_keys as k
          (principal, key, method, path, request_hash, response_status, response_body, created_at)
        select r.principal, r.key, r.method, r.path, r.request_hash, r.response_status,
               r.response_body, ${now.toISOString()}::timestamptz
        from json_to_recordset(${jsonRows(
          records.map(({ claim, statusCode, body }) => ({
            principal: claim.principal,
            key: claim.key,
            method: claim.method,
            path: claim.path,
            request_hash: claim.requestHash,
            response_status: statusCode,
            response_body: body ?? null,
          })),
        )}) as r(principal text, key text, method text, path text, request_hash text,
                 response_status int, response_body jsonb)
        on conflict (principal, key) do update set
          method = excluded.method, path = excluded.path, request_hash = excluded.request_hash,
          response_status = excluded.response_status, response_body = excluded.response_body,
          created_at = excluded.created_at
        where k.created_at < ${keptSince.toISOString()}::timestamptz
        returning k.key`,
  );
  if (stored.length !== records.length) throw new AppError('idempotency_key_in_progress');
}

/**
 * Runs a POST's work in one transaction with its Idempotency-Key record (DESIGN.md §4): the
 * stored reply and the effect commit together or not at all. A second request with the key
 * replays the reply; with another body it is refused (422); while the first still runs, the
 * transaction-scoped advisory lock on the key is taken and the duplicate gets a 409.
 */
export async function idempotent<T>(
  deps: { db: Db; clock: Clock },
  request: FastifyRequest,
  reply: FastifyReply,
  statusCode: number,
  work: (tx: Db) => Promise<T>,
): Promise<T> {
  reply.code(statusCode);
  const claim = keyClaimOf(request);
  if (!claim) return deps.db.transaction((tx) => work(tx));
  const now = deps.clock.now();
  purgeExpiredKeys(deps.db, now);
  return deps.db.transaction(async (tx) => {
    const [state] = await claimKeys(tx, [claim], now);
    if (!state || state instanceof AppError) throw state;
    if (state.kind === 'replay') {
      replayed(reply, state.statusCode ?? statusCode);
      return state.body as T;
    }
    const result = await work(tx);
    await recordReplies(tx, [{ claim, statusCode, body: result }], now);
    return result;
  });
}

/** Marks a reply as the stored one of an earlier request with the same key. */
export function replayed(reply: FastifyReply, statusCode: number): void {
  reply.code(statusCode).header('Idempotent-Replayed', 'true');
}

/** How often one process deletes expired records, and how many at most each time. */
const purgeEveryMs = 60_000;
const purgeBatch = 1_000;
let lastPurgeAt = 0;

/**
 * Expired records are deleted off the request path: at most once a minute per process, a
 * bounded delete that no request waits for. Until then an expired record is ignored by the
 * look-up and overwritten by the insert, so its key is reusable exactly after 24 h either way.
 */
export function purgeExpiredKeys(db: Db, now: Date): void {
  if (Math.abs(now.getTime() - lastPurgeAt) < purgeEveryMs) return;
  lastPurgeAt = now.getTime();
  const keptSince = new Date(now.getTime() - keptMs);
  void db
    .execute(
      sql`delete from idempotency_keys where ctid = any(array(
            select ctid from idempotency_keys
            where created_at < ${keptSince.toISOString()}::timestamptz limit ${purgeBatch}))`,
    )
    .catch(() => {
      // The next purge tries again; the records are ignored meanwhile.
    });
}

/**
 * For a POST whose work must call an external system (a payment channel) after its record is
 * committed, since no transaction may be held across a network call (DESIGN.md §4). `create`
 * runs in the Idempotency-Key transaction and returns the new resource's id, which is what the
 * key stores; `finish` runs after the commit (the channel call and its result) and renders the
 * reply. A replay of the key renders the resource as it is now without doing the work again,
 * which is what a client that lost the first reply needs.
 */
export async function idempotentResource<T>(
  deps: { db: Db; clock: Clock },
  request: FastifyRequest,
  reply: FastifyReply,
  statusCode: number,
  create: (tx: Db) => Promise<string>,
  finish: (resourceId: string, replayed: boolean) => Promise<T>,
): Promise<T> {
  const created = await idempotent(deps, request, reply, statusCode, async (tx) => ({
    resourceId: await create(tx),
  }));
  const replayed = reply.getHeader('Idempotent-Replayed') === 'true';
  return finish(created.resourceId, replayed);
}
