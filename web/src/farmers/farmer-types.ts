// Wire shapes of the farmer API (server/src/modules/farmers/schemas.ts): the purchaser's portal
// and the console's purchase volume. Money is integer fen, weights integer grams.

export const purchasePayoutStates = ['paid', 'failed', 'pending'] as const;
export type PurchasePayoutState = (typeof purchasePayoutStates)[number];

/** A farmer; name, ID number, card and mobile arrive masked. */
export interface Farmer {
  id: string;
  purchaserMerchantId: string;
  name: string;
  idNumber: string;
  accountNumber: string;
  /** False when the card fails the Luhn soft check: kept, shown for a second look. */
  accountLuhnOk: boolean;
  bankCode: string;
  regionCode: string;
  regionName: string;
  mobile: string | null;
  status: 'active' | 'inactive';
  createdAt: string;
}

export interface RegisterFarmerBody {
  name: string;
  idNumber: string;
  accountNumber: string;
  bankCode: string;
  regionCode: string;
  mobile?: string;
}

export interface RecordPurchaseBody {
  clientPurchaseId: string;
  farmerId: string;
  produce: string;
  weightGrams: number;
  unitPriceFenPerKg: number;
  amountFen: number;
  recordedAt: string;
}

export interface FarmerPurchase {
  id: string;
  clientPurchaseId: string;
  farmerId: string;
  farmerName: string;
  produce: string;
  weightGrams: number;
  unitPriceFenPerKg: number;
  amountFen: number;
  currency: 'CNY';
  recordedAt: string;
  purchaseDay: string;
  createdAt: string;
  payoutStatus: PurchasePayoutState;
  payoutFailureCode: string | null;
  payoutFailureReason: string | null;
  /** The farmer's receipt page; its QR encodes this link. */
  receiptUrl: string;
}

interface PurchaseTotals {
  count: number;
  weightGrams: number;
  amountFen: number;
}

export interface PurchaseSummary {
  from: string;
  to: string;
  total: PurchaseTotals;
  byDay: (PurchaseTotals & { day: string })[];
  byFarmer: (PurchaseTotals & { farmerId: string; farmerName: string })[];
  byProduce: (PurchaseTotals & { produce: string })[];
}

export interface PurchaserBalance {
  merchantId: string;
  balanceFen: number;
  currency: 'CNY';
}

export interface RegionVolume {
  code: string;
  name: string;
  parentCode: string | null;
  count: number;
  amountFen: number;
}

export interface PurchaseVolume {
  from: string;
  to: string;
  total: { count: number; amountFen: number };
  provinces: RegionVolume[];
  cities: RegionVolume[];
  counties: RegionVolume[];
}
