import { z } from 'zod';
import { pageQuerySchema, pageSchema } from '../../platform/pagination.js';
import { merchantStatuses } from '../merchants/tables.js';
import { marketKinds, membershipStatuses } from './tables.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const marketStatuses = ['open', 'closed'] as const;
const commissionBp = z
  .number()
  .int()
  .min(0)
  .describe('Basis points of each trade; at most the bank’s cap (MARKET_COMMISSION_CAP_BP)');

export const marketIdParams = z.object({ id: z.string() });
export const portalMarketParams = z.object({ marketId: z.string() });
export const portalMembershipParams = z.object({
  marketId: z.string(),
  membershipId: z.string(),
});

const merchantRefSchema = z.object({ id: z.string(), shortName: z.string().nullable() });

/** A market as the console lists it. */
export const marketSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(marketKinds),
  commissionBp: z.number().int(),
  status: z.enum(marketStatuses),
  operator: merchantRefSchema,
  memberCount: z.number().int().describe('Accepted members'),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type MarketView = z.infer<typeof marketSchema>;

export const memberSchema = z.object({
  membershipId: z.string(),
  merchant: merchantRefSchema.extend({ status: z.enum(merchantStatuses) }),
  status: z.enum(membershipStatuses),
  requestedAt: z.iso.datetime(),
  decidedAt: z.iso.datetime().nullable(),
});
export type MemberView = z.infer<typeof memberSchema>;

export const marketDetailSchema = marketSchema.extend({
  pendingRequests: z.number().int(),
  buyerCount: z.number().int(),
  members: z
    .array(memberSchema)
    .describe('Every membership, requests included, newest first; at most 500'),
});

export const marketListQuerySchema = pageQuerySchema.extend({
  status: z.enum(marketStatuses).optional(),
  kind: z.enum(marketKinds).optional(),
  operatorMerchantId: z.string().optional(),
});

export const marketPageSchema = pageSchema(marketSchema);

export const createMarketSchema = z.strictObject({
  operatorMerchantId: z.string().min(1),
  name: text(50),
  kind: z.enum(marketKinds),
  commissionBp,
});

export const updateMarketSchema = z
  .strictObject({
    name: text(50).optional(),
    commissionBp: commissionBp.optional(),
    status: z.enum(marketStatuses).optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    message: 'Give at least one of name, commissionBp, status',
  });

/** The markets of one merchant, for the console's merchant detail. */
export const merchantMarketsSchema = z.object({
  memberships: z.array(
    z.object({
      membershipId: z.string(),
      market: z.object({
        id: z.string(),
        name: z.string(),
        kind: z.enum(marketKinds),
        commissionBp: z.number().int(),
        status: z.enum(marketStatuses),
        operator: merchantRefSchema,
      }),
      status: z.enum(membershipStatuses),
      requestedAt: z.iso.datetime(),
      decidedAt: z.iso.datetime().nullable(),
    }),
  ),
  operated: z.array(marketSchema),
});

/** A buyer member: name, ID number and account masked (DOMAIN.md §9). */
export const buyerSchema = z.object({
  id: z.string(),
  marketId: z.string(),
  name: z.string().describe('Masked: surname and *'),
  idNumber: z.string().describe('Masked: first 3 and last 4'),
  accountNumber: z.string().describe('Masked: first 6 and last 4 digits'),
  accountLuhnOk: z
    .boolean()
    .describe('False when the number fails the Luhn soft check; kept, shown for a second look'),
  bankCode: z.string(),
  createdAt: z.iso.datetime(),
});
export type BuyerView = z.infer<typeof buyerSchema>;

export const buyerPageSchema = pageSchema(buyerSchema);

/**
 * Only lengths here: what the checks find wrong in the content (a blank name, a bad ID check
 * character, an unknown bank) is reported for every field at once by buyer-checks.ts.
 */
export const registerBuyerSchema = z.strictObject({
  name: z.string().max(50),
  idNumber: z.string().max(30),
  accountNumber: z.string().max(30),
  bankCode: z.string().max(10),
});
export type RegisterBuyerInput = z.infer<typeof registerBuyerSchema>;

// The merchant portal.

const portalMarketRefSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(marketKinds),
  commissionBp: z.number().int(),
  status: z.enum(marketStatuses),
  operatorShortName: z.string().nullable(),
});

export const portalMembershipSchema = z.object({
  membershipId: z.string(),
  market: portalMarketRefSchema,
  status: z.enum(membershipStatuses),
  requestedAt: z.iso.datetime(),
  decidedAt: z.iso.datetime().nullable(),
});

export const portalOperatedMarketSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(marketKinds),
  commissionBp: z.number().int(),
  status: z.enum(marketStatuses),
  memberCount: z.number().int(),
  pendingRequests: z.number().int(),
  buyerCount: z.number().int(),
});

export const portalMarketsSchema = z.object({
  memberships: z.array(portalMembershipSchema),
  operated: z.array(portalOperatedMarketSchema),
});

export const availableMarketSchema = portalMarketRefSchema.extend({
  memberCount: z.number().int(),
  membershipStatus: z
    .enum(['declined', 'left'])
    .nullable()
    .describe('An earlier request that was declined, or a membership the merchant left'),
});

export const availableMarketPageSchema = pageSchema(availableMarketSchema);

export const portalMarketDetailSchema = portalMarketRefSchema.extend({
  role: z.enum(['operator', 'member']),
  memberCount: z.number().int(),
  membership: z
    .object({ id: z.string(), status: z.enum(membershipStatuses) })
    .nullable()
    .describe('The caller’s own membership; null for the operator'),
});

export const memberListQuerySchema = pageQuerySchema.extend({
  status: z.enum(membershipStatuses).optional(),
});

export const memberPageSchema = pageSchema(memberSchema);
