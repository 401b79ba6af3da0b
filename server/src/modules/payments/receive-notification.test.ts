import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import {
  merchantAtTill,
  paymentRow,
  payStoreCode,
  storeCodeOf,
} from '../../../test/payment-factories.js';
import type { DeliveryRecord, NotificationMessage } from '../../simulators/index.js';
import { auditEvents } from '../audit/tables.js';
import { ledgerJournals } from '../ledger/tables.js';
import { channelNotifications } from './tables.js';

let testApp: TestApp;
let till: Awaited<ReturnType<typeof merchantAtTill>>;
let code: string;

beforeAll(async () => {
  testApp = await createTestApp();
  till = await merchantAtTill(testApp);
  code = await storeCodeOf(till.session);
});
afterAll(() => testApp.close());

async function journalsOf(paymentId: string) {
  return testApp.db.select().from(ledgerJournals).where(eq(ledgerJournals.sourceId, paymentId));
}

/** Posts a captured notification to the platform again, exactly as the channel sent it. */
async function replay(message: { url: string; message: NotificationMessage }) {
  return testApp.app.inject({
    method: 'POST',
    url: new URL(message.url).pathname,
    headers: message.message.headers,
    payload: message.message.body,
  });
}

/** Captures what the simulators deliver instead of sending it, to replay it by hand. */
function capture(): { sent: { url: string; message: NotificationMessage }[]; restore(): void } {
  const sent: { url: string; message: NotificationMessage }[] = [];
  testApp.simulators.setDeliver(async (url, message) => {
    sent.push({ url, message });
    return { statusCode: 500, body: '' };
  });
  return {
    sent,
    restore: () =>
      testApp.simulators.setDeliver(async (url, message) => {
        const reply = await replay({ url, message });
        return { statusCode: reply.statusCode, body: reply.body };
      }),
  };
}

describe('channel notifications', () => {
  it('a notification replayed 1–20 times, in any order among others, posts each payment once', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 2, maxLength: 4 }),
        fc.integer({ min: 0, max: 1_000 }),
        async (replays, seed) => {
          const captured = capture();
          const ids: string[] = [];
          for (const [index] of replays.entries()) {
            const paid = await payStoreCode(testApp, code, 100 + index, {
              channel: index % 2 ? 'alipay' : 'wechat',
            });
            ids.push(paid.paymentId as string);
          }
          captured.restore();
          const copies = captured.sent.flatMap((item, index) =>
            Array.from({ length: replays[index % replays.length] ?? 1 }, () => item),
          );
          // A deterministic shuffle from the seed: the notifications arrive in any order.
          const order = copies.map((item, index) => ({
            item,
            key: (index * 7919 + seed) % 10_007,
          }));
          order.sort((a, b) => a.key - b.key);
          for (const { item } of order) {
            const reply = await replay(item);
            expect(reply.statusCode).toBeLessThan(300);
          }
          for (const id of ids) {
            expect((await paymentRow(testApp, id)).status).toBe('succeeded');
            expect(await journalsOf(id)).toHaveLength(1);
          }
        },
      ),
      { numRuns: 8 },
    );
  });

  it('a forged notification changes nothing, is refused and is recorded as a security event', async () => {
    const captured = capture();
    const paid = await payStoreCode(testApp, code, 777);
    captured.restore();
    const genuine = captured.sent[0];
    if (!genuine) throw new Error('no notification captured');
    const forged = {
      ...genuine,
      message: {
        ...genuine.message,
        body: genuine.message.body.replace(/"ciphertext":"[^"]+"/, '"ciphertext":"AAAA"'),
      },
    };
    const reply = await replay(forged);
    expect(reply.statusCode).toBeGreaterThanOrEqual(400);
    expect((await paymentRow(testApp, paid.paymentId as string)).status).toBe('pending');
    expect(await journalsOf(paid.paymentId as string)).toHaveLength(0);
    const events = await testApp.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'security.notification_rejected'));
    expect(events.length).toBeGreaterThan(0);
    const rejected = await testApp.db
      .select()
      .from(channelNotifications)
      .where(eq(channelNotifications.outcome, 'rejected'));
    expect(rejected.length).toBeGreaterThan(0);
    // The genuine one still goes through afterwards.
    expect((await replay(genuine)).statusCode).toBe(200);
    expect((await paymentRow(testApp, paid.paymentId as string)).status).toBe('succeeded');
  });

  it('a notification whose amount was tampered with after signing is refused, then the honest retry applies', async () => {
    testApp.simulators.setFaults('alipay', { tamperedNotificationAmounts: 1 });
    const paid = await payStoreCode(testApp, code, 1500, { channel: 'alipay' });
    expect((await paymentRow(testApp, paid.paymentId as string)).status).toBe('pending');
    // Alipay retries 4 minutes later with the genuine notification.
    testApp.clock.advance(4 * 60_000 + 1_000);
    await testApp.simulators.runDue();
    expect((await paymentRow(testApp, paid.paymentId as string)).status).toBe('succeeded');
    expect(await journalsOf(paid.paymentId as string)).toHaveLength(1);
  });

  it('duplicated and reordered notifications from the channel itself post once', async () => {
    testApp.simulators.setFaults('wechat', {
      duplicateNotifications: 5,
      reorderNotifications: true,
    });
    try {
      const first = await payStoreCode(testApp, code, 201, { deliver: false });
      const second = await payStoreCode(testApp, code, 202, { deliver: false });
      await testApp.simulators.runDue();
      for (const paid of [first, second]) {
        expect((await paymentRow(testApp, paid.paymentId as string)).status).toBe('succeeded');
        expect(await journalsOf(paid.paymentId as string)).toHaveLength(1);
      }
      const deliveries: readonly DeliveryRecord[] = testApp.simulators.wechat.engine.deliveries();
      expect(deliveries.length).toBeGreaterThanOrEqual(10);
    } finally {
      testApp.simulators.setFaults('wechat', { reset: true });
    }
  });

  it('when no notification arrives, the platform queries the channel and settles the payment', async () => {
    const captured = capture();
    const paid = await payStoreCode(testApp, code, 3300);
    // Notifications are lost (the capture answers 500 and keeps them): only the query remains.
    testApp.clock.advance(61_000);
    while ((await testApp.jobs.runDue()) > 0) {
      // Earlier tests' follow-ups are due too; run them all.
    }
    captured.restore();
    expect((await paymentRow(testApp, paid.paymentId as string)).status).toBe('succeeded');
  });
});
