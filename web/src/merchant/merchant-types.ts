// Wire shapes of the merchant API used by the H5 application and the merchant portal
// (server/src/modules/merchants/schemas.ts, markets and portal routes).

export type MerchantKind =
  | 'individual_business'
  | 'company'
  | 'micro'
  | 'market_operator'
  | 'produce_purchaser';

export const merchantKinds: readonly MerchantKind[] = [
  'individual_business',
  'company',
  'micro',
  'market_operator',
  'produce_purchaser',
];

export type MerchantStatus =
  | 'draft'
  | 'submitted'
  | 'in_review'
  | 'needs_changes'
  | 'rejected'
  | 'active'
  | 'suspended'
  | 'closed';

export type DocumentType = 'licence' | 'id_front' | 'id_back' | 'storefront';

export interface AccountChange {
  id: string;
  status: 'pending' | 'applied' | 'cancelled';
  accountName: string;
  /** Masked: first 6 and last 4 digits. */
  accountNumber: string;
  bankCode: string;
  requestedAt: string;
  effectiveAt: string;
}

/** A merchant or an application; personal fields arrive masked. */
export interface Merchant {
  id: string;
  status: MerchantStatus;
  kind: MerchantKind;
  channel: 'h5' | 'staff';
  registeredName: string | null;
  shortName: string | null;
  creditCode: string | null;
  legalRepName: string | null;
  legalRepIdNumber: string | null;
  mobile: string | null;
  regionCode: string | null;
  regionName: string | null;
  address: string | null;
  mcc: string | null;
  settlementAccountName: string | null;
  settlementAccountNumber: string | null;
  settlementBankCode: string | null;
  orgNode: { id: string; code: string; name: string };
  referralCode: string | null;
  referredBy: { id: string; shortName: string | null } | null;
  reviewFlags: string[];
  riskLevel: 'low' | 'medium' | 'high' | null;
  feePlan: string | null;
  statusReason: string | null;
  submittedAt: string | null;
  activatedAt: string | null;
  createdAt: string;
  updatedAt: string;
  pendingAccountChange: AccountChange | null;
}

export interface MerchantDocument {
  id: string;
  type: DocumentType;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  uploadedAt: string;
}

export interface LabelledCode {
  code: string;
  zh: string;
  en: string;
}

export interface ApplicationOptions {
  kinds: LabelledCode[];
  mccs: LabelledCode[];
  banks: LabelledCode[];
  documentTypes: DocumentType[];
  requiredDocuments: Partial<Record<MerchantKind, DocumentType[]>>;
  feePlans: string[];
  riskLevels: string[];
}

export type MerchantRole = 'merchant_owner' | 'merchant_manager' | 'merchant_cashier';

export interface PortalMerchant extends Merchant {
  me: { userId: string; displayName: string; role: MerchantRole | null; storeId: string | null };
}

export interface Store {
  id: string;
  merchantId: string;
  name: string;
  regionCode: string;
  regionName: string;
  address: string;
  hours: string;
  status: 'open' | 'closed';
  createdAt: string;
  updatedAt: string;
}

export interface PortalUser {
  id: string;
  displayName: string;
  /** Masked. */
  mobile: string | null;
  role: MerchantRole | null;
  store: { id: string; name: string } | null;
  disabled: boolean;
  lastLoginAt: string | null;
  passwordSet: boolean;
  mustChangePassword: boolean;
  mfaEnabled: boolean;
  createdAt: string;
}

export interface MerchantNotification {
  id: string;
  kind: string;
  params: Record<string, string>;
  createdAt: string;
  readAt: string | null;
}

export type MarketKind = 'wholesale' | 'campus' | 'park';
export type MembershipStatus = 'requested' | 'accepted' | 'declined' | 'left';

export interface PortalMarketRef {
  id: string;
  name: string;
  kind: MarketKind;
  commissionBp: number;
  status: 'open' | 'closed';
  operatorShortName: string | null;
}

/** The caller's own place in a market. */
export interface PortalMembership {
  membershipId: string;
  market: PortalMarketRef;
  status: MembershipStatus;
  requestedAt: string;
  decidedAt: string | null;
}

/** A market the caller's merchant runs. */
export interface OperatedMarket {
  id: string;
  name: string;
  kind: MarketKind;
  commissionBp: number;
  status: 'open' | 'closed';
  memberCount: number;
  pendingRequests: number;
  buyerCount: number;
}

export interface PortalMarkets {
  memberships: PortalMembership[];
  operated: OperatedMarket[];
}

export interface AvailableMarket extends PortalMarketRef {
  memberCount: number;
  /** An earlier request that was declined, or a membership the merchant left. */
  membershipStatus: 'declined' | 'left' | null;
}

/** A membership as the market's operator sees it. */
export interface MarketMember {
  membershipId: string;
  merchant: { id: string; shortName: string | null; status: MerchantStatus };
  status: MembershipStatus;
  requestedAt: string;
  decidedAt: string | null;
}

export interface BuyerMember {
  id: string;
  marketId: string;
  /** Masked. */
  name: string;
  /** Masked. */
  idNumber: string;
  /** Masked. */
  accountNumber: string;
  accountLuhnOk: boolean;
  bankCode: string;
  createdAt: string;
}

export interface Page<T> {
  data: T[];
  hasMore: boolean;
}
