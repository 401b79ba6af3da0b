import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { userRoles, users } from '../modules/identity/index.js';
import { marketMemberships } from '../modules/markets/tables.js';
import {
  type MerchantKind,
  merchants,
  type RiskLevel,
  stores,
} from '../modules/merchants/tables.js';
import { merchantLimitsByRisk } from '../modules/payments/limits.js';
import {
  endPayment,
  lockPayment,
  succeedPayment,
} from '../modules/payments/payment-transitions.js';
import { failRefund, settleRefund } from '../modules/payments/refund-outcome.js';
import { acceptRefund } from '../modules/payments/refund-payment.js';
import {
  type CardType,
  type Channel,
  dailyUsage,
  type PaymentMethod,
  type PaymentRow,
  payments,
} from '../modules/payments/tables.js';
import { type Clock, ManualClock, shanghaiDay, shanghaiDayStart } from '../platform/clock.js';
import type { Db } from '../platform/db/database.js';
import { systemMeta } from '../platform/db/tables.js';
import { newId } from '../platform/ids.js';
import { demoMerchantLogins, demoMerchantNames, sequence } from './demo-merchants.js';
import { type HourWeights, type Profile, profiles } from './demo-trade-profiles.js';

/**
 * Thirty days of payment history for the demo merchants (and today's, up to "now"), so the
 * portal's payment list and today's totals and the console's search and charts show something
 * real. Every payment is generated from a fixed seed per merchant and day; every success and
 * refund is posted by the live code (`succeedPayment`, `acceptRefund`, `settleRefund`,
 * `failRefund`) with a clock set to its own time, so the ledger is what production would hold.
 *
 * It runs once per database: a `demo_payments_version` marker in system_meta, written in the
 * same transaction as the payments, says they are there.
 */

export const demoPaymentsVersionKey = 'demo_payments_version';
// 1: 30 days of payments and refunds of every active demo merchant.
const demoPaymentsVersion = 1;

/** The days of history before today; today's payments come on top. */
export const demoPaymentDays = 30;

const secondMs = 1_000;
const minuteMs = 60_000;
const hourMs = 3_600_000;
const dayMs = 86_400_000;

/** PBOC level D: what one payer may pay by static codes in a day (the default of the setting). */
const staticPayerDailyLimitFen = 50_000;
/** The payment-code reversal wait (the default of PAYMENT_CODE_REVERSE_SECONDS). */
const paymentCodeReverseMs = 30 * secondMs;
/** A wallet order lives two hours; an order code the merchant shows, half an hour. */
const walletOrderLifeMs = 2 * hourMs;
const orderCodeLifeMs = 30 * minuteMs;

export async function isDemoPaymentsSeeded(db: Db): Promise<boolean> {
  const [row] = await db
    .select()
    .from(systemMeta)
    .where(eq(systemMeta.key, demoPaymentsVersionKey));
  return Number(row?.value ?? 0) >= demoPaymentsVersion;
}

// ---------------------------------------------------------------------------------------------
// What kind of trade each merchant does.

/** What a demo merchant needs for its history: the facts the seed read from the database. */
export type DemoPaymentMerchant = {
  id: string;
  shortName: string;
  kind: MerchantKind;
  mcc: string | null;
  riskLevel: RiskLevel | null;
  activatedAt: Date | null;
  /** An accepted member of a market: its trade is wholesale. */
  marketMember: boolean;
  stores: Array<{
    id: string;
    hours: string | null;
    createdAt: Date;
    /** Who takes payments at the store's counter: its cashier, else the owner. */
    counterUserId: string | null;
  }>;
};

/** The merchants whose logins are printed at start trade more: they are what a visitor sees. */
const busier = new Set<string>(demoMerchantLogins.map((login) => login.merchant));

function profileOf(merchant: DemoPaymentMerchant): Profile {
  if (merchant.kind === 'market_operator') return profiles.marketOffice;
  if (merchant.kind === 'produce_purchaser') return profiles.purchaser;
  if (merchant.marketMember) {
    return merchant.mcc === '5422' ? profiles.fishWholesale : profiles.wholesale;
  }
  switch (merchant.mcc) {
    case '5499':
      return merchant.shortName.includes('茶') ? profiles.tea : profiles.fruit;
    case '5411':
      return merchant.kind === 'company' ? profiles.supermarket : profiles.grocery;
    case '5812':
      if (merchant.kind === 'company') return profiles.fineDining;
      return merchant.kind === 'micro' ? profiles.snacks : profiles.restaurant;
    case '5814':
      return merchant.kind === 'micro' ? profiles.breakfast : profiles.snacks;
    case '5462':
      return profiles.bakery;
    case '5422':
      return profiles.seafood;
    case '5912':
      return profiles.pharmacy;
    case '5451':
      return profiles.dairy;
    case '5992':
      return profiles.florist;
    case '4814':
      return profiles.telecom;
    default:
      return profiles.variety;
  }
}

// ---------------------------------------------------------------------------------------------
// The plan: every payment and refund, decided before anything is written.

type Outcome = 'succeeded' | 'failed' | 'expired' | 'cancelled';
type Failure = { code: string; message: string };

export type PlannedRefund = {
  at: Date;
  doneAt: Date;
  amountFen: number;
  reason: string;
  outcome: 'succeeded' | 'failed';
  createdByUserId: string | null;
};

export type PlannedPayment = {
  merchantId: string;
  merchantName: string;
  storeId: string;
  method: PaymentMethod;
  /** Null for an order code nobody picked a wallet for. */
  channel: Channel | null;
  codeKind: 'static' | 'dynamic' | 'none';
  amountFen: number;
  createdAt: Date;
  closedAt: Date;
  outcome: Outcome;
  failure: Failure | null;
  /** On the pending row (store and order codes) or reported by the channel on success. */
  payerRef: string | null;
  reportedPayerRef: string | null;
  card: { bin: string; last4: string; type: CardType; token: string } | null;
  terminalId: string | null;
  authCodePrefix: string | null;
  orderReference: string | null;
  description: string | null;
  createdByUserId: string | null;
  expiresAt: Date | null;
  reverseAt: Date | null;
  refunds: PlannedRefund[];
};

type Sequence = ReturnType<typeof sequence>;

/** FNV-1a, so a merchant's generator depends on its name and nothing else. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (const char of text) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

const unit = (seq: Sequence) => seq.int(1_000_000) / 1_000_000;
const between = (seq: Sequence, low: number, high: number) => low + unit(seq) * (high - low);

function weighted<T extends string>(seq: Sequence, weights: Readonly<Record<T, number>>): T {
  const entries = Object.entries(weights) as Array<[T, number]>;
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = unit(seq) * total;
  for (const [key, weight] of entries) {
    roll -= weight;
    if (roll < 0) return key;
  }
  return (entries.find(([, weight]) => weight > 0) ?? entries[0])?.[0] as T;
}

const walletShares: Record<Exclude<Channel, 'card'>, number> = {
  wechat: 50,
  alipay: 34,
  unionpay: 8,
  bankapp: 8,
};

/** Card BINs of the banks whose cards a Qingdao terminal sees most, with their card type. */
const cardBins: ReadonlyArray<{ bin: string; type: CardType }> = [
  { bin: '622848', type: 'debit' }, // 农业银行
  { bin: '621700', type: 'debit' }, // 建设银行
  { bin: '622202', type: 'debit' }, // 工商银行
  { bin: '621661', type: 'debit' }, // 中国银行
  { bin: '621483', type: 'debit' }, // 招商银行
  { bin: '623668', type: 'debit' }, // this bank's own debit card
  { bin: '622575', type: 'credit' }, // 招商银行信用卡
  { bin: '625912', type: 'credit' }, // 建设银行信用卡
  { bin: '622689', type: 'credit' }, // 中信银行信用卡
  { bin: '628288', type: 'credit' }, // 平安银行信用卡
];

const alnum = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** How the channel names a payer: an openid, an Alipay buyer id, a UnionPay user, a customer. */
function payerId(seq: Sequence, channel: Exclude<Channel, 'card'>): string {
  switch (channel) {
    case 'wechat':
      return `o${seq.chars(`${alnum}-_`, 27)}`;
    case 'alipay':
      return `2088${seq.digits(12)}`;
    case 'unionpay':
      return `up${seq.chars('0123456789abcdef', 20)}`;
    case 'bankapp':
      return `qdb${seq.digits(10)}`;
  }
}

/** The first four digits of a customer's payment code (channel-routing.ts). */
function authCodePrefix(
  pick: number,
  digits: string,
  channel: Exclude<Channel, 'card' | 'bankapp'>,
): string {
  const head = {
    wechat: String(10 + (pick % 6)),
    alipay: String(25 + (pick % 6)),
    unionpay: '62',
  }[channel];
  return `${head}${digits}`;
}

/** Why a payment failed; `pick` chooses between a method's usual reasons. */
function paymentFailure(pick: number, method: PaymentMethod, channel: Channel): Failure {
  if (method === 'card') {
    return pick % 2 === 0
      ? { code: '51', message: '余额不足' }
      : { code: '55', message: '密码错误' };
  }
  if (method === 'payment_code') {
    return pick % 3 === 0
      ? { code: 'code_expired', message: '付款码已过期' }
      : { code: 'insufficient_balance', message: '余额不足' };
  }
  return channel === 'wechat'
    ? { code: 'PAYERROR', message: '支付失败，请使用其他方式付款' }
    : { code: 'insufficient_balance', message: '余额不足' };
}

const refundFailures: Record<Channel, Failure> = {
  wechat: { code: 'USER_ACCOUNT_ABNORMAL', message: '退款请求失败：用户账户异常' },
  alipay: { code: 'REFUND_FAIL', message: '退款失败' },
  unionpay: { code: 'FAILED', message: '原交易卡已注销，退款失败' },
  bankapp: { code: 'FAILED', message: '付款账户已销户，退款失败' },
  card: { code: 'FAILED', message: '原交易卡已注销，退款失败' },
};

/** Minutes of each hour a store is open, from its hours (`07:00-20:00`, `17:00-02:00`). */
function openMinutes(hours: string | null): Array<[number, number] | null> {
  const match = /^(\d\d):(\d\d)-(\d\d):(\d\d)$/.exec(hours ?? '');
  const from = match ? Number(match[1]) * 60 + Number(match[2]) : 8 * 60;
  const to = match ? Number(match[3]) * 60 + Number(match[4]) : 21 * 60;
  const windows: Array<[number, number]> =
    to > from
      ? [[from, to]]
      : [
          [from, 24 * 60],
          [0, to],
        ];
  return Array.from({ length: 24 }, (_, hour) => {
    for (const [start, end] of windows) {
      const low = Math.max(start, hour * 60);
      const high = Math.min(end, hour * 60 + 60);
      if (high > low) return [low, high];
    }
    return null;
  });
}

/** A time of a Shanghai day, as ms after its start, drawn from the hours' weights. */
function timeOfDay(seq: Sequence, weights: HourWeights, open: Array<[number, number] | null>) {
  const masked = weights.map((weight, hour) => {
    const window = open[hour];
    return window ? (weight * (window[1] - window[0])) / 60 : 0;
  });
  const total = masked.reduce((sum, weight) => sum + weight, 0);
  let roll = unit(seq) * total;
  let hour = masked.findIndex((weight) => weight > 0);
  for (const [index, weight] of masked.entries()) {
    roll -= weight;
    if (weight > 0 && roll < 0) {
      hour = index;
      break;
    }
  }
  const window = open[hour] ?? [hour * 60, hour * 60 + 60];
  return (window[0] + unit(seq) * (window[1] - window[0])) * minuteMs;
}

function amountOf(seq: Sequence, profile: Profile): number {
  const [low, high] = profile.yuan;
  // Log-uniform, leaning to the low end: many small sales, a few big ones.
  const yuan = low * (high / low) ** (unit(seq) ** 1.4);
  const steps = Math.max(1, Math.round((yuan * 100) / profile.stepFen));
  return steps * profile.stepFen;
}

type Payer = { refs: Record<Exclude<Channel, 'card'>, string>; wallet: Exclude<Channel, 'card'> };
type Card = { bin: string; last4: string; type: CardType; token: string };

/** A merchant's regular customers: the same payers and cards come back over the month. */
function customersOf(merchant: DemoPaymentMerchant, profile: Profile) {
  const seq = sequence(hashOf(`customers|${merchant.shortName}`));
  const payers: Payer[] = Array.from({ length: Math.max(24, profile.perDay[1] * 6) }, () => ({
    refs: {
      wechat: payerId(seq, 'wechat'),
      alipay: payerId(seq, 'alipay'),
      unionpay: payerId(seq, 'unionpay'),
      bankapp: payerId(seq, 'bankapp'),
    },
    wallet: weighted(seq, walletShares),
  }));
  const cards: Card[] = Array.from({ length: 12 + seq.int(20) }, () => {
    const bin = seq.pick(cardBins);
    return {
      bin: bin.bin,
      last4: seq.digits(4),
      type: bin.type,
      token: `ctk_${seq.chars('0123456789abcdef', 24)}`,
    };
  });
  const terminals = merchant.stores.map(() => `T${seq.digits(7)}`);
  return { payers, cards, terminals };
}

/**
 * The payments of one merchant on one Shanghai day, those of today only up to `now`. Pure: the
 * same merchant, day and "now" give the same payments.
 */
function planDay(
  merchant: DemoPaymentMerchant,
  profile: Profile,
  customers: ReturnType<typeof customersOf>,
  daysAgo: number,
  now: Date,
  /** A few payments spread evenly over the day so far, whatever the hours say. */
  extra?: { count: number },
): PlannedPayment[] {
  const seq = sequence(hashOf(`payments|${merchant.shortName}|${daysAgo}${extra ? '|extra' : ''}`));
  const day = shanghaiDay(new Date(now.getTime() - daysAgo * dayMs));
  const dayStart = shanghaiDayStart(day);
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  const weekend = weekday === 0 || weekday === 6 ? profile.weekend : 1;
  const count =
    extra?.count ??
    Math.round(
      between(seq, profile.perDay[0], profile.perDay[1] + 1) *
        weekend *
        between(seq, 0.85, 1.15) *
        (busier.has(merchant.shortName) ? 3 : merchant.kind === 'micro' ? 0.6 : 1),
    );
  const limits = merchantLimitsByRisk[merchant.riskLevel ?? 'medium'];
  const yyyymmdd = day.replaceAll('-', '');
  const latest = now.getTime() - 5 * secondMs;
  const opens = merchant.stores.map((store) => openMinutes(store.hours));
  let dayTotal = 0;
  let orderNumber = 0;
  const staticUsed = new Map<string, number>();
  const planned: PlannedPayment[] = [];

  for (let index = 0; index < count; index++) {
    // Every draw is made whether or not the payment is kept, so leaving one out (today's after
    // "now", one over a limit) changes none of the others.
    const storeIndex = merchant.stores.length > 1 && unit(seq) < 0.4 ? 1 : 0;
    const store = merchant.stores[storeIndex] ?? merchant.stores[0];
    const timeRoll = timeOfDay(seq, profile.hours, opens[storeIndex] ?? opens[0] ?? []);
    const createdAt = new Date(
      extra
        ? dayStart.getTime() +
            ((index + unit(seq)) / extra.count) * (now.getTime() - dayStart.getTime() - minuteMs)
        : dayStart.getTime() + timeRoll,
    );
    const amountFen = Math.min(amountOf(seq, profile), limits.singleFen);
    const byCard = unit(seq) < profile.card;
    const wanted = weighted(seq, profile.methods);
    const payer = customers.payers[seq.int(customers.payers.length)] as Payer;
    const card = customers.cards[seq.int(customers.cards.length)] as Card;
    const outcomeRoll = unit(seq);
    const pick = seq.int(1_000);
    const codeDigits = seq.digits(2);
    const delayRoll = unit(seq);
    const walletPicked = unit(seq) < 0.4;
    const refundRoll = unit(seq);
    const refundShare = between(seq, 0.1, 0.6);
    const refundDelay = unit(seq);
    const secondRefundRoll = unit(seq);
    const refundReason = seq.pick(profile.reasons);
    const item = seq.pick(profile.items);

    if (!store) continue;
    if (store.createdAt > createdAt) continue;
    if (!merchant.activatedAt || merchant.activatedAt > createdAt) continue;
    if (dayTotal + amountFen > limits.dailyFen) continue;

    const wallet = payer.wallet;
    let method: PaymentMethod = byCard ? 'card' : wanted;
    // The bank's app pays by scanning the store's code; it shows no payment code of its own.
    if (method === 'payment_code' && wallet === 'bankapp') method = 'store_code';
    const payerKey = payer.refs[wallet];
    // A static code takes at most the payer's level-D limit in a day; above it the cashier
    // shows an order code instead, as the cashier page tells the payer to ask for.
    if (
      method === 'store_code' &&
      (staticUsed.get(payerKey) ?? 0) + amountFen > staticPayerDailyLimitFen
    ) {
      method = 'order_code';
    }
    const channel: Channel = method === 'card' ? 'card' : wallet;

    let outcome: Outcome = 'succeeded';
    if (method === 'store_code')
      outcome = outcomeRoll < 0.012 ? 'failed' : outcomeRoll < 0.02 ? 'expired' : 'succeeded';
    if (method === 'order_code')
      outcome = outcomeRoll < 0.005 ? 'failed' : outcomeRoll < 0.035 ? 'expired' : 'succeeded';
    if (method === 'payment_code' || method === 'card')
      outcome = outcomeRoll < 0.015 ? 'failed' : outcomeRoll < 0.02 ? 'cancelled' : 'succeeded';

    const expiresAt =
      method === 'store_code'
        ? new Date(createdAt.getTime() + walletOrderLifeMs)
        : method === 'order_code'
          ? new Date(createdAt.getTime() + orderCodeLifeMs)
          : null;
    const reverseAt =
      method === 'payment_code' || method === 'card'
        ? new Date(createdAt.getTime() + paymentCodeReverseMs)
        : null;
    const answeredAfter = {
      store_code: 8 * secondMs + delayRoll * 40 * secondMs,
      order_code: 20 * secondMs + delayRoll * 8 * minuteMs,
      payment_code: 2 * secondMs + delayRoll * 4 * secondMs,
      card: 4 * secondMs + delayRoll * 8 * secondMs,
    }[method];
    const closeTime = (of: Outcome) =>
      of === 'expired'
        ? (expiresAt as Date).getTime()
        : of === 'cancelled'
          ? (reverseAt as Date).getTime()
          : createdAt.getTime() + answeredAfter;
    // Today: what would still be open at "now" is settled the quick way, or not yet made.
    if (closeTime(outcome) > latest) outcome = 'succeeded';
    if (closeTime(outcome) > latest) continue;
    const closedAt = new Date(closeTime(outcome));

    // An order code that expired was, more often than not, never opened in a wallet.
    const neverOpened = method === 'order_code' && outcome === 'expired' && !walletPicked;
    const rowChannel = neverOpened ? null : channel;
    const onRow = method === 'store_code' || (method === 'order_code' && rowChannel);
    if (outcome !== 'failed' && outcome !== 'expired' && outcome !== 'cancelled') {
      dayTotal += amountFen;
    }
    if (method === 'store_code' && outcome === 'succeeded')
      staticUsed.set(payerKey, (staticUsed.get(payerKey) ?? 0) + amountFen);
    if (method === 'order_code') orderNumber += 1;

    const refunds: PlannedRefund[] = [];
    if (outcome === 'succeeded' && refundRoll < profile.refundRate) {
      const partial = refundShare < 0.35 && amountFen >= 2 * profile.stepFen;
      const first = partial
        ? Math.min(
            amountFen - profile.stepFen,
            Math.max(
              profile.stepFen,
              Math.round((amountFen * refundShare) / profile.stepFen) * profile.stepFen,
            ),
          )
        : amountFen;
      const at = new Date(closedAt.getTime() + 3 * minuteMs + refundDelay ** 2 * 36 * hourMs);
      const settleAfter = channel === 'card' ? 40 * minuteMs : 20 * secondMs;
      // The cashier at the counter refunds, whoever started the payment.
      const refundBy = store.counterUserId;
      refunds.push({
        at,
        doneAt: new Date(at.getTime() + settleAfter),
        amountFen: first,
        reason: refundReason,
        outcome: 'succeeded',
        createdByUserId: refundBy,
      });
      // Now and then a second partial refund gives back the rest a day later.
      if (partial && secondRefundRoll < 0.3) {
        const later = new Date(at.getTime() + dayMs);
        refunds.push({
          at: later,
          doneAt: new Date(later.getTime() + settleAfter),
          amountFen: amountFen - first,
          reason: '剩余部分退款',
          outcome: 'succeeded',
          createdByUserId: refundBy,
        });
      }
    }

    planned.push({
      merchantId: merchant.id,
      merchantName: merchant.shortName,
      storeId: store.id,
      method,
      channel: rowChannel,
      codeKind: method === 'store_code' ? 'static' : method === 'card' ? 'none' : 'dynamic',
      amountFen,
      createdAt,
      closedAt,
      outcome,
      failure: outcome === 'failed' ? paymentFailure(pick, method, channel) : null,
      payerRef: onRow ? `${channel}:${payerKey}` : null,
      reportedPayerRef:
        method === 'payment_code' ? payerKey : method === 'card' ? card.token : null,
      card: method === 'card' ? card : null,
      terminalId: method === 'card' ? (customers.terminals[storeIndex] ?? null) : null,
      authCodePrefix:
        method === 'payment_code'
          ? authCodePrefix(pick, codeDigits, channel as Exclude<Channel, 'card' | 'bankapp'>)
          : null,
      orderReference:
        method === 'order_code' ? `D${yyyymmdd}${String(orderNumber).padStart(4, '0')}` : null,
      description: method === 'order_code' ? item : null,
      // The payer scans a store code; everything else a cashier starts at the counter.
      createdByUserId: method === 'store_code' ? null : store.counterUserId,
      expiresAt,
      reverseAt,
      refunds: refunds.filter((refund) => refund.doneAt.getTime() <= latest),
    });
  }
  return planned;
}

const byTime = (a: PlannedPayment, b: PlannedPayment) =>
  a.createdAt.getTime() - b.createdAt.getTime() ||
  (a.merchantName < b.merchantName ? -1 : a.merchantName > b.merchantName ? 1 : 0);

/**
 * Every payment of the demo history, oldest first: the days before today and today up to
 * `now`. Two refunds (about a third and two thirds of the way through) fail at the channel.
 */
export function planDemoPayments(
  demoMerchants: readonly DemoPaymentMerchant[],
  now: Date,
): PlannedPayment[] {
  const planned: PlannedPayment[] = [];
  for (const merchant of demoMerchants) {
    if (merchant.stores.length === 0) continue;
    const profile = profileOf(merchant);
    const customers = customersOf(merchant, profile);
    for (let daysAgo = demoPaymentDays; daysAgo >= 0; daysAgo--)
      planned.push(...planDay(merchant, profile, customers, daysAgo, now));
  }
  // Just after midnight the day has hardly begun; the all-night store has still sold a little,
  // so today's totals are never empty.
  const today = shanghaiDay(now);
  const todaySucceeded = planned.filter(
    (payment) => payment.outcome === 'succeeded' && shanghaiDay(payment.createdAt) === today,
  );
  const allNight =
    demoMerchants.find((merchant) =>
      merchant.stores.some((store) => store.hours === '00:00-24:00'),
    ) ?? demoMerchants.find((merchant) => merchant.stores.length > 0);
  const sinceMidnight = now.getTime() - shanghaiDayStart(today).getTime();
  if (todaySucceeded.length < 3 && allNight && sinceMidnight > 5 * minuteMs) {
    const profile = profileOf(allNight);
    const customers = customersOf(allNight, profile);
    planned.push(...planDay(allNight, profile, customers, 0, now, { count: 3 }));
  }
  planned.sort(byTime);
  const refunds = planned.flatMap((payment) => payment.refunds.slice(0, 1));
  for (const at of [0.3, 0.7]) {
    const refund = refunds[Math.floor(refunds.length * at)];
    if (refund && refunds.length >= 2) refund.outcome = 'failed';
  }
  return planned;
}

// ---------------------------------------------------------------------------------------------
// Writing it: pending rows by day, then each answer and refund at its own time.

/** The channel's transaction number, in each channel's own shape, unique within the seed. */
function transactionNumber(channel: Channel, at: Date, serial: number): string {
  const local = new Date(at.getTime() + 8 * hourMs).toISOString();
  const date = local.slice(0, 10).replaceAll('-', '');
  const time = local.slice(11, 19).replaceAll(':', '');
  const n = (width: number) => String(serial).padStart(width, '0');
  switch (channel) {
    case 'wechat':
      return `4200002${date}${n(13)}`;
    case 'alipay':
      return `${date}22001${n(15)}`;
    case 'unionpay':
      return `${date}${time}${n(7)}`;
    case 'bankapp':
      return `QDB${date}${n(12)}`;
    case 'card':
      return `${date}${n(12)}`;
  }
}

function refundNumber(channel: Channel, at: Date, serial: number): string {
  const date = shanghaiDay(at).replaceAll('-', '');
  const n = (width: number) => String(serial).padStart(width, '0');
  return channel === 'wechat' ? `50300${date}${n(16)}` : `${channel.toUpperCase()}R${date}${n(10)}`;
}

export async function loadDemoMerchants(db: Db): Promise<DemoPaymentMerchant[]> {
  const rows = await db
    .select({
      id: merchants.id,
      shortName: merchants.shortName,
      kind: merchants.kind,
      mcc: merchants.mcc,
      riskLevel: merchants.riskLevel,
      activatedAt: merchants.activatedAt,
      ownerUserId: merchants.ownerUserId,
    })
    .from(merchants)
    .where(
      and(eq(merchants.status, 'active'), inArray(merchants.shortName, [...demoMerchantNames])),
    );
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const storeRows = await db
    .select()
    .from(stores)
    .where(and(inArray(stores.merchantId, ids), eq(stores.status, 'open')))
    .orderBy(stores.createdAt, stores.id);
  const cashiers = await db
    .select({ id: users.id, storeId: users.storeId })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(
      and(
        inArray(users.merchantId, ids),
        eq(userRoles.role, 'merchant_cashier'),
        isNull(users.disabledAt),
      ),
    )
    .orderBy(users.id);
  const members = await db
    .select({ merchantId: marketMemberships.merchantId })
    .from(marketMemberships)
    .where(
      and(inArray(marketMemberships.merchantId, ids), eq(marketMemberships.status, 'accepted')),
    );
  const memberIds = new Set(members.map((row) => row.merchantId));
  return rows
    .map((row) => ({
      id: row.id,
      shortName: row.shortName ?? row.id,
      kind: row.kind,
      mcc: row.mcc,
      riskLevel: row.riskLevel,
      activatedAt: row.activatedAt,
      marketMember: memberIds.has(row.id),
      stores: storeRows
        .filter((store) => store.merchantId === row.id)
        .slice(0, 2)
        .map((store) => ({
          id: store.id,
          hours: store.hours,
          createdAt: store.createdAt,
          counterUserId:
            cashiers.find((cashier) => cashier.storeId === store.id)?.id ?? row.ownerUserId,
        })),
    }))
    .sort((a, b) => (a.shortName < b.shortName ? -1 : a.shortName > b.shortName ? 1 : 0));
}

type Step =
  | { at: number; kind: 'answer'; payment: PlannedPayment }
  | { at: number; kind: 'refund'; payment: PlannedPayment; refund: PlannedRefund }
  | { at: number; kind: 'refund_done'; payment: PlannedPayment; refund: PlannedRefund };

/**
 * Adds the demo payment history once; returns how many payments it made (0 when the history
 * is there already, or there are no demo merchants to give one). One transaction: the history
 * is there in full, with its marker, or not at all.
 */
export async function seedDemoPayments(db: Db, clock: Clock): Promise<number> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    // Two processes starting together on one PostgreSQL seed it once.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${demoPaymentsVersionKey}))`);
    if (await isDemoPaymentsSeeded(tx)) return 0;
    const demoMerchants = await loadDemoMerchants(tx);
    const plan = planDemoPayments(demoMerchants, now);

    const rowOf = new Map<PlannedPayment, PaymentRow>();
    const refundIdOf = new Map<PlannedRefund, string>();
    const steps: Step[] = [];
    for (const payment of plan) {
      steps.push({ at: payment.closedAt.getTime(), kind: 'answer', payment });
      for (const refund of payment.refunds) {
        steps.push({ at: refund.at.getTime(), kind: 'refund', payment, refund });
        steps.push({ at: refund.doneAt.getTime(), kind: 'refund_done', payment, refund });
      }
    }
    steps.sort((a, b) => a.at - b.at);

    // The pending rows of a day go in together, before anything of that day is answered.
    let inserted = 0;
    const insertUpTo = async (until: number) => {
      const batch: PlannedPayment[] = [];
      while (
        inserted < plan.length &&
        (plan[inserted] as PlannedPayment).createdAt.getTime() <= until
      )
        batch.push(plan[inserted++] as PlannedPayment);
      for (let start = 0; start < batch.length; start += 500) {
        const chunk = batch.slice(start, start + 500);
        const rows = await tx
          .insert(payments)
          .values(
            chunk.map((payment) => ({
              id: newId('payment', payment.createdAt.getTime()),
              merchantId: payment.merchantId,
              storeId: payment.storeId,
              method: payment.method,
              channel: payment.channel,
              status: 'pending' as const,
              amountFen: payment.amountFen,
              currency: 'CNY',
              description: payment.description,
              orderReference: payment.orderReference,
              codeKind: payment.codeKind,
              payerRef: payment.payerRef,
              cardBin: payment.card?.bin ?? null,
              cardLast4: payment.card?.last4 ?? null,
              cardType: payment.card?.type ?? null,
              cardToken: payment.card?.token ?? null,
              terminalId: payment.terminalId,
              authCodePrefix: payment.authCodePrefix,
              createdByUserId: payment.createdByUserId,
              expiresAt: payment.expiresAt,
              reverseAt: payment.reverseAt,
              createdAt: payment.createdAt,
              updatedAt: payment.createdAt,
            })),
          )
          .returning();
        for (const [index, row] of rows.entries()) rowOf.set(chunk[index] as PlannedPayment, row);
      }
    };

    const at = new ManualClock(now);
    const serials = new Map<Channel, number>();
    const serial = (channel: Channel) => {
      const next = (serials.get(channel) ?? 0) + 1;
      serials.set(channel, next);
      return next;
    };
    let dayEnd = 0;
    for (const step of steps) {
      if (step.at >= dayEnd) {
        const day = shanghaiDay(new Date(step.at));
        dayEnd = shanghaiDayStart(day).getTime() + dayMs;
        await insertUpTo(dayEnd - 1);
      }
      at.set(new Date(step.at));
      if (step.kind === 'answer') {
        const { payment } = step;
        const row = rowOf.get(payment) as PaymentRow;
        if (payment.outcome === 'succeeded') {
          await succeedPayment(tx, at, row, {
            channelTransactionId: transactionNumber(
              row.channel as Channel,
              payment.closedAt,
              serial(row.channel as Channel),
            ),
            payerRef: payment.reportedPayerRef,
            cardType: payment.card?.type ?? null,
          });
        } else {
          await endPayment(tx, at, row, payment.outcome, payment.failure);
        }
      } else if (step.kind === 'refund') {
        const row = await lockPayment(tx, (rowOf.get(step.payment) as PaymentRow).id);
        const refund = await acceptRefund(
          tx,
          at,
          row,
          { amountFen: step.refund.amountFen, reason: step.refund.reason },
          { userId: step.refund.createdByUserId, apiKeyId: null },
        );
        refundIdOf.set(step.refund, refund.id);
      } else {
        const refundId = refundIdOf.get(step.refund) as string;
        const channel = (rowOf.get(step.payment) as PaymentRow).channel as Channel;
        if (step.refund.outcome === 'succeeded') {
          const number = refundNumber(channel, step.refund.doneAt, serial(channel));
          await settleRefund(tx, at, refundId, number);
        } else {
          await failRefund(tx, at, refundId, refundFailures[channel]);
        }
      }
    }
    await insertUpTo(Number.POSITIVE_INFINITY);

    // What production's limit checks counted on each day: succeeded payments count against
    // the merchant's day, static-code ones against their payer's too.
    const usage = new Map<
      string,
      { subject: string; day: string; scope: 'all' | 'static'; amountFen: number; count: number }
    >();
    const count = (subject: string, day: string, scope: 'all' | 'static', amountFen: number) => {
      const key = `${subject}|${day}|${scope}`;
      const current = usage.get(key) ?? { subject, day, scope, amountFen: 0, count: 0 };
      current.amountFen += amountFen;
      current.count += 1;
      usage.set(key, current);
    };
    for (const payment of plan) {
      if (payment.outcome !== 'succeeded') continue;
      const day = shanghaiDay(payment.createdAt);
      count(`merchant:${payment.merchantId}`, day, 'all', payment.amountFen);
      if (payment.codeKind === 'static' && payment.payerRef)
        count(`payer:${payment.payerRef}`, day, 'static', payment.amountFen);
    }
    const usageRows = [...usage.values()];
    for (let start = 0; start < usageRows.length; start += 500) {
      await tx
        .insert(dailyUsage)
        .values(usageRows.slice(start, start + 500))
        .onConflictDoUpdate({
          target: [dailyUsage.subject, dailyUsage.day, dailyUsage.scope],
          set: {
            amountFen: sql`${dailyUsage.amountFen} + excluded.amount_fen`,
            count: sql`${dailyUsage.count} + excluded.count`,
          },
        });
    }

    await tx
      .insert(systemMeta)
      .values({ key: demoPaymentsVersionKey, value: demoPaymentsVersion, updatedAt: now })
      .onConflictDoUpdate({
        target: systemMeta.key,
        set: { value: demoPaymentsVersion, updatedAt: now },
      });
    return plan.length;
  });
}
