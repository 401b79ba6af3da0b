import { z } from 'zod';
import { pageQuerySchema, pageSchema } from '../../platform/pagination.js';

export const auditEventSchema = z.object({
  id: z.string(),
  seq: z.number().int(),
  occurredAt: z.string(),
  actor: z
    .object({
      id: z.string().nullable(),
      username: z.string().nullable(),
      roles: z.array(z.string()),
      orgNodeId: z.string().nullable(),
    })
    .nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
});

export const auditSearchQuerySchema = pageQuerySchema.extend({
  actor: z.string().max(64).optional(),
  action: z.string().max(100).optional(),
  targetType: z.string().max(64).optional(),
  targetId: z.string().max(64).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

export const auditPageSchema = pageSchema(auditEventSchema);

export const chainVerificationSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBrokenId: z.string().optional(),
});
