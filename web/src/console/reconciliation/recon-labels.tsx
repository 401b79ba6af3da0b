import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { labelFor } from '../../app/i18n/labels';
import type { BreakKind, BreakStatus, ImportStatus } from './recon-types';

// Codes from the server get a translated label; a code the UI has not learned yet shows as is.
export const breakKindLabel = (kind: string) => labelFor('reconciliation.breakKind', kind);
export const breakStatusLabel = (status: string) => labelFor('reconciliation.breakStatus', status);
export const resolutionActionLabel = (action: string) => labelFor('reconciliation.action', action);
export const importSourceLabel = (source: string) => labelFor('reconciliation.source', source);

const kindColor: Record<BreakKind, string> = {
  missing_ours: 'volcano',
  missing_channel: 'orange',
  amount_differs: 'red',
  status_differs: 'magenta',
  duplicate: 'purple',
  cross_day: 'geekblue',
};

const statusColor: Record<BreakStatus, string> = {
  open: 'red',
  timing: 'gold',
  escalated: 'volcano',
  pending_approval: 'processing',
  resolved: 'green',
};

export function BreakKindTag({ kind }: { kind: BreakKind }) {
  useTranslation();
  return (
    <Tag color={kindColor[kind] ?? 'default'} data-kind={kind}>
      {breakKindLabel(kind)}
    </Tag>
  );
}

export function BreakStatusTag({ status }: { status: BreakStatus }) {
  useTranslation();
  return (
    <Tag color={statusColor[status] ?? 'default'} data-status={status}>
      {breakStatusLabel(status)}
    </Tag>
  );
}

export function ImportStatusTag({ status }: { status: ImportStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={status === 'matched' ? 'green' : 'default'} data-status={status}>
      {t(`reconciliation.importStatus.${status}`)}
    </Tag>
  );
}
