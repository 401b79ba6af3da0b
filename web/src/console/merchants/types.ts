// Wire shapes that only the console's merchant, market and referral pages receive
// (notes/issue3-api.md and server/src/modules/markets/schemas.ts); the shapes the portal and
// the H5 application share are in app/api/merchant-types.ts.

import type {
  MarketKind,
  MarketMember,
  MarketStatus,
  MembershipStatus,
  MerchantRef,
  MerchantStatus,
} from '../../app/api/merchant-types';

/** The fields a reveal may uncover, one at a time, with a reason. */
export const revealableFields = [
  'legalRepName',
  'legalRepIdNumber',
  'mobile',
  'settlementAccountName',
  'settlementAccountNumber',
] as const;
export type RevealableField = (typeof revealableFields)[number];

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

export interface MarketDetail extends Market {
  pendingRequests: number;
  buyerCount: number;
  /** Every membership, requests included, newest first. */
  members: MarketMember[];
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
