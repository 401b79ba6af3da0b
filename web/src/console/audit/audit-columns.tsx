import { Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../../app/api/types';
import { auditActionLabel, targetTypeLabel } from '../../app/i18n/labels';
import { formatTime } from '../shared/format-time';

/** Failures stand out in red; everything else is routine. */
function actionColor(action: string): string | undefined {
  if (action.endsWith('_failed') || action.endsWith('.locked')) return 'red';
  if (action.startsWith('auth.')) return 'blue';
  return undefined;
}

/** The columns shared by the audit page and the home page's recent activity. */
export function useAuditColumns({ compact = false } = {}): ColumnsType<AuditEvent> {
  const { t } = useTranslation();
  const columns: ColumnsType<AuditEvent> = [
    {
      title: t('audit.time'),
      dataIndex: 'occurredAt',
      width: 170,
      className: 'nowrap',
      render: (value: string) => formatTime(value),
    },
    {
      title: t('audit.actor'),
      key: 'actor',
      width: 140,
      render: (_value, event) => event.actor?.username ?? t('audit.system'),
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      render: (action: string) => (
        <Tag color={actionColor(action)} title={action}>
          {auditActionLabel(action)}
        </Tag>
      ),
    },
    {
      title: t('audit.target'),
      key: 'target',
      render: (_value, event) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {targetTypeLabel(event.targetType)}{' '}
          {event.targetId && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {event.targetId}
            </Typography.Text>
          )}
        </span>
      ),
    },
  ];
  if (compact) return columns;
  return [
    ...columns,
    { title: t('audit.ip'), dataIndex: 'ip', width: 140, render: (ip: string | null) => ip ?? '—' },
    {
      title: t('audit.requestId'),
      dataIndex: 'requestId',
      render: (requestId: string | null) =>
        requestId ? (
          <Typography.Text copyable style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
            {requestId}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
  ];
}
