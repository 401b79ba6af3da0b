import type { Clock } from '../../platform/clock.js';

export type NotificationMessage = { headers: Record<string, string>; body: string };

/** Sends one notification to the platform; a throw counts as a failed attempt. */
export type Deliver = (
  url: string,
  message: NotificationMessage,
) => Promise<{ statusCode: number; body: string }>;

export type DeliveryRecord = {
  notificationId: string;
  url: string;
  /** 1 for the first delivery, 2 for the first retry, ... */
  attempt: number;
  at: Date;
  statusCode: number | null;
  acknowledged: boolean;
  error?: string;
};

type Queued = {
  id: string;
  sequence: number;
  url: string;
  /** Rendered at each attempt, as the real channels sign each retry afresh. */
  render: (attempt: number) => NotificationMessage;
  dueAt: number;
  attempts: number;
  copies: number;
};

const maxQueued = 50_000;
const maxHistory = 5_000;
const maxPerRun = 5_000;

/**
 * One channel's notification queue: the first delivery is due when the event happens, and
 * after each unacknowledged attempt the next waits the channel's own delay
 * (`retryDelaysMs[n]` after the (n+1)-th attempt); when the delays run out the notification is
 * given up, as the real channel does. Nothing runs by itself: `runDue()` delivers what is due
 * by the clock, so tests move a ManualClock and call it.
 */
export class NotificationScheduler {
  private readonly queue = new Map<string, Queued>();
  private readonly records: DeliveryRecord[] = [];
  private sequence = 0;
  private running: Promise<number> | null = null;
  private runAgain = false;
  deliver: Deliver;

  constructor(
    private readonly options: {
      clock: Clock;
      deliver: Deliver;
      retryDelaysMs: readonly number[];
      isAcknowledged: (reply: { statusCode: number; body: string }) => boolean;
    },
  ) {
    this.deliver = options.deliver;
  }

  enqueue(input: {
    id: string;
    url: string;
    render: (attempt: number) => NotificationMessage;
    copies: number;
  }): void {
    // The oldest is dropped rather than growing without bound; the platform's query covers it.
    if (this.queue.size >= maxQueued) {
      const oldest = this.queue.keys().next().value;
      if (oldest !== undefined) this.queue.delete(oldest);
    }
    this.sequence += 1;
    this.queue.set(input.id, {
      ...input,
      sequence: this.sequence,
      dueAt: this.options.clock.now().getTime(),
      attempts: 0,
    });
  }

  /**
   * Delivers everything due now, one at a time. A call during a run joins it, and the run goes
   * round once more so that what was enqueued meanwhile is not left for the next tick.
   */
  runDue(options: { newestFirst?: boolean } = {}): Promise<number> {
    if (this.running) {
      this.runAgain = true;
      return this.running;
    }
    const run = async () => {
      let sent = 0;
      do {
        this.runAgain = false;
        sent += await this.deliverDue(options.newestFirst ?? false);
      } while (this.runAgain);
      return sent;
    };
    this.running = run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  history(): readonly DeliveryRecord[] {
    return this.records;
  }

  pendingCount(): number {
    return this.queue.size;
  }

  private async deliverDue(newestFirst: boolean): Promise<number> {
    const now = this.options.clock.now().getTime();
    const due = [...this.queue.values()]
      .filter((item) => item.dueAt <= now)
      .sort((a, b) =>
        newestFirst ? b.sequence - a.sequence : a.dueAt - b.dueAt || a.sequence - b.sequence,
      )
      .slice(0, maxPerRun);
    let sent = 0;
    for (const item of due) {
      item.attempts += 1;
      // Duplicates go out on the first attempt whatever the first answer was, like a channel
      // that sends the same event twice.
      const copies = item.attempts === 1 ? item.copies : 1;
      let acknowledged = false;
      for (let copy = 0; copy < copies; copy += 1) {
        acknowledged = (await this.attempt(item)) || acknowledged;
        sent += 1;
      }
      const delay = this.options.retryDelaysMs[item.attempts - 1];
      if (acknowledged || delay === undefined) this.queue.delete(item.id);
      else item.dueAt = this.options.clock.now().getTime() + delay;
    }
    return sent;
  }

  private async attempt(item: Queued): Promise<boolean> {
    const at = this.options.clock.now();
    const record: DeliveryRecord = {
      notificationId: item.id,
      url: item.url,
      attempt: item.attempts,
      at,
      statusCode: null,
      acknowledged: false,
    };
    try {
      const reply = await this.deliver(item.url, item.render(item.attempts));
      record.statusCode = reply.statusCode;
      record.acknowledged = this.options.isAcknowledged(reply);
    } catch (error) {
      record.error = error instanceof Error ? error.message : String(error);
    }
    this.records.push(record);
    if (this.records.length > maxHistory) this.records.splice(0, this.records.length - maxHistory);
    return record.acknowledged;
  }
}
