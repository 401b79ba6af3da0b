// Wire shapes of the merchant, market and referral endpoints (notes/issue3-api.md and
// server/src/modules/merchants/schemas.ts). Personal fields arrive masked.

import type { OrgNodeRef } from '../../app/api/types';

export const merchantStatuses = [
  'draft',
  'submitted',
  'in_review',
  'needs_changes',
  'rejected',
  'active',
  'suspended',
  'closed',
] as const;
export type MerchantStatus = (typeof merchantStatuses)[number];

export const merchantKinds = [
  'individual_business',
  'company',
  'micro',
  'market_operator',
  'produce_purchaser',
] as const;
export type MerchantKind = (typeof merchantKinds)[number];

export const riskLevels = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof riskLevels)[number];

export const documentTypes = ['licence', 'id_front', 'id_back', 'storefront'] as const;
export type DocumentType = (typeof documentTypes)[number];

/** The fields a reveal may uncover, one at a time, with a reason. */
export const revealableFields = [
  'legalRepName',
  'legalRepIdNumber',
  'mobile',
  'settlementAccountName',
  'settlementAccountNumber',
] as const;
export type RevealableField = (typeof revealableFields)[number];

export interface AccountChange {
  id: string;
  status: 'pending' | 'applied' | 'cancelled';
  accountName: string;
  accountNumber: string;
  bankCode: string;
  requestedAt: string;
  effectiveAt: string;
}

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
  orgNode: OrgNodeRef;
  referralCode: string | null;
  referredBy: { id: string; shortName: string | null } | null;
  reviewFlags: string[];
  riskLevel: RiskLevel | null;
  feePlan: string | null;
  reviewerUserId: string | null;
  recommendedAt: string | null;
  approverUserId: string | null;
  statusReason: string | null;
  submittedAt: string | null;
  activatedAt: string | null;
  createdAt: string;
  updatedAt: string;
  pendingAccountChange: AccountChange | null;
}

/** The editable part of an application, as POST/PATCH /merchants take it. */
export interface ApplicationFields {
  kind?: MerchantKind;
  registeredName?: string;
  shortName?: string;
  creditCode?: string;
  legalRepName?: string;
  legalRepIdNumber?: string;
  mobile?: string;
  regionCode?: string;
  address?: string;
  mcc?: string;
  settlementAccountName?: string;
  settlementAccountNumber?: string;
  settlementBankCode?: string;
  referralCode?: string;
  orgNodeId?: string;
}

export interface MerchantDocument {
  id: string;
  type: DocumentType;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  uploadedAt: string;
}

export interface CodeOption {
  code: string;
  zh: string;
  en: string;
}

export interface ApplicationOptions {
  kinds: CodeOption[];
  mccs: CodeOption[];
  banks: CodeOption[];
  documentTypes: DocumentType[];
  requiredDocuments: Partial<Record<MerchantKind, DocumentType[]>>;
  feePlans: string[];
  riskLevels: RiskLevel[];
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

export interface MerchantUser {
  id: string;
  displayName: string;
  /** Masked: 3 + **** + 4. */
  mobile: string | null;
  role: string | null;
  store: { id: string; name: string } | null;
  disabled: boolean;
  lastLoginAt: string | null;
  passwordSet: boolean;
  mustChangePassword: boolean;
  mfaEnabled: boolean;
  createdAt: string;
}

export type MarketKind = 'wholesale' | 'campus' | 'park';
export const marketKinds: readonly MarketKind[] = ['wholesale', 'campus', 'park'];
export type MarketStatus = 'open' | 'closed';
export type MembershipStatus = 'requested' | 'accepted' | 'declined' | 'left';

export interface MerchantRef {
  id: string;
  shortName: string | null;
}

export interface Market {
  id: string;
  name: string;
  kind: MarketKind;
  commissionBp: number;
  status: MarketStatus;
  operator: MerchantRef;
  /** Accepted members. */
  memberCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface MarketMember {
  membershipId: string;
  merchant: MerchantRef & { status: MerchantStatus };
  status: MembershipStatus;
  requestedAt: string;
  decidedAt: string | null;
}

export interface MarketDetail extends Market {
  pendingRequests: number;
  buyerCount: number;
  /** Every membership, requests included, newest first. */
  members: MarketMember[];
}

/** A buyer member; name, ID number and account arrive masked. */
export interface BuyerMember {
  id: string;
  marketId: string;
  name: string;
  idNumber: string;
  accountNumber: string;
  accountLuhnOk: boolean;
  bankCode: string;
  createdAt: string;
}

/** The markets a merchant belongs to and, for an operator, those it runs. */
export interface MerchantMarkets {
  memberships: {
    membershipId: string;
    market: Pick<Market, 'id' | 'name' | 'kind' | 'commissionBp' | 'status' | 'operator'>;
    status: MembershipStatus;
    requestedAt: string;
    decidedAt: string | null;
  }[];
  operated: Market[];
}

export interface Referral {
  referrer: MerchantRef & { referralCode: string | null };
  referred: MerchantRef & { status: MerchantStatus; activatedAt: string | null };
}
