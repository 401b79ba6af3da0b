import type { Clock } from '../clock.js';
import { Batcher, type BatcherOptions, type Settled } from '../db/batcher.js';
import type { Db } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import { claimKeys, type KeyClaim, purgeExpiredKeys, recordReplies } from './idempotency.js';

/** One request's creation: its Idempotency-Key (if it sent one) and what to create. */
export type Creation<I> = { claim: KeyClaim | null; statusCode: number; input: I };

/** A new resource, or the id an earlier request with the same key created (a replay). */
export type Created<R> =
  | { replayed: false; resourceId: string; resource: R }
  | { replayed: true; resourceId: string; statusCode: number };

/**
 * `idempotentResource`'s first half for a route that takes many requests at once (the capture
 * path, docs/benchmarks.md): concurrent requests' keys are claimed, their resources created and
 * their key records stored in one transaction with one statement per step (a `Batcher`).
 * The record stores `{ resourceId }`, as `idempotentResource` does, so either replays the other.
 *
 * `createAll` answers each input with its resource or its own refusal; a refused input must
 * have written nothing, since the batch's transaction commits the others.
 */
export function idempotentCreations<I, R>(
  deps: { db: Db; clock: Clock },
  createAll: (tx: Db, inputs: readonly I[]) => Promise<readonly Settled<R>[]>,
  resourceIdOf: (resource: R) => string,
  options: BatcherOptions,
): Batcher<Creation<I>, Created<R>> {
  return new Batcher(async (creations) => {
    const now = deps.clock.now();
    purgeExpiredKeys(deps.db, now);
    return deps.db.transaction(async (tx) => {
      const claimed = creations.flatMap((creation, index) =>
        creation.claim ? [{ index, claim: creation.claim }] : [],
      );
      const states =
        claimed.length > 0
          ? await claimKeys(
              tx,
              claimed.map((entry) => entry.claim),
              now,
            )
          : [];
      const stateOf = new Map(claimed.map((entry, k) => [entry.index, states[k]]));
      const answers: Settled<Created<R>>[] = [];
      const fresh: number[] = [];
      for (const [index, creation] of creations.entries()) {
        const state = stateOf.get(index);
        if (state instanceof AppError) answers[index] = { ok: false, error: state };
        else if (state?.kind === 'replay') {
          const resourceId = (state.body as { resourceId: string }).resourceId;
          const statusCode = state.statusCode ?? creation.statusCode;
          answers[index] = { ok: true, value: { replayed: true, resourceId, statusCode } };
        } else fresh.push(index);
      }
      const created =
        fresh.length > 0
          ? await createAll(
              tx,
              fresh.map((index) => (creations[index] as Creation<I>).input),
            )
          : [];
      const records: Parameters<typeof recordReplies>[1][number][] = [];
      for (const [k, index] of fresh.entries()) {
        const result = created[k];
        const creation = creations[index] as Creation<I>;
        if (!result) throw new Error(`Creation ${k} of the batch was not answered`);
        if (!result.ok) {
          answers[index] = result;
          continue;
        }
        const resourceId = resourceIdOf(result.value);
        answers[index] = {
          ok: true,
          value: { replayed: false, resourceId, resource: result.value },
        };
        if (creation.claim) {
          records.push({
            claim: creation.claim,
            statusCode: creation.statusCode,
            body: { resourceId },
          });
        }
      }
      await recordReplies(tx, records, now);
      return answers;
    });
  }, options);
}
