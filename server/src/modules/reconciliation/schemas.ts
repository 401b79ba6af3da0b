import { z } from 'zod';
import { amountFenSchema } from '../../platform/money.js';
import { pageQuerySchema, pageSchema } from '../../platform/pagination.js';
import {
  breakKinds,
  breakStatuses,
  importStatuses,
  resolutionActions,
  statementChannels,
} from './tables.js';

const statementDateSchema = z.iso.date('对账日期格式应为 YYYY-MM-DD');
const signedFenSchema = z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);

export const importQuerySchema = z.strictObject({
  channel: z.enum(statementChannels),
  date: statementDateSchema,
});

export const fetchBodySchema = importQuerySchema;

export const importListQuerySchema = pageQuerySchema.extend({
  channel: z.enum(statementChannels).optional(),
  date: statementDateSchema.optional(),
});

export const breakListQuerySchema = pageQuerySchema.extend({
  importId: z.string().min(1).max(64).optional(),
  kind: z.enum(breakKinds).optional(),
  status: z.enum(breakStatuses).optional(),
});

const reasonSchema = z.string().trim().min(1, '请填写原因').max(500);

export const resolveBodySchema = z.strictObject({
  action: z.enum(resolutionActions),
  reason: reasonSchema,
});

export const rejectBodySchema = z.strictObject({ reason: reasonSchema });

export const idParamsSchema = z.object({ id: z.string().min(1).max(64) });

export const statementImportSchema = z.object({
  id: z.string(),
  channel: z.enum(statementChannels),
  statementDate: z.string(),
  status: z.enum(importStatuses),
  source: z.enum(['upload', 'download']),
  fileSha256: z.string(),
  fileBytes: z.number().int(),
  lineCount: z.number().int(),
  theirs: z.object({
    paymentTotalFen: amountFenSchema,
    refundTotalFen: amountFenSchema,
    channelFeeTotalFen: amountFenSchema,
  }),
  ours: z.object({
    paymentCount: z.number().int(),
    paymentTotalFen: amountFenSchema,
    refundCount: z.number().int(),
    refundTotalFen: amountFenSchema,
  }),
  matched: z.object({
    paymentCount: z.number().int(),
    paymentTotalFen: amountFenSchema,
    refundCount: z.number().int(),
    refundTotalFen: amountFenSchema,
  }),
  /** Matched payments − matched refunds: what the channel settlement posted for the day. */
  settledNetFen: signedFenSchema,
  settlementJournalId: z.string().nullable(),
  breakCount: z.number().int(),
  currency: z.literal('CNY'),
  importedByUserId: z.string().nullable(),
  supersededById: z.string().nullable(),
  createdAt: z.iso.datetime(),
  finishedAt: z.iso.datetime(),
});

export const statementImportDetailSchema = statementImportSchema.extend({
  /** Breaks of the import by kind, and by status: every kind and status appears, zero or not. */
  breaksByKind: z.record(z.enum(breakKinds), z.number().int()),
  breaksByStatus: z.record(z.enum(breakStatuses), z.number().int()),
});

export const importPageSchema = pageSchema(statementImportSchema);

export const reconBreakSchema = z.object({
  id: z.string(),
  importId: z.string(),
  channel: z.enum(statementChannels),
  statementDate: z.string(),
  kind: z.enum(breakKinds),
  subject: z.enum(['payment', 'refund']),
  paymentId: z.string().nullable(),
  refundId: z.string().nullable(),
  theirs: z
    .object({
      lineNumber: z.number().int(),
      channelTransactionId: z.string().nullable(),
      channelRefundId: z.string().nullable(),
      amountFen: amountFenSchema,
      status: z.string(),
    })
    .nullable(),
  ours: z
    .object({
      amountFen: amountFenSchema,
      status: z.string(),
      bookedAt: z.iso.datetime().nullable(),
    })
    .nullable(),
  status: z.enum(breakStatuses),
  resolutionAction: z.enum(resolutionActions).nullable(),
  /** The maker's reason; after a rejection, the checker's reason for sending it back. */
  resolutionReason: z.string().nullable(),
  proposedByUserId: z.string().nullable(),
  proposedAt: z.iso.datetime().nullable(),
  approvedByUserId: z.string().nullable(),
  approvedAt: z.iso.datetime().nullable(),
  adjustingJournalId: z.string().nullable(),
  currency: z.literal('CNY'),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export const breakPageSchema = pageSchema(reconBreakSchema);
