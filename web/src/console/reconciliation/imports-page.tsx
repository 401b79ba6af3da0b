import { CloudDownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Flex, Space, Typography } from 'antd';
import type { ColumnsType, ColumnType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { hasPermission } from '../../app/auth/permissions';
import { useCurrentMe } from '../../app/auth/use-current-me';
import { formatCny } from '../../app/money';
import { emptyLocale } from '../../app/shell/query-table';
import { channelLabel } from '../../payments/labels';
import { formatTime } from '../shared/format-time';
import { PagedTable } from '../shared/paged-table';
import { useStatementImports } from './recon-api';
import { ImportStatusTag, importSourceLabel } from './recon-labels';
import type { StatementImport } from './recon-types';
import { type ImportMode, importDetailPath, StatementImportModal } from './statement-import-modal';

/** Channel statements reconciled so far, newest first; makers upload or fetch the next one. */
export function ImportsPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const navigate = useNavigate();
  const imports = useStatementImports();
  const [mode, setMode] = useState<ImportMode | null>(null);
  const canImport = hasPermission(me, 'recon:write');

  // A count with its amount, as the statement and our books both state them.
  const countedAmount = (count: number, fen: number) => (
    <Flex vertical align="flex-end">
      <span>{formatCny(fen)}</span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('reconciliation.imports.count', { count })}
      </Typography.Text>
    </Flex>
  );

  // The statement's own summary states amounts only.
  const theirAmount = (
    key: string,
    title: string,
    fenOf: (row: StatementImport) => number,
  ): ColumnType<StatementImport> => ({
    title,
    key,
    align: 'right',
    width: 125,
    render: (_value, row) => formatCny(fenOf(row)),
  });

  const columns: ColumnsType<StatementImport> = [
    {
      title: t('reconciliation.imports.date'),
      dataIndex: 'statementDate',
      width: 120,
      fixed: 'left',
      render: (date: string, row) => (
        <Link to={importDetailPath(row.id)} data-testid={`import-link-${row.id}`}>
          {date}
        </Link>
      ),
    },
    {
      title: t('reconciliation.imports.channel'),
      dataIndex: 'channel',
      width: 100,
      render: (channel: string) => channelLabel(channel),
    },
    {
      title: t('reconciliation.imports.status'),
      dataIndex: 'status',
      width: 100,
      render: (status: StatementImport['status']) => <ImportStatusTag status={status} />,
    },
    {
      title: t('reconciliation.imports.source'),
      dataIndex: 'source',
      width: 90,
      render: (source: string) => importSourceLabel(source),
    },
    {
      title: t('reconciliation.imports.lines'),
      dataIndex: 'lineCount',
      align: 'right',
      width: 90,
    },
    {
      title: t('reconciliation.imports.matched'),
      key: 'matched',
      align: 'right',
      width: 140,
      render: (_value, row) => countedAmount(row.matched.paymentCount, row.matched.paymentTotalFen),
    },
    {
      title: t('reconciliation.imports.breaks'),
      dataIndex: 'breakCount',
      align: 'right',
      width: 90,
      render: (count: number) => (
        <Badge
          count={count}
          showZero
          color={count > 0 ? 'red' : 'green'}
          overflowCount={99_999}
          data-testid="import-breaks"
        />
      ),
    },
    {
      title: t('reconciliation.imports.theirs'),
      children: [
        theirAmount(
          'theirsPayments',
          t('reconciliation.imports.payments'),
          (row) => row.theirs.paymentTotalFen,
        ),
        theirAmount(
          'theirsRefunds',
          t('reconciliation.imports.refunds'),
          (row) => row.theirs.refundTotalFen,
        ),
        theirAmount(
          'theirsFees',
          t('reconciliation.imports.channelFees'),
          (row) => row.theirs.channelFeeTotalFen,
        ),
      ],
    },
    {
      title: t('reconciliation.imports.ours'),
      children: [
        {
          title: t('reconciliation.imports.payments'),
          key: 'oursPayments',
          align: 'right',
          width: 140,
          render: (_value, row) => countedAmount(row.ours.paymentCount, row.ours.paymentTotalFen),
        },
        {
          title: t('reconciliation.imports.refunds'),
          key: 'oursRefunds',
          align: 'right',
          width: 130,
          render: (_value, row) => countedAmount(row.ours.refundCount, row.ours.refundTotalFen),
        },
      ],
    },
    {
      title: t('reconciliation.imports.importedAt'),
      dataIndex: 'createdAt',
      width: 170,
      render: (value: string) => formatTime(value),
    },
  ];

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('reconciliation.imports.title')}
        </Typography.Title>
        {canImport && (
          <Space wrap>
            <Button
              icon={<CloudDownloadOutlined />}
              onClick={() => setMode('fetch')}
              data-testid="fetch-statement"
            >
              {t('reconciliation.imports.fetch')}
            </Button>
            <Button
              type="primary"
              icon={<UploadOutlined />}
              onClick={() => setMode('upload')}
              data-testid="upload-statement"
            >
              {t('reconciliation.imports.upload')}
            </Button>
          </Space>
        )}
      </Flex>
      <Card>
        <PagedTable<StatementImport>
          list={imports}
          countText={(count) => t('reconciliation.imports.shown', { count })}
          loadMoreTestId="import-load-more"
          rowKey="id"
          size="middle"
          bordered
          columns={columns}
          scroll={{ x: 1700 }}
          locale={emptyLocale(t('reconciliation.imports.empty'))}
          data-testid="import-table"
          onRow={(row) => ({
            onClick: () => void navigate(importDetailPath(row.id)),
            style: { cursor: 'pointer', ...(row.status === 'superseded' && { opacity: 0.6 }) },
            'data-testid': `import-row-${row.id}`,
          })}
        />
      </Card>
      {mode && <StatementImportModal mode={mode} onClose={() => setMode(null)} />}
    </>
  );
}
