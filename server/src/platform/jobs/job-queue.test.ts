import { eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import type { Db } from '../db/database.js';
import { backoffMs, JobQueue } from './job-queue.js';
import { events, jobs as jobsTable } from './tables.js';

let testApp: TestApp;
let db: Db;
beforeAll(async () => {
  testApp = await createTestApp();
  db = testApp.database.db;
});
afterAll(() => testApp.close());

async function jobRow(id: string) {
  const [row] = await db.select().from(jobsTable).where(eq(jobsTable.id, id));
  if (!row) throw new Error(`No job ${id}`);
  return row;
}

const leaseMs = 5 * 60_000;

describe('job queue and outbox', () => {
  it('never delivers an event whose transaction rolled back', async () => {
    const delivered: unknown[] = [];
    testApp.jobs.subscribe('test.rolled_back', 'rollback-listener', async (event) => {
      delivered.push(event);
    });
    let eventId = '';
    await expect(
      db.transaction(async (tx) => {
        eventId = await testApp.jobs.publish(tx, 'test.rolled_back', { orderId: 'o_1' });
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');

    expect(eventId).not.toBe('');
    await testApp.jobs.runDue();
    testApp.clock.advance(leaseMs + 1);
    await testApp.jobs.runDue();
    expect(delivered).toEqual([]);
    expect(await db.select().from(events).where(eq(events.id, eventId))).toEqual([]);
  });

  it('delivers a committed event once to each subscriber, after commit and on runDue', async () => {
    const ledger: Array<{ id: string; type: string; payload: unknown }> = [];
    const notices: string[] = [];
    testApp.jobs.subscribe('test.payment_succeeded', 'ledger', async (event) => {
      ledger.push({ id: event.id, type: event.type, payload: event.payload });
    });
    testApp.jobs.subscribe('test.payment_succeeded', 'notifier', async (event) => {
      notices.push(event.id);
    });

    const eventId = await db.transaction((tx) =>
      testApp.jobs.publish(tx, 'test.payment_succeeded', { paymentId: 'pay_1', amountFen: 1_999 }),
    );
    expect(ledger).toEqual([]);

    await testApp.jobs.runDue();
    expect(ledger).toEqual([
      {
        id: eventId,
        type: 'test.payment_succeeded',
        payload: { paymentId: 'pay_1', amountFen: 1_999 },
      },
    ]);
    expect(notices).toEqual([eventId]);

    await testApp.jobs.runDue();
    expect(ledger).toHaveLength(1);
    expect(notices).toHaveLength(1);
  });

  it('retries one failing subscriber without delivering again to the one that succeeded', async () => {
    let okCalls = 0;
    let flakyCalls = 0;
    testApp.jobs.subscribe('test.shipped', 'ok-listener', async () => {
      okCalls += 1;
    });
    testApp.jobs.subscribe('test.shipped', 'flaky-listener', async () => {
      flakyCalls += 1;
      if (flakyCalls === 1) throw new Error('downstream unavailable');
    });
    await db.transaction((tx) => testApp.jobs.publish(tx, 'test.shipped', {}));

    await testApp.jobs.runDue();
    expect([okCalls, flakyCalls]).toEqual([1, 1]);
    testApp.clock.advance(backoffMs(1));
    await testApp.jobs.runDue();
    expect([okCalls, flakyCalls]).toEqual([1, 2]);
  });

  it('retries a failing job with backoff, never before its time, until it succeeds', async () => {
    const attempts: number[] = [];
    testApp.jobs.register('test.flaky', async (_payload, { attempt }) => {
      attempts.push(attempt);
      if (attempt < 3) throw new Error(`gateway timeout on attempt ${attempt}`);
    });
    const jobId = await db.transaction((tx) =>
      testApp.jobs.enqueue(tx, 'test.flaky', { payoutId: 'po_1' }),
    );

    await testApp.jobs.runDue();
    expect(attempts).toEqual([1]);
    const afterFirst = await jobRow(jobId);
    expect(afterFirst).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: 'gateway timeout on attempt 1',
    });
    expect(afterFirst.runAt.getTime()).toBe(testApp.clock.now().getTime() + backoffMs(1));

    testApp.clock.advance(backoffMs(1) - 1);
    await testApp.jobs.runDue();
    expect(attempts).toEqual([1]);

    testApp.clock.advance(1);
    await testApp.jobs.runDue();
    expect(attempts).toEqual([1, 2]);

    testApp.clock.advance(backoffMs(2) - 1);
    await testApp.jobs.runDue();
    expect(attempts).toEqual([1, 2]);
    testApp.clock.advance(1);
    await testApp.jobs.runDue();
    expect(attempts).toEqual([1, 2, 3]);
    expect(await jobRow(jobId)).toMatchObject({ status: 'done', attempts: 3, leaseUntil: null });
    expect((await jobRow(jobId)).finishedAt).not.toBeNull();
  });

  it('backs off longer after each failure, up to an hour', () => {
    expect(backoffMs(1)).toBeLessThan(backoffMs(2));
    expect(backoffMs(2)).toBeLessThan(backoffMs(3));
    expect(backoffMs(50)).toBe(3_600_000);
  });

  it('marks a job dead with its last error once its attempts run out, and runs it no more', async () => {
    let calls = 0;
    testApp.jobs.register(
      'test.always_fails',
      async () => {
        calls += 1;
        throw new Error(`provider refused (call ${calls})`);
      },
      { maxAttempts: 3 },
    );
    const jobId = await db.transaction((tx) => testApp.jobs.enqueue(tx, 'test.always_fails', {}));
    for (let attempt = 1; attempt <= 3; attempt++) {
      await testApp.jobs.runDue();
      testApp.clock.advance(backoffMs(attempt));
    }
    expect(calls).toBe(3);
    const dead = await jobRow(jobId);
    expect(dead).toMatchObject({
      status: 'dead',
      attempts: 3,
      lastError: 'provider refused (call 3)',
    });
    expect(dead.finishedAt).not.toBeNull();

    testApp.clock.advance(24 * 3_600_000);
    await testApp.jobs.runDue();
    expect(calls).toBe(3);
  });

  it('runs a job enqueued for later only once its time has come', async () => {
    let calls = 0;
    testApp.jobs.register('test.scheduled', async () => {
      calls += 1;
    });
    const runAt = new Date(testApp.clock.now().getTime() + 60_000);
    await db.transaction((tx) => testApp.jobs.enqueue(tx, 'test.scheduled', {}, { runAt }));
    await testApp.jobs.runDue();
    expect(calls).toBe(0);
    testApp.clock.advance(60_000);
    await testApp.jobs.runDue();
    expect(calls).toBe(1);
  });

  it('does not lose a job whose worker crashed: it runs again once the lease expires, not before', async () => {
    const attempts: number[] = [];
    testApp.jobs.register('test.crash', async (_payload, { attempt }) => {
      attempts.push(attempt);
    });
    const jobId = await db.transaction((tx) =>
      testApp.jobs.enqueue(tx, 'test.crash', { batch: 7 }),
    );

    // A worker claims the job and dies before finishing it.
    const claimed = await testApp.jobs.claim(20);
    expect(claimed.map((job) => job.id)).toContain(jobId);
    expect(await jobRow(jobId)).toMatchObject({ status: 'running', attempts: 1 });

    await testApp.jobs.runDue();
    testApp.clock.advance(leaseMs);
    await testApp.jobs.runDue();
    expect(attempts).toEqual([]);

    testApp.clock.advance(1);
    await testApp.jobs.runDue();
    expect(attempts).toEqual([2]);
    expect(await jobRow(jobId)).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('honours a longer lease declared for a slow kind of job', async () => {
    const attempts: number[] = [];
    const slowLeaseMs = 30 * 60_000;
    testApp.jobs.register(
      'test.slow_batch',
      async (_payload, { attempt }) => {
        attempts.push(attempt);
      },
      { leaseMs: slowLeaseMs },
    );
    const jobId = await db.transaction((tx) => testApp.jobs.enqueue(tx, 'test.slow_batch', {}));
    await testApp.jobs.claim(20);

    // Past the default lease the job is still someone's: running it again would run it twice.
    testApp.clock.advance(leaseMs + 1);
    await testApp.jobs.runDue();
    expect(attempts).toEqual([]);

    testApp.clock.advance(slowLeaseMs - leaseMs);
    await testApp.jobs.runDue();
    expect(attempts).toEqual([2]);
    expect(await jobRow(jobId)).toMatchObject({ status: 'done' });
  });

  it('keeps the outcome of the newer attempt when an overtaken worker finishes late', async () => {
    // A second worker process on the same database, whose handler hangs until the test lets go.
    const slowWorker = new JobQueue({
      db,
      clock: testApp.clock,
      logger: pino({ level: 'silent' }),
      pollMs: 1_000,
    });
    let release: () => void = () => {};
    const hanging = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started: () => void = () => {};
    const hasStarted = new Promise<void>((resolve) => {
      started = resolve;
    });
    slowWorker.register('test.overtaken', async () => {
      started();
      await hanging;
      throw new Error('stale worker failed late');
    });
    let fastRuns = 0;
    testApp.jobs.register('test.overtaken', async () => {
      fastRuns += 1;
    });
    const jobId = await db.transaction((tx) => testApp.jobs.enqueue(tx, 'test.overtaken', {}));

    const slowRun = slowWorker.runDue();
    await hasStarted;
    testApp.clock.advance(leaseMs + 1);
    await testApp.jobs.runDue();
    expect(fastRuns).toBe(1);
    expect(await jobRow(jobId)).toMatchObject({ status: 'done', attempts: 2 });

    release();
    await slowRun;
    expect(await jobRow(jobId)).toMatchObject({ status: 'done', attempts: 2, lastError: null });
  });

  it('refuses a job kind or a subscriber registered twice, and an unknown kind', async () => {
    testApp.jobs.register('test.once', async () => {});
    expect(() => testApp.jobs.register('test.once', async () => {})).toThrow(/registered twice/);
    testApp.jobs.subscribe('test.event_once', 'listener', async () => {});
    expect(() => testApp.jobs.subscribe('test.event_once', 'listener', async () => {})).toThrow(
      /twice/,
    );
    await expect(
      db.transaction((tx) => testApp.jobs.enqueue(tx, 'test.never_registered', {})),
    ).rejects.toThrow(/No handler/);
  });
});
