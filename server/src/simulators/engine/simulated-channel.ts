import { createHash, randomBytes } from 'node:crypto';
import type { Channel } from '../../modules/payments/tables.js';
import type { Clock } from '../../platform/clock.js';
import {
  type Deliver,
  type NotificationMessage,
  NotificationScheduler,
} from './notification-scheduler.js';
import { paymentCodeOutcome } from './payment-code-rules.js';
import {
  type FaultCounter,
  type FaultsPatch,
  noFaults,
  type SimulatorFaults,
} from './simulator-faults.js';

export type SimOrderStatus =
  | 'created'
  | 'userpaying'
  | 'authorized'
  | 'paid'
  | 'failed'
  | 'closed'
  | 'reversed';

export type SimCard = { token: string; type: 'debit' | 'credit'; bin: string; last4: string };

export type SimOrder = {
  outTradeNo: string;
  merchantId: string;
  amountFen: number;
  description: string;
  source: 'wallet' | 'payment_code' | 'card' | 'reversal_only';
  prepayId: string;
  transactionId: string;
  status: SimOrderStatus;
  payerRef?: string;
  notifyUrl?: string;
  createdAt: Date;
  paidAt?: Date;
  /** When a password payment completes. */
  payerConfirmAt?: Date;
  failure?: { code: string; message: string };
  refundedFen: number;
  card?: SimCard;
};

export type SimRefund = {
  outRefundNo: string;
  outTradeNo: string;
  refundId: string;
  amountFen: number;
  status: 'processing' | 'succeeded' | 'failed';
  notifyUrl?: string;
  createdAt: Date;
  settleAt: Date;
  settledAt?: Date;
  willFail: boolean;
};

export type SimEvent =
  | { kind: 'payment'; order: SimOrder }
  | { kind: 'refund'; refund: SimRefund; order: SimOrder };

/** What a notification's renderer may be asked to spoil, decided once per notification. */
export type NotificationSpoilers = { badSignature: boolean; tamperAmount: boolean };

export type NotificationFormat = {
  retryDelaysMs: readonly number[];
  /** Whether the channel notifies this event at all (most notify successes only). */
  notifies?(event: SimEvent): boolean;
  render(
    event: SimEvent,
    context: { notificationId: string; attempt: number; spoil: NotificationSpoilers },
  ): NotificationMessage;
  isAcknowledged(reply: { statusCode: number; body: string }): boolean;
};

export type SimTimings = { payerConfirmMs: number; refundSettleMs: number };

export const defaultSimTimings: SimTimings = { payerConfirmMs: 5_000, refundSettleMs: 3_000 };

type Failure<E extends string> = { error: E };

const maxOrders = 200_000;
const maxRefunds = 200_000;

/**
 * The state of one simulated channel: orders, refunds, payers and its notifications. Each
 * channel's wire front (wechat-simulator.ts, ...) translates its protocol to these calls; the
 * rules of money (refunds never above the paid amount, state only forward, reversal of an
 * unknown order blocking a late payment) live here once.
 */
export class SimulatedChannel {
  readonly orders = new Map<string, SimOrder>();
  readonly refunds = new Map<string, SimRefund>();
  private readonly byPrepayId = new Map<string, string>();
  private readonly userPaying = new Set<string>();
  private readonly processingRefunds = new Set<string>();
  private readonly scheduler: NotificationScheduler;
  private current: SimulatorFaults = { ...noFaults };
  private notificationCount = 0;

  constructor(
    readonly channel: Channel,
    private readonly options: {
      clock: Clock;
      deliver: Deliver;
      format: NotificationFormat;
      idPrefix: string;
      /** The channel's own id format, when the prefix-and-time default does not fit it. */
      newId?: (now: Date) => string;
      timings?: Partial<SimTimings>;
    },
  ) {
    this.scheduler = new NotificationScheduler({
      clock: options.clock,
      deliver: options.deliver,
      retryDelaysMs: options.format.retryDelaysMs,
      isAcknowledged: (reply) => options.format.isAcknowledged(reply),
    });
  }

  get clock(): Clock {
    return this.options.clock;
  }

  get faults(): Readonly<SimulatorFaults> {
    return this.current;
  }

  setFaults(patch: FaultsPatch): SimulatorFaults {
    const { reset, ...rest } = patch;
    const base = reset ? { ...noFaults } : this.current;
    this.current = {
      ...base,
      ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)),
    };
    return this.current;
  }

  /** Uses up one of a fault counter; true when the fault applies to this call. */
  takeFault(counter: FaultCounter): boolean {
    if (this.current[counter] <= 0) return false;
    this.current = { ...this.current, [counter]: this.current[counter] - 1 };
    return true;
  }

  setDeliver(deliver: Deliver): void {
    this.scheduler.deliver = deliver;
  }

  deliveries() {
    return this.scheduler.history();
  }

  pendingNotifications(): number {
    return this.scheduler.pendingCount();
  }

  private timing(name: keyof SimTimings): number {
    return this.current.instant ? 0 : (this.options.timings?.[name] ?? defaultSimTimings[name]);
  }

  private newId(kind: string): string {
    if (this.options.newId) return this.options.newId(this.options.clock.now());
    const time = this.options.clock.now().getTime().toString(36);
    return `${this.options.idPrefix}${kind}${time}${randomBytes(6).toString('hex')}`;
  }

  private remember(order: SimOrder): SimOrder {
    if (this.orders.size >= maxOrders) {
      const oldest = this.orders.values().next().value;
      if (oldest) {
        this.orders.delete(oldest.outTradeNo);
        this.byPrepayId.delete(oldest.prepayId);
      }
    }
    this.orders.set(order.outTradeNo, order);
    this.byPrepayId.set(order.prepayId, order.outTradeNo);
    return order;
  }

  private newOrder(input: {
    outTradeNo: string;
    merchantId: string;
    amountFen: number;
    description: string;
    source: SimOrder['source'];
    notifyUrl?: string;
    payerRef?: string;
  }): SimOrder {
    return {
      ...input,
      prepayId: this.newId('p'),
      transactionId: this.newId('t'),
      status: 'created',
      createdAt: this.options.clock.now(),
      refundedFen: 0,
    };
  }

  /** An order the payer pays in a wallet (JSAPI, trade.create, the bank app). Retries return the same order. */
  createWalletOrder(input: {
    outTradeNo: string;
    merchantId: string;
    amountFen: number;
    description: string;
    notifyUrl: string;
    payerRef?: string;
  }): { order: SimOrder } | Failure<'duplicate_order'> {
    const existing = this.orders.get(input.outTradeNo);
    if (existing) {
      return existing.amountFen === input.amountFen && existing.source === 'wallet'
        ? { order: existing }
        : { error: 'duplicate_order' };
    }
    return { order: this.remember(this.newOrder({ ...input, source: 'wallet' })) };
  }

  orderByPrepayId(prepayId: string): SimOrder | undefined {
    const outTradeNo = this.byPrepayId.get(prepayId);
    return outTradeNo ? this.order(outTradeNo) : undefined;
  }

  /** The payer confirmed in the (simulated) wallet: paid, and the notification is on its way. */
  confirmWallet(
    prepayId: string,
    payerRef: string,
    outcome: 'paid' | 'insufficient_balance' = 'paid',
  ): { order: SimOrder } | Failure<'not_found' | 'not_payable'> {
    const order = this.orderByPrepayId(prepayId);
    if (!order) return { error: 'not_found' };
    if (order.status === 'paid' && order.payerRef === payerRef) return { order };
    if (order.status !== 'created') return { error: 'not_payable' };
    order.payerRef = payerRef;
    if (outcome === 'insufficient_balance') {
      order.status = 'failed';
      order.failure = { code: 'insufficient_balance', message: '余额不足' };
    } else {
      order.status = 'paid';
      order.paidAt = this.options.clock.now();
    }
    this.notify({ kind: 'payment', order });
    return { order };
  }

  /** Merchant scans the customer's code; the outcome follows payment-code-rules.ts. */
  payWithPaymentCode(input: {
    outTradeNo: string;
    merchantId: string;
    amountFen: number;
    description: string;
    authCode: string;
    validCode: boolean;
  }): { order: SimOrder } | Failure<'duplicate_order' | 'order_reversed'> {
    const existing = this.orders.get(input.outTradeNo);
    if (existing) {
      if (existing.source === 'reversal_only') return { error: 'order_reversed' };
      return existing.amountFen === input.amountFen
        ? { order: this.order(input.outTradeNo) ?? existing }
        : { error: 'duplicate_order' };
    }
    const order = this.remember(this.newOrder({ ...input, source: 'payment_code' }));
    order.payerRef = `payer_${createHash('sha256').update(input.authCode.slice(0, 10)).digest('hex').slice(0, 16)}`;
    const outcome = input.validCode ? paymentCodeOutcome(input.authCode) : 'invalid_code';
    const now = this.options.clock.now();
    if (outcome === 'paid') {
      order.status = 'paid';
      order.paidAt = now;
    } else if (outcome === 'needs_password') {
      order.status = 'userpaying';
      order.payerConfirmAt = new Date(now.getTime() + this.timing('payerConfirmMs'));
      this.userPaying.add(order.outTradeNo);
    } else {
      order.status = 'failed';
      order.failure = {
        insufficient_balance: { code: 'insufficient_balance', message: '余额不足' },
        code_expired: { code: 'code_expired', message: '付款码已过期' },
        invalid_code: { code: 'invalid_code', message: '付款码无效' },
      }[outcome];
    }
    return { order };
  }

  /** A card authorisation with the host's token; tokens containing "DECL" are declined. */
  authorizeCard(input: {
    outTradeNo: string;
    merchantId: string;
    amountFen: number;
    description: string;
    cardToken: string;
  }): { order: SimOrder } | Failure<'duplicate_order'> {
    const existing = this.orders.get(input.outTradeNo);
    if (existing)
      return existing.amountFen === input.amountFen
        ? { order: existing }
        : { error: 'duplicate_order' };
    const order = this.remember(this.newOrder({ ...input, source: 'card' }));
    const digits = createHash('sha256').update(input.cardToken).digest().readUInt32BE(0) % 10_000;
    order.card = {
      token: input.cardToken,
      type: input.cardToken.includes('CRED') ? 'credit' : 'debit',
      bin: input.cardToken.includes('CRED') ? '625807' : '622848',
      last4: String(digits).padStart(4, '0'),
    };
    order.payerRef = input.cardToken;
    if (input.cardToken.includes('DECL')) {
      order.status = 'failed';
      order.failure = { code: '51', message: '余额不足' };
    } else {
      order.status = 'authorized';
    }
    return { order };
  }

  captureCard(
    outTradeNo: string,
    amountFen: number,
  ): { order: SimOrder } | Failure<'not_found' | 'not_capturable'> {
    const order = this.orders.get(outTradeNo);
    if (!order) return { error: 'not_found' };
    if (order.status === 'paid') return { order };
    if (order.status !== 'authorized' || amountFen > order.amountFen)
      return { error: 'not_capturable' };
    order.status = 'paid';
    order.paidAt = this.options.clock.now();
    return { order };
  }

  /** The order as it stands now (a password payment completes when its time has come). */
  order(outTradeNo: string): SimOrder | undefined {
    const order = this.orders.get(outTradeNo);
    if (order) this.advanceOrder(order);
    return order;
  }

  /**
   * The order as its merchant may look it up: a reversal's tombstone and another merchant's
   * order are not found, as a real channel knows of neither.
   */
  merchantOrder(outTradeNo: string, merchantId: string | null | undefined): SimOrder | undefined {
    const order = this.order(outTradeNo);
    return order && order.source !== 'reversal_only' && order.merchantId === merchantId
      ? order
      : undefined;
  }

  /**
   * Cancels an order whatever its state: a paid one is refunded in full, an unknown one is
   * recorded as reversed so that a payment arriving late is refused.
   */
  reverse(input: { outTradeNo: string; merchantId: string }): {
    order: SimOrder;
    refunded: boolean;
  } {
    const order = this.order(input.outTradeNo);
    if (!order) {
      const tombstone = this.remember(
        this.newOrder({ ...input, amountFen: 0, description: '', source: 'reversal_only' }),
      );
      tombstone.status = 'reversed';
      return { order: tombstone, refunded: false };
    }
    const refunded = order.status === 'paid';
    if (order.status !== 'failed') order.status = 'reversed';
    this.userPaying.delete(order.outTradeNo);
    return { order, refunded };
  }

  /** Closes an order that is not paid; a paid one is left as it is. */
  close(outTradeNo: string): { order: SimOrder } | Failure<'not_found' | 'paid'> {
    const order = this.order(outTradeNo);
    if (!order) return { error: 'not_found' };
    if (order.status === 'paid') return { error: 'paid' };
    if (
      order.status === 'created' ||
      order.status === 'userpaying' ||
      order.status === 'authorized'
    ) {
      order.status = 'closed';
      this.userPaying.delete(outTradeNo);
    }
    return { order };
  }

  /**
   * Accepts a refund; it settles after `refundSettleMs` (succeeded, or failed when a
   * `failNextRefunds` fault was set) and its notification follows. A retry with the same refund
   * number returns the same refund.
   */
  refund(input: {
    outTradeNo: string;
    outRefundNo: string;
    amountFen: number;
    notifyUrl?: string;
  }):
    | { refund: SimRefund }
    | Failure<'order_not_found' | 'not_paid' | 'exceeds_paid' | 'duplicate_refund'> {
    const existing = this.refunds.get(input.outRefundNo);
    if (existing) {
      if (existing.outTradeNo !== input.outTradeNo || existing.amountFen !== input.amountFen)
        return { error: 'duplicate_refund' };
      this.advanceRefund(existing);
      return { refund: existing };
    }
    const order = this.order(input.outTradeNo);
    if (!order) return { error: 'order_not_found' };
    if (order.status !== 'paid') return { error: 'not_paid' };
    if (input.amountFen <= 0 || order.refundedFen + input.amountFen > order.amountFen)
      return { error: 'exceeds_paid' };
    if (this.refunds.size >= maxRefunds) {
      const oldest = this.refunds.keys().next().value;
      if (oldest !== undefined) this.refunds.delete(oldest);
    }
    const now = this.options.clock.now();
    const refund: SimRefund = {
      outRefundNo: input.outRefundNo,
      outTradeNo: input.outTradeNo,
      refundId: this.newId('r'),
      amountFen: input.amountFen,
      status: 'processing',
      notifyUrl: input.notifyUrl ?? order.notifyUrl,
      createdAt: now,
      settleAt: new Date(now.getTime() + this.timing('refundSettleMs')),
      willFail: this.takeFault('failNextRefunds'),
    };
    // The amount is held at once so concurrent refunds cannot together exceed the payment.
    order.refundedFen += input.amountFen;
    this.refunds.set(refund.outRefundNo, refund);
    this.processingRefunds.add(refund.outRefundNo);
    if (this.current.instant) this.advanceRefund(refund);
    return { refund };
  }

  refundByNo(outRefundNo: string): SimRefund | undefined {
    const refund = this.refunds.get(outRefundNo);
    if (refund) this.advanceRefund(refund);
    return refund;
  }

  /** Settles what is due by the clock, then delivers the notifications that are due. */
  async runDue(): Promise<number> {
    for (const outTradeNo of [...this.userPaying]) this.order(outTradeNo);
    for (const outRefundNo of [...this.processingRefunds]) this.refundByNo(outRefundNo);
    return this.scheduler.runDue({ newestFirst: this.current.reorderNotifications });
  }

  private advanceOrder(order: SimOrder): void {
    if (order.status !== 'userpaying' || !order.payerConfirmAt) return;
    if (this.options.clock.now() < order.payerConfirmAt) return;
    order.status = 'paid';
    order.paidAt = order.payerConfirmAt;
    this.userPaying.delete(order.outTradeNo);
  }

  private advanceRefund(refund: SimRefund): void {
    if (refund.status !== 'processing' || this.options.clock.now() < refund.settleAt) return;
    refund.status = refund.willFail ? 'failed' : 'succeeded';
    refund.settledAt = this.options.clock.now();
    this.processingRefunds.delete(refund.outRefundNo);
    const order = this.orders.get(refund.outTradeNo);
    if (!order) return;
    if (refund.willFail) order.refundedFen -= refund.amountFen;
    this.notify({ kind: 'refund', refund, order });
  }

  private notify(event: SimEvent): void {
    const url = event.kind === 'payment' ? event.order.notifyUrl : event.refund.notifyUrl;
    if (!url || this.options.format.notifies?.(event) === false) return;
    this.notificationCount += 1;
    const notificationId = `${this.options.idPrefix}n${this.notificationCount.toString(36)}${randomBytes(4).toString('hex')}`;
    const spoil = {
      badSignature: this.takeFault('badNotificationSignatures'),
      tamperAmount: this.takeFault('tamperedNotificationAmounts'),
    };
    // A snapshot: later changes to the order must not change a notification already sent.
    const frozen: SimEvent =
      event.kind === 'payment'
        ? { kind: 'payment', order: { ...event.order } }
        : { kind: 'refund', refund: { ...event.refund }, order: { ...event.order } };
    this.scheduler.enqueue({
      id: notificationId,
      url,
      copies: this.current.duplicateNotifications,
      // Only the first delivery is spoiled: it stands for a forged or corrupted message, and the
      // channel's own retry that follows is genuine.
      render: (attempt) =>
        this.options.format.render(frozen, {
          notificationId,
          attempt,
          spoil: attempt === 1 ? spoil : { badSignature: false, tamperAmount: false },
        }),
    });
    if (this.current.instant) void this.scheduler.runDue();
  }
}
