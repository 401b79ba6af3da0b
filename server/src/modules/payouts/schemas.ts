import { z } from 'zod';
import { pageQuerySchema, pageSchema } from '../../platform/pagination.js';
import { payoutPurposes, payoutStatuses } from './tables.js';

export const payoutSchema = z.object({
  id: z.string(),
  purpose: z.enum(payoutPurposes),
  merchantId: z.string(),
  merchantName: z.string().nullable(),
  amountFen: z.number().int(),
  status: z.enum(payoutStatuses),
  attempt: z.number().int(),
  payeeName: z.string().describe('Masked: surname or first character, then *'),
  payeeAccount: z.string().describe('Masked: first 6 and last 4 digits'),
  payeeBankCode: z.string(),
  settlementDate: z.string().nullable(),
  gatewayReference: z.string().nullable(),
  failureCode: z.string().nullable(),
  failureMessage: z.string().nullable(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
});
export type PayoutView = z.infer<typeof payoutSchema>;

export const payoutPageSchema = pageSchema(payoutSchema);

export const payoutListQuerySchema = pageQuerySchema.extend({
  status: z.enum(payoutStatuses).optional(),
  purpose: z.enum(payoutPurposes).optional(),
  settlementDate: z.iso.date().optional(),
  merchantId: z.string().max(64).optional(),
});
export type PayoutListQuery = z.infer<typeof payoutListQuerySchema>;

export const payoutParams = z.object({ id: z.string().min(1).max(64) });
