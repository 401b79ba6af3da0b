import { and, eq, lt, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../clock.js';
import { sha256Hex } from '../crypto/tokens.js';
import { type Db, queryRows } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import { idempotencyKeys } from './idempotency-tables.js';

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

  return deps.db.transaction(async (tx) => {
    const [locked] = await queryRows<{ ok: boolean }>(
      tx,
      sql`select pg_try_advisory_xact_lock(hashtextextended(${`${principal}|${key}`}, 0)) as ok`,
    );
    if (!locked?.ok) throw new AppError('idempotency_key_in_progress');

    const match = and(eq(idempotencyKeys.principal, principal), eq(idempotencyKeys.key, key));
    await tx
      .delete(idempotencyKeys)
      .where(and(match, lt(idempotencyKeys.createdAt, new Date(now.getTime() - keptMs))));
    const [stored] = await tx.select().from(idempotencyKeys).where(match);
    if (stored) {
      if (stored.requestHash !== requestHash) throw new AppError('idempotency_key_reused');
      reply.code(stored.responseStatus).header('Idempotent-Replayed', 'true');
      return stored.responseBody as T;
    }
    const result = await work(tx);
    await tx.insert(idempotencyKeys).values({
      principal,
      key,
      method: request.method,
      path: request.url,
      requestHash,
      responseStatus: statusCode,
      responseBody: (result ?? null) as unknown,
      createdAt: now,
    });
    return result;
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
