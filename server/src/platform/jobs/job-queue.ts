import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import { type Db, queryRows } from '../db/database.js';
import { newId } from '../ids.js';
import { events, jobs } from './tables.js';

export type JobHandler = (
  payload: unknown,
  context: { jobId: string; attempt: number },
) => Promise<void>;
export type EventHandler = (event: {
  id: string;
  type: string;
  payload: unknown;
  occurredAt: Date;
}) => Promise<void>;

type JobSpec = { handler: JobHandler; maxAttempts: number; leaseMs: number };

/**
 * Follow-up work kept on the business rows themselves (a due time on each row, claimed with
 * SKIP LOCKED) instead of one job row per item: runs with every poll and every `runDue()`.
 * Returns how many items it handled, at most `limit`; it handles its own failures.
 */
export type Sweeper = (limit: number) => Promise<number>;

const deliverEventKind = 'deliver-event';
const defaultMaxAttempts = 10;
const defaultLeaseMs = 5 * 60_000;
const maxBackoffMs = 3_600_000;

/** 2 s, 4 s, 8 s … capped at an hour: failures back off instead of hammering a sick system. */
export function backoffMs(attempt: number): number {
  return Math.min(maxBackoffMs, 1_000 * 2 ** Math.max(1, attempt));
}

/**
 * Background jobs and the outbox in one table. Work is enqueued inside the business
 * transaction, so it exists exactly when the business change committed. Workers claim due jobs
 * with FOR UPDATE SKIP LOCKED and a lease; a job that throws is retried with backoff until its
 * attempts run out (then `dead`, kept for an operator); a worker that dies mid-job lets its
 * lease expire and the job is claimed again. Delivery is therefore at least once: handlers
 * must be idempotent.
 */
export class JobQueue {
  private readonly specs = new Map<string, JobSpec>();
  private readonly subscribers = new Map<string, Map<string, EventHandler>>();
  private readonly sweepers = new Map<string, Sweeper>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = true;

  constructor(private readonly deps: { db: Db; clock: Clock; logger: Logger; pollMs: number }) {
    this.register(deliverEventKind, (payload) =>
      this.deliverEvent(payload as { eventId: string; subscriber: string }),
    );
  }

  register(
    kind: string,
    handler: JobHandler,
    options: { maxAttempts?: number; leaseMs?: number } = {},
  ): void {
    if (this.specs.has(kind)) throw new Error(`Job kind ${kind} registered twice`);
    this.specs.set(kind, {
      handler,
      maxAttempts: options.maxAttempts ?? defaultMaxAttempts,
      leaseMs: options.leaseMs ?? defaultLeaseMs,
    });
  }

  registerSweeper(name: string, sweep: Sweeper): void {
    if (this.sweepers.has(name)) throw new Error(`Sweeper ${name} registered twice`);
    this.sweepers.set(name, sweep);
  }

  /** Each subscriber of an event type gets its own delivery job, retried independently. */
  subscribe(eventType: string, subscriber: string, handler: EventHandler): void {
    const forType = this.subscribers.get(eventType) ?? new Map<string, EventHandler>();
    if (forType.has(subscriber)) throw new Error(`${subscriber} subscribed to ${eventType} twice`);
    forType.set(subscriber, handler);
    this.subscribers.set(eventType, forType);
  }

  async enqueue(
    tx: Db,
    kind: string,
    payload: unknown,
    options: { runAt?: Date } = {},
  ): Promise<string> {
    const spec = this.specs.get(kind);
    if (!spec) throw new Error(`No handler for job kind ${kind}`);
    const now = this.deps.clock.now();
    const id = newId('job', now.getTime());
    await tx.insert(jobs).values({
      id,
      kind,
      payload,
      status: 'pending',
      runAt: options.runAt ?? now,
      maxAttempts: spec.maxAttempts,
      createdAt: now,
    });
    return id;
  }

  /** Records a domain event in the caller's transaction; delivery starts after commit. */
  async publish(tx: Db, type: string, payload: unknown): Promise<string> {
    const now = this.deps.clock.now();
    const eventId = newId('event', now.getTime());
    await tx.insert(events).values({ id: eventId, type, payload, occurredAt: now });
    for (const subscriber of this.subscribers.get(type)?.keys() ?? []) {
      await this.enqueue(tx, deliverEventKind, { eventId, subscriber });
    }
    return eventId;
  }

  /**
   * Claims and runs up to `limit` due jobs, then each sweeper's due items (up to `limit`
   * each); returns how many ran. Tests call it directly.
   */
  async runDue(limit = 20): Promise<number> {
    const claimed = await this.claim(limit);
    for (const job of claimed) await this.execute(job);
    let swept = 0;
    for (const [name, sweep] of this.sweepers) {
      try {
        swept += await sweep(limit);
      } catch (error) {
        this.deps.logger.error({ err: error, sweeper: name }, 'sweep failed');
      }
    }
    return claimed.length + swept;
  }

  /** Claims due jobs without running them: what a worker that then crashes would have done. */
  async claim(limit: number): Promise<ClaimedJob[]> {
    const now = this.deps.clock.now();
    const rows = await queryRows<{
      id: string;
      kind: string;
      payload: unknown;
      attempts: number;
      max_attempts: number;
    }>(
      this.deps.db,
      sql`
      update jobs set status = 'running', attempts = attempts + 1, lease_until = ${this.leaseUntil(now)}
      where id in (
        select id from jobs
        where (status = 'pending' and run_at <= ${now.toISOString()}::timestamptz)
           or (status = 'running' and lease_until < ${now.toISOString()}::timestamptz)
        order by run_at
        limit ${limit}
        for update skip locked
      )
      returning id, kind, payload, attempts, max_attempts`,
    );
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      payload: row.payload,
      attempt: row.attempts,
      maxAttempts: row.max_attempts,
    }));
  }

  /**
   * Each kind's own lease end: a kind registered with a longer lease (a slow batch) must not be
   * taken from a worker still running it once the default lease is over.
   */
  private leaseUntil(now: Date): SQL {
    const at = (leaseMs: number) =>
      sql`${new Date(now.getTime() + leaseMs).toISOString()}::timestamptz`;
    const own = [...this.specs].filter(([, spec]) => spec.leaseMs !== defaultLeaseMs);
    if (own.length === 0) return at(defaultLeaseMs);
    const cases = own.map(([kind, spec]) => sql`when ${kind} then ${at(spec.leaseMs)}`);
    return sql`case kind ${sql.join(cases, sql` `)} else ${at(defaultLeaseMs)} end`;
  }

  private async execute(job: ClaimedJob): Promise<void> {
    const spec = this.specs.get(job.kind);
    // Only the claim that still holds this attempt may finish the job: a worker whose lease ran
    // out and was overtaken must not overwrite the newer attempt's outcome.
    const stillOurs = and(
      eq(jobs.id, job.id),
      eq(jobs.status, 'running'),
      eq(jobs.attempts, job.attempt),
    );
    try {
      if (!spec) throw new Error(`No handler for job kind ${job.kind}`);
      await spec.handler(job.payload, { jobId: job.id, attempt: job.attempt });
      await this.deps.db
        .update(jobs)
        .set({ status: 'done', finishedAt: this.deps.clock.now(), leaseUntil: null })
        .where(stillOurs);
    } catch (error) {
      const now = this.deps.clock.now();
      const dead = job.attempt >= job.maxAttempts;
      this.deps.logger.warn(
        { err: error, jobId: job.id, kind: job.kind, attempt: job.attempt, dead },
        'job failed',
      );
      await this.deps.db
        .update(jobs)
        .set({
          status: dead ? 'dead' : 'pending',
          runAt: new Date(now.getTime() + backoffMs(job.attempt)),
          leaseUntil: null,
          lastError: String(error instanceof Error ? error.message : error).slice(0, 2000),
          finishedAt: dead ? now : null,
        })
        .where(stillOurs);
    }
  }

  private async deliverEvent(payload: { eventId: string; subscriber: string }): Promise<void> {
    const [event] = await this.deps.db.select().from(events).where(eq(events.id, payload.eventId));
    if (!event) throw new Error(`Event ${payload.eventId} not found`);
    const handler = this.subscribers.get(event.type)?.get(payload.subscriber);
    if (!handler) throw new Error(`No subscriber ${payload.subscriber} for ${event.type}`);
    await handler(event);
  }

  /** Polls for due jobs until stop(); wake() runs a poll now (after a commit that enqueued). */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  wake(): void {
    if (!this.stopped && !this.running) this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.pollOnce().finally(() => {
        this.running = undefined;
        if (!this.stopped) this.schedule(this.deps.pollMs);
      });
    }, delayMs);
    this.timer.unref();
  }

  private async pollOnce(): Promise<void> {
    try {
      // Keep draining while there is work, within a bound per poll so stop() stays prompt.
      for (let round = 0; round < 10 && !this.stopped; round++) {
        if ((await this.runDue()) === 0) break;
      }
    } catch (error) {
      this.deps.logger.error({ err: error }, 'job poll failed');
    }
  }
}

export type ClaimedJob = {
  id: string;
  kind: string;
  payload: unknown;
  attempt: number;
  maxAttempts: number;
};
