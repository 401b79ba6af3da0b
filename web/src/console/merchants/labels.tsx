import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MerchantStatus, RiskLevel } from '../../app/api/merchant-types';
import { auditActionLabel, labelFor, textOr } from '../../app/i18n/labels';
import { merchantStatusColor } from '../../app/shell/status-colors';

// Codes from the server get a translated label; a code the UI has not learned yet shows as is.
const merchantLabel = (prefix: string, code: string) => labelFor(`merchants.${prefix}`, code);

export const statusLabel = (status: string) => merchantLabel('status', status);
export const kindLabel = (kind: string) => merchantLabel('kind', kind);
export const riskLabel = (risk: string) => merchantLabel('risk', risk);
export const flagLabel = (flag: string) => merchantLabel('flag', flag);
export const flagShortLabel = (flag: string) => merchantLabel('flagShort', flag);
export const feePlanLabel = (plan: string) => merchantLabel('feePlan', plan);
export const documentTypeLabel = (type: string) => merchantLabel('documentType', type);
export const fieldLabel = (field: string) => merchantLabel('field', field);
export const marketKindLabel = (kind: string) => merchantLabel('marketKind', kind);
export const marketStatusLabel = (status: string) => merchantLabel('marketStatus', status);
export const membershipStatusLabel = (status: string) => merchantLabel('membershipStatus', status);
export const merchantRoleLabel = (role: string) => merchantLabel('merchantRole', role);
export const storeStatusLabel = (status: string) => merchantLabel('storeStatus', status);
export const notificationLabel = (kind: string) => merchantLabel('notification', kind);

/** Merchant history actions first from these texts, then from the shared audit labels. */
export function historyActionLabel(action: string): string {
  return textOr(`merchants.auditActions.${action}`, auditActionLabel(action));
}

export function StatusTag({ status }: { status: MerchantStatus }) {
  // Subscribing to the language re-renders the tag when it changes.
  useTranslation();
  return (
    <Tag color={merchantStatusColor[status] ?? 'default'} data-status={status}>
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
