import { z } from 'zod';
import { feePlans } from './fee-plans.js';
import { documentTypes, merchantKinds, merchantStatuses, riskLevels } from './tables.js';

const text = (max: number) => z.string().trim().min(1).max(max);

/**
 * The application's fields. Every one is optional while drafting; submit-application.ts says
 * which each kind must have and checks them all at once, so the applicant sees every problem
 * in one reply.
 */
export const applicationFieldsSchema = z.strictObject({
  kind: z.enum(merchantKinds).optional(),
  registeredName: text(100).optional(),
  shortName: text(20).optional(),
  creditCode: text(18).optional(),
  legalRepName: text(50).optional(),
  legalRepIdNumber: text(18).optional(),
  mobile: text(20).optional(),
  regionCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  address: text(200).optional(),
  mcc: z
    .string()
    .regex(/^\d{4}$/)
    .optional(),
  settlementAccountName: text(100).optional(),
  settlementAccountNumber: text(23).optional(),
  settlementBankCode: z
    .string()
    .regex(/^\d{3}$/)
    .optional(),
  referralCode: text(12).optional(),
});
export type ApplicationFields = z.infer<typeof applicationFieldsSchema>;

/** Staff filing or editing an application may also choose the branch. */
export const staffApplicationFieldsSchema = applicationFieldsSchema.extend({
  orgNodeId: z.string().optional(),
});

const orgNodeRefSchema = z.object({ id: z.string(), code: z.string(), name: z.string() });

export const documentSchema = z.object({
  id: z.string(),
  type: z.enum(documentTypes),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  uploadedAt: z.iso.datetime(),
});

export const accountChangeSchema = z.object({
  id: z.string(),
  status: z.enum(['pending', 'applied', 'cancelled']),
  accountName: z.string(),
  accountNumber: z.string().describe('Masked: first 6 and last 4 digits'),
  bankCode: z.string(),
  requestedAt: z.iso.datetime(),
  effectiveAt: z.iso.datetime(),
});

/** A merchant or application as every reply shows it: personal data masked (DOMAIN.md §9). */
export const merchantSchema = z.object({
  id: z.string(),
  status: z.enum(merchantStatuses),
  kind: z.enum(merchantKinds),
  channel: z.enum(['h5', 'staff']),
  registeredName: z.string().nullable(),
  shortName: z.string().nullable(),
  creditCode: z.string().nullable(),
  legalRepName: z.string().nullable(),
  legalRepIdNumber: z.string().nullable(),
  mobile: z.string().nullable(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  address: z.string().nullable(),
  mcc: z.string().nullable(),
  settlementAccountName: z.string().nullable(),
  settlementAccountNumber: z.string().nullable(),
  settlementBankCode: z.string().nullable(),
  orgNode: orgNodeRefSchema,
  referralCode: z.string().nullable(),
  referredBy: z.object({ id: z.string(), shortName: z.string().nullable() }).nullable(),
  reviewFlags: z.array(z.string()),
  riskLevel: z.enum(riskLevels).nullable(),
  feePlan: z.string().nullable(),
  reviewerUserId: z.string().nullable(),
  recommendedAt: z.iso.datetime().nullable(),
  approverUserId: z.string().nullable(),
  statusReason: z.string().nullable(),
  submittedAt: z.iso.datetime().nullable(),
  activatedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  pendingAccountChange: accountChangeSchema.nullable(),
});
export type MerchantView = z.infer<typeof merchantSchema>;

export const merchantIdParams = z.object({ id: z.string() });

export const reviewDecisionSchema = z.discriminatedUnion('outcome', [
  z.strictObject({
    outcome: z.literal('recommend_approval'),
    riskLevel: z.enum(riskLevels),
    feePlan: z.enum(feePlans),
  }),
  z.strictObject({ outcome: z.literal('reject'), reason: text(500) }),
  z.strictObject({ outcome: z.literal('needs_changes'), reason: text(500) }),
]);

export const reasonSchema = z.strictObject({ reason: text(500) });
