import { randomBytes } from 'node:crypto';
import type { PayoutFailureCode } from '../../adapters/corebank/corebank-client.js';
import type { PayoutRequestJson } from '../../adapters/corebank/corebank-wire.js';
import type { Clock } from '../../platform/clock.js';
import {
  type Deliver,
  type NotificationMessage,
  NotificationScheduler,
} from '../engine/notification-scheduler.js';
import type { NotificationSpoilers } from '../engine/simulated-channel.js';
import { CoreBankFaultSwitch, type CoreBankFaultsPatch } from './corebank-faults.js';

/**
 * What the simulated core bank does with a payee account, chosen by its last six digits so a
 * test or a demo picks the outcome by the account it pays (real accounts practically never end
 * in 99990x):
 *
 * | ends in | outcome |
 * |---|---|
 * | 999901 | fails `account_closed` 账户已销户 |
 * | 999902 | fails `name_mismatch` 户名不符 |
 * | 999903 | fails `account_not_found` 账户不存在 |
 * | 999904 | fails `account_frozen` 账户已冻结 |
 * | 999905 | fails `limit_exceeded` 超过单笔限额 |
 * | 999908 | succeeds; its notification is sent twice |
 * | 999909 | succeeds, but the first submission's answer never comes (booked, then the call hangs past the client's timeout); a query or a resubmission finds the booking |
 *
 * Any other account succeeds.
 */
export const payeeAccountBehaviours = {
  '999901': 'account_closed',
  '999902': 'name_mismatch',
  '999903': 'account_not_found',
  '999904': 'account_frozen',
  '999905': 'limit_exceeded',
  '999908': 'duplicate_notification',
  '999909': 'timeout',
} as const;

export type PayeeAccountBehaviour =
  | (typeof payeeAccountBehaviours)[keyof typeof payeeAccountBehaviours]
  | 'succeeds';

const failureMessages: Partial<Record<PayeeAccountBehaviour, string>> = {
  account_closed: '账户已销户',
  name_mismatch: '户名不符',
  account_not_found: '账户不存在',
  account_frozen: '账户已冻结',
  limit_exceeded: '超过单笔限额',
};

export function payeeAccountBehaviour(accountNumber: string): PayeeAccountBehaviour {
  const suffix = accountNumber.slice(-6);
  return Object.hasOwn(payeeAccountBehaviours, suffix)
    ? payeeAccountBehaviours[suffix as keyof typeof payeeAccountBehaviours]
    : 'succeeds';
}

/** A 19-digit account the simulator treats as `behaviour`; `serial` tells several apart. */
export function simulatedPayeeAccount(
  behaviour: Exclude<PayeeAccountBehaviour, 'succeeds'>,
  serial = 0,
): string {
  const suffix = Object.entries(payeeAccountBehaviours).find(([, b]) => b === behaviour)?.[0];
  return `6217${String(serial).padStart(9, '0')}${suffix}`;
}

/** The gateway's retry plan for a notification nobody acknowledged: about 9.5 hours (unverified). */
export const coreBankRetryDelaysMs = [
  15_000, 30_000, 60_000, 300_000, 900_000, 1_800_000, 3_600_000, 7_200_000, 21_600_000,
] as const;

/** An async instruction is booked this long after the gateway accepted it. */
export const defaultBookingDelayMs = 3_000;

export type SimPayoutStatus = 'processing' | 'succeeded' | 'failed';

export type SimPayout = {
  request: PayoutRequestJson;
  gatewayReference: string;
  status: SimPayoutStatus;
  acceptedAt: Date;
  /** When an async instruction is booked (or refused). */
  settleAt: Date;
  bookedAt?: Date;
  failure?: { code: PayoutFailureCode; message: string };
  /** Whether the first submission's answer is lost (the timeout behaviour). */
  answerLost: boolean;
};

/** What the core bank booked: how many times and how much. More than once would be a double payment. */
export type Booking = { count: number; totalFen: number };

export type NotificationRenderer = (
  payout: SimPayout,
  context: { notificationId: string; spoil: NotificationSpoilers },
) => NotificationMessage;

const maxPayouts = 200_000;

/**
 * The state of the simulated payout gateway: instructions by id, what was booked, and the
 * outcome notifications. An instruction id is idempotent: the same id again returns the same
 * instruction and never books twice; the same id for another payee or amount is a conflict.
 * Async instructions are booked when their time comes, on `runDue()` or on a query, so tests
 * move a ManualClock instead of waiting.
 */
export class SimulatedCoreBank {
  readonly payouts = new Map<string, SimPayout>();
  private readonly booked = new Map<string, Booking>();
  private readonly processing = new Set<string>();
  private readonly scheduler: NotificationScheduler;
  private readonly faultSwitch = new CoreBankFaultSwitch();
  private readonly total: Booking = { count: 0, totalFen: 0 };
  private notificationCount = 0;

  constructor(
    private readonly options: {
      clock: Clock;
      deliver: Deliver;
      render: NotificationRenderer;
      bookingDelayMs?: number;
    },
  ) {
    this.scheduler = new NotificationScheduler({
      clock: options.clock,
      deliver: options.deliver,
      retryDelaysMs: coreBankRetryDelaysMs,
      isAcknowledged: (reply) => reply.statusCode === 200,
    });
  }

  get clock(): Clock {
    return this.options.clock;
  }

  get faults() {
    return this.faultSwitch.faults;
  }

  setFaults(patch: CoreBankFaultsPatch) {
    return this.faultSwitch.set(patch);
  }

  takeFault: CoreBankFaultSwitch['takeFault'] = (counter) => this.faultSwitch.takeFault(counter);

  setDeliver(deliver: Deliver): void {
    this.scheduler.deliver = deliver;
  }

  deliveries() {
    return this.scheduler.history();
  }

  pendingNotifications(): number {
    return this.scheduler.pendingCount();
  }

  /** What was booked for one instruction (zero when nothing was). */
  bookings(instructionId: string): Booking {
    return { ...(this.booked.get(instructionId) ?? { count: 0, totalFen: 0 }) };
  }

  /** Everything booked so far, so a test can check that the money moved exactly once. */
  bookedTotals(): Booking {
    return { ...this.total };
  }

  /**
   * Takes an instruction. A new one is booked now (sync) or accepted for later (async); a
   * repeated id returns the instruction as it stands.
   */
  submit(
    request: PayoutRequestJson,
  ): { payout: SimPayout; repeated: boolean } | { error: 'instruction_conflict' } {
    const existing = this.payout(request.instructionId);
    if (existing) {
      return sameInstruction(existing.request, request)
        ? { payout: existing, repeated: true }
        : { error: 'instruction_conflict' };
    }
    const now = this.options.clock.now();
    const delay = this.faults.instant ? 0 : (this.options.bookingDelayMs ?? defaultBookingDelayMs);
    const payout: SimPayout = {
      request: { ...request },
      gatewayReference: this.newReference(),
      status: 'processing',
      acceptedAt: now,
      settleAt: request.mode === 'sync' ? now : new Date(now.getTime() + delay),
      answerLost: payeeAccountBehaviour(request.payeeAccountNumber) === 'timeout',
    };
    this.remember(payout);
    if (request.mode === 'sync') this.settle(payout);
    else this.processing.add(request.instructionId);
    return { payout, repeated: false };
  }

  /** The instruction as it stands now (an async one is booked once its time has come). */
  payout(instructionId: string): SimPayout | undefined {
    const payout = this.payouts.get(instructionId);
    if (payout && payout.status === 'processing' && payout.settleAt <= this.options.clock.now()) {
      this.settle(payout);
    }
    return payout;
  }

  /** Books the async instructions that are due, then delivers the notifications that are due. */
  async runDue(): Promise<number> {
    const now = this.options.clock.now();
    for (const instructionId of [...this.processing]) {
      const payout = this.payouts.get(instructionId);
      if (!payout) this.processing.delete(instructionId);
      else if (payout.settleAt <= now) this.settle(payout);
    }
    return this.scheduler.runDue();
  }

  private settle(payout: SimPayout): void {
    if (payout.status !== 'processing') return;
    this.processing.delete(payout.request.instructionId);
    const behaviour = payeeAccountBehaviour(payout.request.payeeAccountNumber);
    const failureMessage = failureMessages[behaviour];
    if (failureMessage) {
      payout.status = 'failed';
      payout.failure = { code: behaviour as PayoutFailureCode, message: failureMessage };
    } else {
      payout.status = 'succeeded';
      payout.bookedAt = this.options.clock.now();
      this.book(payout);
    }
    this.notify(payout, behaviour === 'duplicate_notification' ? 2 : 1);
  }

  /** The only place money moves: once per instruction, guarded by the status change above. */
  private book(payout: SimPayout): void {
    const booking = this.booked.get(payout.request.instructionId) ?? { count: 0, totalFen: 0 };
    booking.count += 1;
    booking.totalFen += payout.request.amountFen;
    this.booked.set(payout.request.instructionId, booking);
    this.total.count += 1;
    this.total.totalFen += payout.request.amountFen;
  }

  private notify(payout: SimPayout, copiesForAccount: number): void {
    this.notificationCount += 1;
    const notificationId = `CBN${this.notificationCount.toString(36)}${randomBytes(4).toString('hex')}`;
    const spoil = {
      badSignature: this.takeFault('badNotificationSignatures'),
      tamperAmount: this.takeFault('tamperedNotificationAmounts'),
    };
    const frozen: SimPayout = { ...payout, request: { ...payout.request } };
    this.scheduler.enqueue({
      id: notificationId,
      url: payout.request.notifyUrl,
      copies: Math.max(copiesForAccount, this.faults.duplicateNotifications),
      // Only the first delivery is spoiled, as in the channel simulators: the retry that
      // follows a rejected forgery is the gateway's genuine message.
      render: (attempt) =>
        this.options.render(frozen, {
          notificationId,
          spoil: attempt === 1 ? spoil : { badSignature: false, tamperAmount: false },
        }),
    });
    if (this.faults.instant) void this.scheduler.runDue();
  }

  private newReference(): string {
    const time = this.options.clock.now().getTime().toString(36).toUpperCase();
    return `CBS${time}${randomBytes(6).toString('hex').toUpperCase()}`;
  }

  private remember(payout: SimPayout): void {
    // The oldest is forgotten rather than growing without bound; the running totals keep it.
    if (this.payouts.size >= maxPayouts) {
      const oldest = this.payouts.keys().next().value;
      if (oldest !== undefined) {
        this.payouts.delete(oldest);
        this.processing.delete(oldest);
        this.booked.delete(oldest);
      }
    }
    this.payouts.set(payout.request.instructionId, payout);
  }
}

/** The same instruction: what decides where money goes and how much, not how it was sent. */
function sameInstruction(a: PayoutRequestJson, b: PayoutRequestJson): boolean {
  return (
    a.amountFen === b.amountFen &&
    a.payeeAccountNumber === b.payeeAccountNumber &&
    a.payeeName === b.payeeName &&
    a.payeeBankCode === b.payeeBankCode &&
    a.purpose === b.purpose
  );
}
