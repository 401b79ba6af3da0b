import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../app/i18n/i18n';
import { auditActionLabel } from '../../app/i18n/labels';
import type { MerchantStatus, RiskLevel } from './types';

// Codes from the server get a translated label; a code the UI has not learned yet shows as is.
function labelFor(prefix: string, code: string): string {
  const translate = i18n.t as unknown as (key: string, options: { defaultValue: string }) => string;
  return translate(`merchants.${prefix}.${code}`, { defaultValue: code });
}

export const statusLabel = (status: string) => labelFor('status', status);
export const kindLabel = (kind: string) => labelFor('kind', kind);
export const riskLabel = (risk: string) => labelFor('risk', risk);
export const flagLabel = (flag: string) => labelFor('flag', flag);
export const flagShortLabel = (flag: string) => labelFor('flagShort', flag);
export const feePlanLabel = (plan: string) => labelFor('feePlan', plan);
export const documentTypeLabel = (type: string) => labelFor('documentType', type);
export const fieldLabel = (field: string) => labelFor('field', field);
export const marketKindLabel = (kind: string) => labelFor('marketKind', kind);
export const marketStatusLabel = (status: string) => labelFor('marketStatus', status);
export const membershipStatusLabel = (status: string) => labelFor('membershipStatus', status);
export const merchantRoleLabel = (role: string) => labelFor('merchantRole', role);
export const storeStatusLabel = (status: string) => labelFor('storeStatus', status);
export const notificationLabel = (kind: string) => labelFor('notification', kind);

/** Merchant history actions first from these texts, then from the shared audit labels. */
export function historyActionLabel(action: string): string {
  const translate = i18n.t as unknown as (key: string, options: { defaultValue: string }) => string;
  return translate(`merchants.auditActions.${action}`, {
    defaultValue: auditActionLabel(action),
  });
}

const statusColors: Record<MerchantStatus, string> = {
  draft: 'default',
  submitted: 'blue',
  in_review: 'processing',
  needs_changes: 'orange',
  rejected: 'red',
  active: 'green',
  suspended: 'volcano',
  closed: 'default',
};

export function StatusTag({ status }: { status: MerchantStatus }) {
  // Subscribing to the language re-renders the tag when it changes.
  useTranslation();
  return (
    <Tag color={statusColors[status] ?? 'default'} data-status={status}>
      {statusLabel(status)}
    </Tag>
  );
}

const riskColors: Record<RiskLevel, string> = { low: 'green', medium: 'gold', high: 'red' };

export function RiskTag({ risk }: { risk: RiskLevel | null }) {
  useTranslation();
  if (!risk) return <span>—</span>;
  return <Tag color={riskColors[risk] ?? 'default'}>{riskLabel(risk)}</Tag>;
}

/** 35 bp → 0.35%. */
export function formatBasisPoints(bp: number | null | undefined): string {
  if (bp === null || bp === undefined) return '—';
  return `${(bp / 100).toFixed(2)}%`;
}
