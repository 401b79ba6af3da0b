// Wire shapes of the payments API that the console and the merchant portal both receive
// (server/src/modules/payments/schemas.ts). Money is integer fen, always CNY.

export const channels = ['wechat', 'alipay', 'unionpay', 'bankapp', 'card'] as const;
export type Channel = (typeof channels)[number];

export const paymentMethods = ['store_code', 'order_code', 'payment_code', 'card'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];

export const paymentStatuses = ['pending', 'succeeded', 'failed', 'expired', 'cancelled'] as const;
export type PaymentStatus = (typeof paymentStatuses)[number];

export const refundStatuses = ['pending', 'succeeded', 'failed'] as const;
export type RefundStatus = (typeof refundStatuses)[number];

export type CardType = 'debit' | 'credit';

export interface Payment {
  id: string;
  merchantId: string;
  merchantName: string | null;
  storeId: string;
  storeName: string | null;
  method: PaymentMethod;
  /** Null until the payer picked a wallet (an order code not paid yet). */
  channel: Channel | null;
  status: PaymentStatus;
  amountFen: number;
  currency: 'CNY';
  feeFen: number;
  commissionFen: number;
  /** What the merchant gets: amount − fee − commission. */
  netFen: number;
  refundedFen: number;
  refundingFen: number;
  refundableFen: number;
  marketId: string | null;
  codeKind: 'static' | 'dynamic' | 'none';
  orderReference: string | null;
  description: string | null;
  channelTransactionId: string | null;
  /** BIN and last four only, e.g. 622848******1234. */
  card: { masked: string; cardType: CardType | null } | null;
  terminalId: string | null;
  failureCode: string | null;
  failureMessage: string | null;
  expiresAt: string | null;
  succeededAt: string | null;
  createdAt: string;
  updatedAt: string;
  orderCode: { url: string; emvco: string } | null;
}

export interface Refund {
  id: string;
  paymentId: string;
  merchantId: string;
  channel: Channel;
  status: RefundStatus;
  amountFen: number;
  currency: 'CNY';
  feeReturnedFen: number;
  reason: string | null;
  failureCode: string | null;
  failureMessage: string | null;
  createdAt: string;
  closedAt: string | null;
}

export interface CreateRefundBody {
  amountFen: number;
  reason?: string;
}

export interface JournalEntry {
  accountCode: string;
  accountKind: string;
  /** Signed: debit positive, credit negative. */
  amountFen: number;
  side: 'debit' | 'credit';
}

export interface Journal {
  id: string;
  kind: string;
  sourceType: string;
  sourceId: string;
  description: string;
  postedAt: string;
  entries: JournalEntry[];
}

/** One bar of today's totals: a channel or a branch. */
export interface TotalsRow {
  key: string;
  label: string;
  count: number;
  amountFen: number;
}

/** Today's succeeded payments (Asia/Shanghai); `byBranch` is empty for merchant users. */
export interface TodayTotals {
  day: string;
  count: number;
  amountFen: number;
  refundedFen: number;
  byChannel: TotalsRow[];
  byBranch: TotalsRow[];
}

export interface StoreCode {
  storeId: string;
  storeName: string;
  code: string;
  /** Absolute: what the QR encodes. */
  url: string;
  emvco: string;
  pngUrl: string;
  svgUrl: string;
  posterUrl: string;
}

/** GET /payments filters; instants are ISO strings. */
export interface PaymentFilters {
  status?: PaymentStatus;
  channel?: Channel;
  method?: PaymentMethod;
  merchantId?: string;
  storeId?: string;
  q?: string;
  createdFrom?: string;
  createdTo?: string;
}
