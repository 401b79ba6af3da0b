// Wire shapes of the merchant API that the console, the merchant portal and the H5 application
// all receive (server/src/modules/merchants/schemas.ts, merchant-staff.ts, notifications.ts and
// markets/schemas.ts). Personal fields arrive masked.

import type { OrgNodeRef } from './types';

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

export type MerchantRole = 'merchant_owner' | 'merchant_manager' | 'merchant_cashier';

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

/** A merchant or an application, as every reply shows it. */
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

/** The editable part of an application; every field is optional until it is submitted. */
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
}

/** Staff filing or editing an application (POST/PATCH /merchants) may also choose the branch. */
export interface StaffApplicationFields extends ApplicationFields {
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

/** GET /application-options: the form's choices, and which documents each kind must upload. */
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
  role: MerchantRole | null;
  store: { id: string; name: string } | null;
  disabled: boolean;
  /** Locked after too many wrong passwords or codes; the branch unlocks it. */
  locked: boolean;
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

export const marketKinds = ['wholesale', 'campus', 'park'] as const;
export type MarketKind = (typeof marketKinds)[number];
export type MarketStatus = 'open' | 'closed';
export type MembershipStatus = 'requested' | 'accepted' | 'declined' | 'left';

export interface MerchantRef {
  id: string;
  shortName: string | null;
}

/** A membership as the console and the market's operator see it. */
export interface MarketMember {
  membershipId: string;
  merchant: MerchantRef & { status: MerchantStatus };
  status: MembershipStatus;
  requestedAt: string;
  decidedAt: string | null;
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
