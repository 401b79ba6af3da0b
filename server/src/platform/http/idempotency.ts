import { sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../clock.js';
import { sha256Hex } from '../crypto/tokens.js';
import { type Db, queryRows } from '../db/database.js';
import { AppError } from '../errors/app-error.js';

const keptMs = 24 * 3_600_000;

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
  const header = request.headers['idempotency-key'];
  if (header === undefined) return deps.db.transaction((tx) => work(tx));
  const key = Array.isArray(header) ? header[0] : header;
  if (!key || key.length > 255) {
    throw new AppError('validation_failed', {
      param: 'Idempotency-Key',
      fieldErrors: [
        { param: 'Idempotency-Key', code: 'too_big', message: 'Idempotency-Key: 1–255 characters' },
      ],
    });
  }
  const principal = request.principal?.userId ?? `anonymous:${request.ip}`;
  const requestHash = sha256Hex(
    `${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`,
  );
  const now = deps.clock.now();
  const keptSince = new Date(now.getTime() - keptMs);
  purgeExpiredKeys(deps.db, now, keptSince);

  return deps.db.transaction(async (tx) => {
    // The lock and the look-up in one round trip. The look-up's snapshot may predate the
    // commit of a duplicate that held the lock a moment ago; that duplicate's record then
    // conflicts with ours below, and this request answers 409 as if it had met the lock.
    const [found] = await queryRows<{
      ok: boolean;
      request_hash: string | null;
      response_status: number | null;
      response_body: unknown;
    }>(
      tx,
      sql`select l.ok, k.request_hash, k.response_status, k.response_body
          from (select pg_try_advisory_xact_lock(hashtextextended(${`${principal}|${key}`}, 0)) as ok) l
          left join idempotency_keys k
            on l.ok and k.principal = ${principal} and k.key = ${key}
           and k.created_at >= ${keptSince.toISOString()}::timestamptz`,
    );
    if (!found?.ok) throw new AppError('idempotency_key_in_progress');
    if (found.request_hash !== null) {
      if (found.request_hash !== requestHash) throw new AppError('idempotency_key_reused');
      reply.code(found.response_status ?? statusCode).header('Idempotent-Replayed', 'true');
      return found.response_body as T;
    }
    const result = await work(tx);
    // A record older than the 24 h is expired: it is overwritten, as if it had been deleted.
    const stored = await queryRows<{ key: string }>(
      tx,
      sql`insert into idempotency_keys as k
            (principal, key, method, path, request_hash, response_status, response_body, created_at)
          values (${principal}, ${key}, ${request.method}, ${request.url}, ${requestHash},
                  ${statusCode}, ${JSON.stringify(result ?? null)}::jsonb, ${now.toISOString()}::timestamptz)
          on conflict (principal, key) do update set
            method = excluded.method, path = excluded.path, request_hash = excluded.request_hash,
            response_status = excluded.response_status, response_body = excluded.response_body,
            created_at = excluded.created_at
          where k.created_at < ${keptSince.toISOString()}::timestamptz
          returning k.key`,
    );
    if (stored.length === 0) throw new AppError('idempotency_key_in_progress');
    return result;
  });
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
function purgeExpiredKeys(db: Db, now: Date, keptSince: Date): void {
  if (Math.abs(now.getTime() - lastPurgeAt) < purgeEveryMs) return;
  lastPurgeAt = now.getTime();
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
