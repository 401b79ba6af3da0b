import { z } from 'zod';
import { amountFenSchema } from '../../platform/money.js';
import { pageQuerySchema, pageSchema } from '../../platform/pagination.js';
import { farmerStatuses } from './tables.js';

const day = z.iso.date().describe('A business day in Asia/Shanghai, YYYY-MM-DD');
/**
 * Bounds a field purchase stays far inside (100 t at 100,000 CNY a kilogram), so the amount
 * computed from them is always a safe integer of fen.
 */
const maxWeightGrams = 100_000_000;
const maxUnitPriceFenPerKg = 10_000_000;

/** A farmer as every reply shows it: name, ID number, card and mobile masked (DOMAIN.md §9). */
export const farmerSchema = z.object({
  id: z.string(),
  purchaserMerchantId: z.string(),
  name: z.string().describe('Masked: surname and *'),
  idNumber: z.string().describe('Masked: first 3 and last 4'),
  accountNumber: z.string().describe('Masked: first 6 and last 4 digits'),
  accountLuhnOk: z
    .boolean()
    .describe('False when the card fails the Luhn soft check; kept, shown for a second look'),
  bankCode: z.string(),
  regionCode: z.string(),
  regionName: z.string().describe('The village’s county, with its city and province'),
  mobile: z.string().nullable().describe('Masked: 3 + **** + 4'),
  status: z.enum(farmerStatuses),
  createdAt: z.iso.datetime(),
});
export type FarmerView = z.infer<typeof farmerSchema>;

export const farmerPageSchema = pageSchema(farmerSchema);

/**
 * Only lengths here: what the checks find wrong in the content (a bad ID check character, an
 * unknown region) is reported for every field at once by farmer-checks.ts.
 */
export const registerFarmerSchema = z.strictObject({
  name: z.string().max(50),
  idNumber: z.string().max(30),
  accountNumber: z.string().max(30),
  bankCode: z.string().max(10),
  regionCode: z.string().max(12),
  mobile: z.string().max(20).optional(),
});
export type RegisterFarmerInput = z.infer<typeof registerFarmerSchema>;

export const recordPurchaseSchema = z.strictObject({
  clientPurchaseId: z.uuid().describe('Made by the purchaser’s app when it records the purchase'),
  farmerId: z.string().min(1).max(64),
  produce: z.string().trim().min(1).max(30).describe('What was bought, e.g. 苹果'),
  weightGrams: z.number().int().min(1).max(maxWeightGrams),
  unitPriceFenPerKg: z.number().int().min(1).max(maxUnitPriceFenPerKg),
  amountFen: amountFenSchema.describe(
    'weightGrams × unitPriceFenPerKg / 1000, rounded half up to the fen',
  ),
  recordedAt: z.iso.datetime({ offset: true }).describe('The device’s time of the purchase'),
});
export type RecordPurchaseInput = z.infer<typeof recordPurchaseSchema>;

export const payoutStates = ['paid', 'failed', 'pending'] as const;
export type PayoutState = (typeof payoutStates)[number];

export const purchaseSchema = z.object({
  id: z.string(),
  clientPurchaseId: z.string(),
  farmerId: z.string(),
  farmerName: z.string().describe('Masked: surname and *'),
  produce: z.string(),
  weightGrams: z.number().int(),
  unitPriceFenPerKg: z.number().int(),
  amountFen: z.number().int(),
  currency: z.literal('CNY'),
  recordedAt: z.iso.datetime(),
  purchaseDay: day,
  createdAt: z.iso.datetime(),
  payoutStatus: z.enum(payoutStates),
  payoutFailureCode: z.string().nullable(),
  payoutFailureReason: z.string().nullable(),
  receiptUrl: z.string().describe('The farmer’s receipt page; its QR encodes this link'),
});
export type PurchaseView = z.infer<typeof purchaseSchema>;

export const purchasePageSchema = pageSchema(purchaseSchema);

export const purchaseListQuerySchema = pageQuerySchema.extend({
  day: day.optional(),
  farmerId: z.string().max(64).optional(),
  produce: z.string().trim().min(1).max(30).optional(),
});
export type PurchaseListQuery = z.infer<typeof purchaseListQuerySchema>;

/** A window of business days, both ends included, at most a year long. */
export const dayRangeQuerySchema = z
  .object({ from: day, to: day })
  .refine((range) => range.from <= range.to, { message: 'from must not be after to' })
  .refine(
    (range) => Date.parse(range.to) - Date.parse(range.from) <= 366 * 86_400_000,
    'At most 366 days',
  );
export type DayRange = z.infer<typeof dayRangeQuerySchema>;

const totalsSchema = z.object({
  count: z.number().int(),
  weightGrams: z.number().int(),
  amountFen: z.number().int(),
});

export const purchaseSummarySchema = z.object({
  from: day,
  to: day,
  total: totalsSchema,
  byDay: z.array(totalsSchema.extend({ day })),
  byFarmer: z
    .array(
      totalsSchema.extend({
        farmerId: z.string(),
        farmerName: z.string().describe('Masked: surname and *'),
      }),
    )
    .describe('Largest amount first; at most 500 farmers'),
  byProduce: z.array(totalsSchema.extend({ produce: z.string() })).describe('Largest amount first'),
});
export type PurchaseSummary = z.infer<typeof purchaseSummarySchema>;

export const balanceSchema = z.object({
  merchantId: z.string(),
  balanceFen: z.number().int(),
  currency: z.literal('CNY'),
});

export const depositParams = z.object({ merchantId: z.string() });

export const depositSchema = z.strictObject({
  amountFen: amountFenSchema.min(1),
  reference: z.string().trim().min(1).max(64).describe('The bank’s voucher number'),
});
export type DepositInput = z.infer<typeof depositSchema>;

export const depositReplySchema = z.object({
  id: z.string(),
  merchantId: z.string(),
  amountFen: z.number().int(),
  currency: z.literal('CNY'),
  reference: z.string(),
  balanceFen: z.number().int().describe('The purchaser’s funds after this deposit'),
  createdAt: z.iso.datetime(),
});
export type DepositView = z.infer<typeof depositReplySchema>;

const regionVolumeSchema = z.object({
  code: z.string(),
  name: z.string(),
  parentCode: z.string().nullable(),
  count: z.number().int(),
  amountFen: z.number().int(),
});
export type RegionVolume = z.infer<typeof regionVolumeSchema>;

export const purchaseVolumeSchema = z.object({
  from: day,
  to: day,
  total: z.object({ count: z.number().int(), amountFen: z.number().int() }),
  provinces: z.array(regionVolumeSchema),
  cities: z.array(regionVolumeSchema),
  counties: z.array(regionVolumeSchema),
});
export type PurchaseVolume = z.infer<typeof purchaseVolumeSchema>;

export const receiptParams = z.object({ token: z.string().max(128) });
