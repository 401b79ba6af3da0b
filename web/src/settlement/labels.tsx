import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type {
  PayoutStatus,
  SettlementLineStatus,
  SettlementRunStatus,
} from '../app/api/settlement-types';
import { labelFor } from '../app/i18n/labels';
import {
  payoutStatusColor,
  settlementLineStatusColor,
  settlementRunStatusColor,
} from '../app/shell/status-colors';

// Codes from the server get a translated label; a code the UI has not learned yet shows as is.
export const runStatusLabel = (status: string) => labelFor('settlement.runStatus', status);
export const lineStatusLabel = (status: string) => labelFor('settlement.lineStatus', status);
export const payoutStatusLabel = (status: string) => labelFor('settlement.payoutStatus', status);
export const payoutPurposeLabel = (purpose: string) => labelFor('settlement.purpose', purpose);
export const cycleLabel = (cycle: string) => labelFor('settlement.cycle', cycle);

/** A status tag whose colour comes from its table; an unknown status is a grey tag. */
function StatusTag({
  colors,
  status,
  label,
}: {
  colors: Record<string, string>;
  status: string;
  label: string;
}) {
  // Subscribing to the language re-renders the tag when it changes.
  useTranslation();
  return (
    <Tag color={colors[status] ?? 'default'} data-status={status}>
      {label}
    </Tag>
  );
}

export function RunStatusTag({ status }: { status: SettlementRunStatus }) {
  return (
    <StatusTag colors={settlementRunStatusColor} status={status} label={runStatusLabel(status)} />
  );
}

export function LineStatusTag({ status }: { status: SettlementLineStatus }) {
  return (
    <StatusTag colors={settlementLineStatusColor} status={status} label={lineStatusLabel(status)} />
  );
}

/** A payout's status; lines carry it as a plain string, null before any payout was made. */
export function PayoutStatusTag({ status }: { status: PayoutStatus | string | null }) {
  if (!status) return <>—</>;
  return <StatusTag colors={payoutStatusColor} status={status} label={payoutStatusLabel(status)} />;
}
