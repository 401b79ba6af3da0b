// Wire shapes of the reconciliation API (server/src/modules/reconciliation/schemas.ts), which
// only the console receives. Money is integer fen, always CNY.

export const statementChannels = ['wechat', 'alipay', 'unionpay'] as const;
export type StatementChannel = (typeof statementChannels)[number];

export type ImportStatus = 'matched' | 'superseded';

export const breakKinds = [
  'missing_ours',
  'missing_channel',
  'amount_differs',
  'status_differs',
  'duplicate',
  'cross_day',
] as const;
export type BreakKind = (typeof breakKinds)[number];

export const breakStatuses = [
  'open',
  'timing',
  'escalated',
  'pending_approval',
  'resolved',
] as const;
export type BreakStatus = (typeof breakStatuses)[number];

/** A maker may decide a break in these statuses (server: work-break.ts `decidable`). */
export const decidableStatuses: readonly BreakStatus[] = ['open', 'timing', 'escalated'];

export const resolutionActions = ['accept_channel', 'timing', 'escalate'] as const;
export type ResolutionAction = (typeof resolutionActions)[number];

interface MatchedTotals {
  paymentCount: number;
  paymentTotalFen: number;
  refundCount: number;
  refundTotalFen: number;
}

export interface StatementImport {
  id: string;
  channel: StatementChannel;
  statementDate: string;
  status: ImportStatus;
  source: 'upload' | 'download';
  fileSha256: string;
  fileBytes: number;
  lineCount: number;
  /** From the file's own summary. */
  theirs: { paymentTotalFen: number; refundTotalFen: number; channelFeeTotalFen: number };
  /** Our payments and refunds of the day on that channel. */
  ours: MatchedTotals;
  matched: MatchedTotals;
  /** Matched payments − matched refunds: what the channel settlement posted for the day. */
  settledNetFen: number;
  settlementJournalId: string | null;
  breakCount: number;
  currency: 'CNY';
  importedByUserId: string | null;
  supersededById: string | null;
  createdAt: string;
  finishedAt: string;
}

/** One import with its breaks counted by kind and by status (every key present). */
export interface StatementImportDetail extends StatementImport {
  breaksByKind: Record<BreakKind, number>;
  breaksByStatus: Record<BreakStatus, number>;
}

export interface ReconBreak {
  id: string;
  importId: string;
  channel: StatementChannel;
  statementDate: string;
  kind: BreakKind;
  subject: 'payment' | 'refund';
  paymentId: string | null;
  refundId: string | null;
  /** The statement's line; absent for `missing_channel`. */
  theirs: {
    lineNumber: number;
    channelTransactionId: string | null;
    channelRefundId: string | null;
    amountFen: number;
    status: string;
  } | null;
  /** Our payment or refund; absent for `missing_ours`. */
  ours: { amountFen: number; status: string; bookedAt: string | null } | null;
  status: BreakStatus;
  resolutionAction: ResolutionAction | null;
  /** The maker's reason; after a rejection, the checker's reason for sending it back. */
  resolutionReason: string | null;
  proposedByUserId: string | null;
  proposedAt: string | null;
  approvedByUserId: string | null;
  approvedAt: string | null;
  adjustingJournalId: string | null;
  currency: 'CNY';
  createdAt: string;
  updatedAt: string;
}

export interface BreakFilters {
  kind?: BreakKind;
  status?: BreakStatus;
}
