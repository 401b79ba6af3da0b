// Wire shapes that only the merchant portal receives (portal and portal-market routes); the
// shapes it shares with the console and the H5 application are in app/api/merchant-types.ts.

import type {
  MarketKind,
  MarketStatus,
  MembershipStatus,
  Merchant,
  MerchantRole,
} from '../app/api/merchant-types';

export interface PortalMerchant extends Merchant {
  me: { userId: string; displayName: string; role: MerchantRole | null; storeId: string | null };
}

export interface PortalMarketRef {
  id: string;
  name: string;
  kind: MarketKind;
  commissionBp: number;
  status: MarketStatus;
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
  status: MarketStatus;
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
