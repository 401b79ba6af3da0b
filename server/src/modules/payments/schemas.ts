import { z } from 'zod';
import { amountFenSchema } from '../../platform/money.js';
import { pageQuerySchema, pageSchema } from '../../platform/pagination.js';
import { cardTypes, channels, paymentMethods, paymentStatuses, refundStatuses } from './tables.js';

/** A payment amount: at least one fen, at most the safe-integer bound every amount has. */
const positiveFenSchema = amountFenSchema.min(1, '金额至少 1 分');

const orderReferenceSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.:-]+$/, '订单号只能包含字母、数字和 _ . : -');

const descriptionSchema = z.string().trim().min(1).max(128);

export const orderCodePaymentBodySchema = z.strictObject({
  method: z.literal('order_code'),
  storeId: z.string(),
  amountFen: positiveFenSchema,
  orderReference: orderReferenceSchema,
  description: descriptionSchema.optional(),
  /** How long the code can be paid; default 120 minutes (DOMAIN.md §3). */
  expiresInMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(120),
});

export const paymentCodePaymentBodySchema = z.strictObject({
  method: z.literal('payment_code'),
  storeId: z.string(),
  amountFen: positiveFenSchema,
  /** The digits of the customer's payment code (付款码) the cashier scanned. */
  authCode: z.string().regex(/^\d{16,24}$/, '付款码应为 16–24 位数字'),
  orderReference: orderReferenceSchema.optional(),
  description: descriptionSchema.optional(),
});

/** What a terminal sends of a card: never the full number (DOMAIN.md §3). */
export const cardDetailsSchema = z.strictObject({
  bin: z.string().regex(/^\d{6,8}$/, 'BIN 为卡号前 6–8 位'),
  last4: z.string().regex(/^\d{4}$/, '卡号后 4 位'),
  hostToken: z.string().min(8).max(128),
  cardType: z.enum(cardTypes),
});

export const cardPaymentBodySchema = z.strictObject({
  method: z.literal('card'),
  storeId: z.string(),
  terminalId: z.string().trim().min(1).max(32),
  amountFen: positiveFenSchema,
  card: cardDetailsSchema,
  orderReference: orderReferenceSchema.optional(),
  description: descriptionSchema.optional(),
});

/** POST /api/v1/payments: one resource, the method says how the money is collected. */
export const createPaymentBodySchema = z.discriminatedUnion('method', [
  orderCodePaymentBodySchema,
  paymentCodePaymentBodySchema,
  cardPaymentBodySchema,
]);
export type CreatePaymentBody = z.infer<typeof createPaymentBodySchema>;

export const moneyFields = {
  amountFen: z.number().int(),
  currency: z.literal('CNY'),
};

export const paymentSchema = z.object({
  id: z.string(),
  merchantId: z.string(),
  merchantName: z.string().nullable(),
  storeId: z.string(),
  storeName: z.string().nullable(),
  method: z.enum(paymentMethods),
  channel: z.enum(channels).nullable(),
  status: z.enum(paymentStatuses),
  ...moneyFields,
  feeFen: z.number().int(),
  commissionFen: z.number().int(),
  /** What the merchant gets: amount − fee − commission. */
  netFen: z.number().int(),
  refundedFen: z.number().int(),
  refundingFen: z.number().int(),
  refundableFen: z.number().int(),
  marketId: z.string().nullable(),
  codeKind: z.enum(['static', 'dynamic', 'none']),
  orderReference: z.string().nullable(),
  description: z.string().nullable(),
  channelTransactionId: z.string().nullable(),
  card: z
    .object({ masked: z.string(), cardType: z.enum(cardTypes).nullable() })
    .nullable()
    .describe('BIN and last four only, e.g. 622848******1234'),
  terminalId: z.string().nullable(),
  failureCode: z.string().nullable(),
  failureMessage: z.string().nullable(),
  expiresAt: z.iso.datetime().nullable(),
  succeededAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** Order codes: the URL to encode in the QR and the EMVCo dynamic payload. */
  orderCode: z.object({ url: z.string(), emvco: z.string() }).nullable(),
});
export type PaymentView = z.infer<typeof paymentSchema>;
export const paymentPageSchema = pageSchema(paymentSchema);

export const refundSchema = z.object({
  id: z.string(),
  paymentId: z.string(),
  merchantId: z.string(),
  channel: z.enum(channels),
  status: z.enum(refundStatuses),
  ...moneyFields,
  feeReturnedFen: z.number().int(),
  reason: z.string().nullable(),
  failureCode: z.string().nullable(),
  failureMessage: z.string().nullable(),
  createdAt: z.iso.datetime(),
  closedAt: z.iso.datetime().nullable(),
});
export type RefundView = z.infer<typeof refundSchema>;
export const refundListSchema = z.object({ data: z.array(refundSchema) });

export const createRefundBodySchema = z.strictObject({
  amountFen: positiveFenSchema,
  reason: z.string().trim().min(1).max(80).optional(),
});

export const paymentListQuerySchema = pageQuerySchema.extend({
  status: z.enum(paymentStatuses).optional(),
  channel: z.enum(channels).optional(),
  method: z.enum(paymentMethods).optional(),
  merchantId: z.string().optional(),
  storeId: z.string().optional(),
  /** Payment id, channel transaction id or the merchant's order reference. */
  q: z.string().trim().min(1).max(64).optional(),
  createdFrom: z.iso.datetime().optional(),
  createdTo: z.iso.datetime().optional(),
  /** Portal polling: only payments changed after this instant (for the live list). */
  updatedAfter: z.iso.datetime().optional(),
});
export type PaymentListQuery = z.infer<typeof paymentListQuerySchema>;

export const journalEntrySchema = z.object({
  accountCode: z.string(),
  accountKind: z.string(),
  /** Signed: debit positive, credit negative. */
  amountFen: z.number().int(),
  side: z.enum(['debit', 'credit']),
});
export const journalSchema = z.object({
  id: z.string(),
  kind: z.string(),
  sourceType: z.string(),
  sourceId: z.string(),
  description: z.string(),
  postedAt: z.iso.datetime(),
  entries: z.array(journalEntrySchema),
});
export const journalListSchema = z.object({ data: z.array(journalSchema) });

/** Today's totals (Asia/Shanghai): succeeded payments, by channel and, for staff, by branch. */
export const totalsRowSchema = z.object({
  key: z.string(),
  label: z.string(),
  count: z.number().int(),
  amountFen: z.number().int(),
});
export const todayTotalsSchema = z.object({
  day: z.string(),
  count: z.number().int(),
  amountFen: z.number().int(),
  refundedFen: z.number().int(),
  byChannel: z.array(totalsRowSchema),
  byBranch: z.array(totalsRowSchema),
});

/** What the public cashier page (/q/<code>) shows before the payer pays. */
export const cashierStoreSchema = z.object({
  code: z.string(),
  storeName: z.string(),
  merchantName: z.string(),
  channels: z.array(z.enum(channels)),
});
export const cashierOrderSchema = z.object({
  paymentId: z.string(),
  storeName: z.string(),
  merchantName: z.string(),
  amountFen: z.number().int(),
  description: z.string().nullable(),
  status: z.enum(paymentStatuses),
  expiresAt: z.iso.datetime().nullable(),
  channels: z.array(z.enum(channels)),
});
/** The payer's view of their payment: enough for the result page, nothing of the merchant's. */
export const cashierPaymentSchema = z.object({
  paymentId: z.string(),
  status: z.enum(paymentStatuses),
  amountFen: z.number().int(),
  channel: z.enum(channels).nullable(),
  storeName: z.string(),
  merchantName: z.string(),
  succeededAt: z.iso.datetime().nullable(),
  failureMessage: z.string().nullable(),
  /** Where the simulated wallet confirms the payment (plain-browser cashier only). */
  wallet: z.object({ prepayId: z.string(), confirmUrl: z.string() }).nullable(),
});
export const cashierPayBodySchema = z.strictObject({
  amountFen: positiveFenSchema.optional(),
  channel: z.enum(channels),
  payerRef: z.string().min(1).max(64),
});

export const storeCodeSchema = z.object({
  storeId: z.string(),
  storeName: z.string(),
  code: z.string(),
  url: z.string(),
  emvco: z.string(),
  pngUrl: z.string(),
  svgUrl: z.string(),
  posterUrl: z.string(),
});
export type StoreCodeView = z.infer<typeof storeCodeSchema>;
export const storeCodeListSchema = z.object({ data: z.array(storeCodeSchema) });
