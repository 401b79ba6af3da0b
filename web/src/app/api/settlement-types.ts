// Wire shapes of the settlement and payout API that the console and the merchant portal both
// receive (server/src/modules/settlement/schemas.ts and payouts/schemas.ts). Money is integer
// fen, always CNY.

export const settlementRunStatuses = ['running', 'completed', 'failed'] as const;
export type SettlementRunStatus = (typeof settlementRunStatuses)[number];

export const settlementCycles = ['t1', 'd1', 'd0'] as const;
export type SettlementCycle = (typeof settlementCycles)[number];

export const settlementLineStatuses = ['computed', 'posted', 'paid_out', 'nothing_to_pay'] as const;
export type SettlementLineStatus = (typeof settlementLineStatuses)[number];

export const payoutStatuses = ['created', 'submitted', 'succeeded', 'failed'] as const;
export type PayoutStatus = (typeof payoutStatuses)[number];

export const payoutPurposes = ['settlement', 'farmer_purchase'] as const;
export type PayoutPurpose = (typeof payoutPurposes)[number];

/** One settlement of one date for every merchant due then. */
export interface SettlementRun {
  id: string;
  settlementDate: string;
  status: SettlementRunStatus;
  merchantCount: number;
  paymentsFen: number;
  refundsFen: number;
  feesFen: number;
  netFen: number;
  payoutCount: number;
  payoutFileSha256: string | null;
  lastError: string | null;
  startedAt: string;
  finishedAt: string | null;
}

/** One merchant's settlement of one date. */
export interface SettlementLine {
  id: string;
  merchantId: string;
  merchantName: string | null;
  settlementDate: string;
  cycle: SettlementCycle;
  windowStart: string;
  windowEnd: string;
  paymentCount: number;
  paymentsFen: number;
  refundCount: number;
  refundsFen: number;
  feesFen: number;
  commissionFen: number;
  loanDeductionFen: number;
  d0PremiumFen: number;
  netFen: number;
  status: SettlementLineStatus;
  payoutId: string | null;
  /** A PayoutStatus, or null while no payout was made (nothing to pay, not posted yet). */
  payoutStatus: string | null;
  payoutFailure: string | null;
}

/** GET /settlement/runs/:date: the run and a page of its lines, by merchant id. */
export interface SettlementRunDetail extends SettlementRun {
  lines: SettlementLine[];
  linesHasMore: boolean;
}

export interface SettlementTerms {
  merchantId: string;
  cycle: SettlementCycle;
  d0PremiumBp: number;
  updatedAt: string | null;
}

export interface SetSettlementTermsBody {
  cycle: SettlementCycle;
  d0PremiumBp?: number;
}

export interface Payout {
  id: string;
  purpose: PayoutPurpose;
  merchantId: string;
  merchantName: string | null;
  amountFen: number;
  status: PayoutStatus;
  attempt: number;
  /** Masked: surname or first character, then *. */
  payeeName: string;
  /** Masked: first 6 and last 4 digits. */
  payeeAccount: string;
  payeeBankCode: string;
  settlementDate: string | null;
  gatewayReference: string | null;
  failureCode: string | null;
  failureMessage: string | null;
  createdAt: string;
  completedAt: string | null;
}

/** GET /payouts filters. */
export interface PayoutFilters {
  status?: PayoutStatus;
  purpose?: PayoutPurpose;
  settlementDate?: string;
  merchantId?: string;
}

/** A market operator's commission income over days (Asia/Shanghai), both ends included. */
export interface CommissionIncome {
  totalFen: number;
  days: { day: string; tradeCount: number; commissionFen: number }[];
}
