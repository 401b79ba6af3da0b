import { useQuery } from '@tanstack/react-query';
import { Descriptions, Drawer, Empty, Flex, Skeleton, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api/client';
import type { AuditEvent } from '../../app/api/types';
import {
  auditActionLabel,
  auditFieldLabel,
  roleLabel,
  targetTypeLabel,
} from '../../app/i18n/labels';
import { QueryError } from '../../app/shell/query-error';
import { formatTime } from '../shared/format-time';

interface ChangeRow {
  field: string;
  before: unknown;
  after: unknown;
}

/** Values are arbitrary JSON: strings as they are, absent as a dash, the rest as JSON. */
function ChangeValue({ value }: { value: unknown }) {
  if (value === null || value === undefined)
    return <Typography.Text type="secondary">—</Typography.Text>;
  if (typeof value === 'string') return <span>{value}</span>;
  return (
    <Typography.Text code style={{ whiteSpace: 'pre-wrap' }}>
      {JSON.stringify(value)}
    </Typography.Text>
  );
}

export function AuditDetailDrawer({ eventId, onClose }: { eventId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const detail = useQuery({
    queryKey: ['audit-events', 'detail', eventId],
    queryFn: () => api.get<AuditEvent>(`/audit-events/${encodeURIComponent(eventId)}`),
    staleTime: Number.POSITIVE_INFINITY,
  });

  const event = detail.data;
  const changes: ChangeRow[] = Object.entries(event?.changes ?? {}).map(([field, change]) => ({
    field,
    before: change?.before,
    after: change?.after,
  }));

  return (
    <Drawer open size={720} title={t('audit.detail')} onClose={onClose} data-testid="audit-detail">
      {detail.isError && <QueryError error={detail.error} onRetry={() => void detail.refetch()} />}
      {detail.isPending && <Skeleton active />}
      {event && (
        <Flex vertical gap={24}>
          <Descriptions
            column={1}
            bordered
            size="small"
            items={[
              {
                key: 'id',
                label: 'ID',
                children: <Typography.Text copyable>{event.id}</Typography.Text>,
              },
              { key: 'seq', label: t('audit.seq'), children: event.seq },
              { key: 'time', label: t('audit.time'), children: formatTime(event.occurredAt) },
              {
                key: 'actor',
                label: t('audit.actor'),
                children: event.actor ? (
                  <span>
                    {event.actor.username}{' '}
                    {event.actor.roles.map((role) => (
                      <Tag key={role}>{roleLabel(role)}</Tag>
                    ))}
                  </span>
                ) : (
                  t('audit.system')
                ),
              },
              {
                key: 'action',
                label: t('audit.action'),
                children: (
                  <span>
                    {auditActionLabel(event.action)}{' '}
                    <Typography.Text type="secondary" code>
                      {event.action}
                    </Typography.Text>
                  </span>
                ),
              },
              {
                key: 'target',
                label: t('audit.target'),
                children: `${targetTypeLabel(event.targetType)} ${event.targetId ?? ''}`,
              },
              { key: 'ip', label: t('audit.ip'), children: event.ip ?? '—' },
              { key: 'requestId', label: t('audit.requestId'), children: event.requestId ?? '—' },
            ]}
          />
          <div>
            <Typography.Title level={5}>{t('audit.changes')}</Typography.Title>
            {changes.length ? (
              <Table<ChangeRow>
                rowKey="field"
                size="small"
                pagination={false}
                dataSource={changes}
                data-testid="audit-changes"
                columns={[
                  {
                    title: t('audit.field'),
                    dataIndex: 'field',
                    width: 200,
                    render: (field: string) => (
                      <span>
                        {auditFieldLabel(field)}{' '}
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {field}
                        </Typography.Text>
                      </span>
                    ),
                  },
                  {
                    title: t('audit.before'),
                    dataIndex: 'before',
                    render: (value: unknown) => <ChangeValue value={value} />,
                  },
                  {
                    title: t('audit.after'),
                    dataIndex: 'after',
                    render: (value: unknown) => <ChangeValue value={value} />,
                  },
                ]}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('audit.noChanges')} />
            )}
          </div>
        </Flex>
      )}
    </Drawer>
  );
}
