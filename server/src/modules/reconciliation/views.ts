import type { ReconBreakRow, StatementImportRow } from './tables.js';

const iso = (value: Date | null) => (value ? value.toISOString() : null);

export function toImportView(row: StatementImportRow) {
  return {
    id: row.id,
    channel: row.channel,
    statementDate: row.statementDate,
    status: row.status,
    source: row.source,
    fileSha256: row.fileSha256,
    fileBytes: row.fileBytes,
    lineCount: row.lineCount,
    theirs: {
      paymentTotalFen: row.theirPaymentTotalFen,
      refundTotalFen: row.theirRefundTotalFen,
      channelFeeTotalFen: row.theirFeeTotalFen,
    },
    ours: {
      paymentCount: row.ourPaymentCount,
      paymentTotalFen: row.ourPaymentTotalFen,
      refundCount: row.ourRefundCount,
      refundTotalFen: row.ourRefundTotalFen,
    },
    matched: {
      paymentCount: row.matchedPaymentCount,
      paymentTotalFen: row.matchedPaymentTotalFen,
      refundCount: row.matchedRefundCount,
      refundTotalFen: row.matchedRefundTotalFen,
    },
    settledNetFen: row.settledNetFen,
    settlementJournalId: row.settlementJournalId,
    breakCount: row.breakCount,
    currency: 'CNY' as const,
    importedByUserId: row.importedByUserId,
    supersededById: row.supersededById,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt.toISOString(),
  };
}

export function toBreakView(row: ReconBreakRow) {
  return {
    id: row.id,
    importId: row.importId,
    channel: row.channel,
    statementDate: row.statementDate,
    kind: row.kind,
    subject: row.subject,
    paymentId: row.paymentId,
    refundId: row.refundId,
    theirs:
      row.lineNumber === null
        ? null
        : {
            lineNumber: row.lineNumber,
            channelTransactionId: row.channelTransactionId,
            channelRefundId: row.channelRefundId,
            amountFen: row.theirAmountFen ?? 0,
            status: row.theirStatus ?? 'other',
          },
    ours:
      row.ourStatus === null
        ? null
        : {
            amountFen: row.ourAmountFen ?? 0,
            status: row.ourStatus,
            bookedAt: iso(row.ourBookedAt),
          },
    status: row.status,
    resolutionAction: row.resolutionAction,
    resolutionReason: row.resolutionReason,
    proposedByUserId: row.proposedByUserId,
    proposedAt: iso(row.proposedAt),
    approvedByUserId: row.approvedByUserId,
    approvedAt: iso(row.approvedAt),
    adjustingJournalId: row.adjustingJournalId,
    currency: 'CNY' as const,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
