import { Button, Card, Flex, Typography } from 'antd';
import { type HTMLAttributes, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../../app/api/types';
import { PagedTable } from '../shared/paged-table';
import { useAuditColumns } from './audit-columns';
import { AuditDetailDrawer } from './audit-detail-drawer';
import { AuditSearchForm } from './audit-search-form';
import { type AuditFilters, useAuditEvents } from './use-audit-events';
import { VerifyChainButton } from './verify-chain-button';

export function AuditPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<AuditFilters>({});
  const [openId, setOpenId] = useState<string>();
  const events = useAuditEvents(filters);
  const columns = [
    ...useAuditColumns(),
    {
      title: t('common.actions'),
      key: 'view',
      width: 80,
      // The table scrolls sideways on narrow screens; the way into the detail stays visible.
      fixed: 'right' as const,
      render: (_value: unknown, event: AuditEvent) => (
        <Button
          type="link"
          size="small"
          onClick={() => setOpenId(event.id)}
          data-testid={`audit-view-${event.id}`}
        >
          {t('audit.view')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <Flex justify="space-between" align="flex-start" gap={16} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('audit.title')}
        </Typography.Title>
        <VerifyChainButton />
      </Flex>
      <Card>
        <div style={{ marginBottom: 16 }}>
          <AuditSearchForm onSearch={setFilters} />
        </div>
        <PagedTable<AuditEvent>
          list={events}
          rowKey="id"
          size="middle"
          columns={columns}
          data-testid="audit-table"
          scroll={{ x: 'max-content' }}
          onRow={(event) => ({ 'data-action': event.action }) as HTMLAttributes<HTMLElement>}
        />
      </Card>
      {openId && <AuditDetailDrawer eventId={openId} onClose={() => setOpenId(undefined)} />}
    </>
  );
}
