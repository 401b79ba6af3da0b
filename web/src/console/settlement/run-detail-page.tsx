import { Alert, Button, Card, Descriptions, Flex, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { SettlementLine, SettlementRun } from '../../app/api/settlement-types';
import { hasPermission } from '../../app/auth/permissions';
import { useCurrentMe } from '../../app/auth/use-current-me';
import { DownloadButton } from '../../app/shell/download-button';
import { emptyLocale } from '../../app/shell/query-table';
import { RunStatusTag } from '../../settlement/labels';
import { payoutFilePath, useSettlementRun } from '../../settlement/settlement-api';
import { useSettlementLineColumns } from '../../settlement/use-settlement-line-columns';
import { DetailPageFrame } from '../shared/detail-page-frame';
import { formatTime } from '../shared/format-time';
import { PagedTable } from '../shared/paged-table';
import { RetryPayoutButton } from './retry-payout-button';
import { RunTotalsCards } from './run-totals-cards';
import { payoutsPath } from './settlement-paths';

/** One settlement run: its totals, and what each merchant of the reader's scope was paid. */
export function RunDetailPage() {
  const { date = '' } = useParams();
  const detail = useSettlementRun(date);
  return (
    <DetailPageFrame query={detail} texts="settlement.runDetail">
      {(pages, back) => (
        <Flex vertical gap={16}>
          <div>{back}</div>
          <RunHeader run={pages.run} />
          <RunTotalsCards run={pages.run} />
          <RunLines run={pages.run} list={detail} />
        </Flex>
      )}
    </DetailPageFrame>
  );
}

function RunHeader({ run }: { run: SettlementRun }) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  return (
    <Card
      title={
        <Space align="center">
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="run-title">
            {t('settlement.runDetail.title', { date: run.settlementDate })}
          </Typography.Title>
          <RunStatusTag status={run.status} />
        </Space>
      }
      extra={
        hasPermission(me, 'settlement:run') &&
        run.payoutFileSha256 && (
          <DownloadButton
            path={payoutFilePath(run.settlementDate)}
            fallbackName={`payouts-${run.settlementDate}.txt`}
            data-testid="download-payout-file"
          >
            {t('settlement.runDetail.downloadFile')}
          </DownloadButton>
        )
      }
    >
      {run.lastError && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('settlement.field.lastError')}
          description={run.lastError}
        />
      )}
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        items={[
          {
            key: 'startedAt',
            label: t('settlement.field.startedAt'),
            children: formatTime(run.startedAt),
          },
          {
            key: 'finishedAt',
            label: t('settlement.field.finishedAt'),
            children: formatTime(run.finishedAt),
          },
          {
            key: 'sha256',
            label: t('settlement.field.fileSha256'),
            children: run.payoutFileSha256 ? (
              <Typography.Text code copyable style={{ fontSize: 12 }}>
                {run.payoutFileSha256.slice(0, 16)}…
              </Typography.Text>
            ) : (
              '—'
            ),
          },
        ]}
      />
    </Card>
  );
}

function RunLines({
  run,
  list,
}: {
  run: SettlementRun;
  list: ReturnType<typeof useSettlementRun>;
}) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const shared = useSettlementLineColumns();
  const canRetry = hasPermission(me, 'settlement:run');
  const lines = list.data?.pages.flatMap((page) => page.data) ?? [];
  const failed = lines.filter((line) => line.payoutStatus === 'failed').length;

  const columns: ColumnsType<SettlementLine> = [
    {
      ...shared.merchant,
      fixed: 'left',
      render: (name: string | null, line) => (
        <Link to={`/console/merchants/${encodeURIComponent(line.merchantId)}`}>
          {name ?? line.merchantId}
        </Link>
      ),
    },
    shared.cycle,
    // What the merchant is paid and whether it arrived first, then how the net was made up.
    shared.net,
    shared.payout,
    shared.status,
    shared.payments,
    shared.refunds,
    shared.fees,
    shared.commission,
    shared.loanDeduction,
    shared.d0Premium,
  ];
  if (canRetry) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 120,
      fixed: 'right',
      render: (_value, line) =>
        line.payoutId &&
        line.payoutStatus === 'failed' && (
          <RetryPayoutButton
            payoutId={line.payoutId}
            amountFen={line.netFen}
            reason={line.payoutFailure}
          />
        ),
    });
  }

  return (
    <Card title={t('settlement.runDetail.lines')}>
      {failed > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="run-failed-payouts"
          title={t('settlement.runDetail.failedPayouts', { count: failed })}
          action={
            <Link to={payoutsPath({ settlementDate: run.settlementDate, status: 'failed' })}>
              <Button size="small">{t('settlement.runDetail.viewPayouts')}</Button>
            </Link>
          }
        />
      )}
      <PagedTable<SettlementLine>
        list={list}
        countText={(count) => t('settlement.runDetail.linesShown', { count })}
        loadMoreTestId="run-lines-load-more"
        rowKey="id"
        size="middle"
        columns={columns}
        scroll={{ x: 1600 }}
        locale={emptyLocale(t('settlement.runDetail.linesEmpty'))}
        data-testid="run-lines"
        onRow={(line) => ({
          'data-testid': `run-line-${line.merchantId}`,
          style: line.payoutStatus === 'failed' ? { background: '#fff2f0' } : undefined,
        })}
      />
    </Card>
  );
}
