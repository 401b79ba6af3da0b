import { PlayCircleOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { SettlementRun } from '../../app/api/settlement-types';
import { hasPermission } from '../../app/auth/permissions';
import { useCurrentMe } from '../../app/auth/use-current-me';
import { moneyColumn } from '../../app/shell/money-column';
import { emptyLocale } from '../../app/shell/query-table';
import { RunStatusTag } from '../../settlement/labels';
import { useSettlementRuns } from '../../settlement/settlement-api';
import { formatTime } from '../shared/format-time';
import { PagedTable } from '../shared/paged-table';
import { runDetailPath } from './settlement-paths';
import { SettlementSection } from './settlement-section';
import { StartRunModal } from './start-run-modal';

/** Every settlement run, newest first; staff with settlement:run start one from here. */
export function SettlementRunsPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const navigate = useNavigate();
  const runs = useSettlementRuns();
  const [starting, setStarting] = useState(false);

  const columns: ColumnsType<SettlementRun> = [
    {
      title: t('settlement.field.date'),
      dataIndex: 'settlementDate',
      width: 120,
      fixed: 'left',
      render: (date: string) => (
        <Link to={runDetailPath(date)} data-testid={`run-link-${date}`}>
          {date}
        </Link>
      ),
    },
    {
      title: t('settlement.field.status'),
      dataIndex: 'status',
      width: 100,
      render: (status: SettlementRun['status'], run) => (
        <Flex vertical gap={2} align="flex-start">
          <RunStatusTag status={status} />
          {run.lastError && (
            <Typography.Text type="danger" style={{ fontSize: 12 }}>
              {run.lastError}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t('settlement.field.merchants'),
      dataIndex: 'merchantCount',
      align: 'right',
      width: 90,
    },
    moneyColumn<SettlementRun>(t('settlement.field.payments'), 'paymentsFen', 140),
    moneyColumn<SettlementRun>(t('settlement.field.refunds'), 'refundsFen'),
    moneyColumn<SettlementRun>(t('settlement.field.fees'), 'feesFen'),
    moneyColumn<SettlementRun>(t('settlement.field.net'), 'netFen', 140),
    {
      title: t('settlement.field.payouts'),
      dataIndex: 'payoutCount',
      align: 'right',
      width: 90,
    },
    {
      title: t('settlement.field.startedAt'),
      dataIndex: 'startedAt',
      width: 170,
      render: (value: string) => formatTime(value),
    },
    {
      title: t('settlement.field.finishedAt'),
      dataIndex: 'finishedAt',
      width: 170,
      render: (value: string | null) => formatTime(value),
    },
  ];

  return (
    <SettlementSection
      active="runs"
      extra={
        hasPermission(me, 'settlement:run') && (
          <Button
            type="primary"
            icon={<PlayCircleOutlined />}
            onClick={() => setStarting(true)}
            data-testid="start-run"
          >
            {t('settlement.runs.start')}
          </Button>
        )
      }
    >
      <Card>
        <PagedTable<SettlementRun>
          list={runs}
          countText={(count) => t('settlement.runs.shown', { count })}
          loadMoreTestId="run-load-more"
          rowKey="id"
          size="middle"
          columns={columns}
          scroll={{ x: 1300 }}
          locale={emptyLocale(t('settlement.runs.empty'))}
          data-testid="run-table"
          onRow={(run) => ({
            onClick: () => void navigate(runDetailPath(run.settlementDate)),
            style: { cursor: 'pointer' },
            'data-testid': `run-row-${run.settlementDate}`,
          })}
        />
      </Card>
      {starting && <StartRunModal onClose={() => setStarting(false)} />}
    </SettlementSection>
  );
}
