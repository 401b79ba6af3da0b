import { z } from 'zod';
import { pageQuerySchema, pageSchema } from '../../platform/pagination.js';
import { settlementCycles } from './settlement-date.js';
import { settlementRunStatuses } from './tables.js';

const fen = z.number().int();

export const settlementRunSchema = z.object({
  id: z.string(),
  settlementDate: z.string(),
  status: z.enum(settlementRunStatuses),
  merchantCount: z.number().int(),
  paymentsFen: fen,
  refundsFen: fen,
  feesFen: fen,
  netFen: fen,
  payoutCount: z.number().int(),
  payoutFileSha256: z.string().nullable(),
  lastError: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type SettlementRunView = z.infer<typeof settlementRunSchema>;

export const settlementLineSchema = z.object({
  id: z.string(),
  merchantId: z.string(),
  merchantName: z.string().nullable(),
  settlementDate: z.string(),
  cycle: z.enum(settlementCycles),
  windowStart: z.string(),
  windowEnd: z.string(),
  paymentCount: z.number().int(),
  paymentsFen: fen,
  refundCount: z.number().int(),
  refundsFen: fen,
  feesFen: fen,
  commissionFen: fen,
  loanDeductionFen: fen,
  d0PremiumFen: fen,
  netFen: fen,
  status: z.enum(['computed', 'posted', 'paid_out', 'nothing_to_pay']),
  payoutId: z.string().nullable(),
  payoutStatus: z.string().nullable(),
  payoutFailure: z.string().nullable(),
});
export type SettlementLineView = z.infer<typeof settlementLineSchema>;

export const settlementRunPageSchema = pageSchema(settlementRunSchema);
export const settlementLinePageSchema = pageSchema(settlementLineSchema);
export const runDetailSchema = settlementRunSchema.extend({
  lines: z.array(settlementLineSchema),
  linesHasMore: z.boolean(),
});

export const dateParams = z.object({ date: z.iso.date() });
export const startRunSchema = z.object({ date: z.iso.date() });
export const runLinesQuerySchema = pageQuerySchema;
export const settlementTermsSchema = z.object({
  merchantId: z.string(),
  cycle: z.enum(settlementCycles),
  d0PremiumBp: z.number().int(),
  updatedAt: z.string().nullable(),
});
export const setTermsSchema = z.object({
  cycle: z.enum(settlementCycles),
  d0PremiumBp: z.number().int().min(0).max(1000).optional(),
});
export const statementQuerySchema = z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') });
export const commissionQuerySchema = z.object({ from: z.iso.date(), to: z.iso.date() });
export const commissionIncomeSchema = z.object({
  totalFen: fen,
  days: z.array(z.object({ day: z.string(), tradeCount: z.number().int(), commissionFen: fen })),
});
