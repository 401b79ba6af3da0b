import { Card, Col, Empty, Row, Skeleton, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Channel, channels, type TotalsRow } from '../../app/api/payment-types';
import { formatCny } from '../../app/money';
import { QueryError } from '../../app/shell/query-error';
import { channelLabel } from '../../payments/labels';
import { useTodayTotals } from '../../payments/payment-api';
import { TotalsBarChart } from './totals-bar-chart';

/** Every channel has its bar, a quiet one at zero, in the same order every day. */
function channelRows(rows: readonly TotalsRow[]): TotalsRow[] {
  const byKey = new Map(rows.map((row) => [row.key, row]));
  const known = channels.map(
    (channel) => byKey.get(channel) ?? { key: channel, label: channel, count: 0, amountFen: 0 },
  );
  const others = rows.filter((row) => !channels.includes(row.key as Channel));
  return [...known, ...others];
}

/**
 * Today's succeeded payments of the scope, by channel and by the scope's direct child branches
 * (GET /payments/today). Loaded apart from the home page so echarts downloads only with it.
 */
export function TodayPaymentCharts() {
  const { t } = useTranslation();
  const totals = useTodayTotals({ refetchInterval: 60_000 });

  if (totals.isError) {
    return <QueryError error={totals.error} onRetry={() => void totals.refetch()} />;
  }
  if (!totals.data) return <Skeleton active />;
  const data = totals.data;
  const channelLabelOf = (row: TotalsRow) =>
    channels.includes(row.key as Channel) ? channelLabel(row.key) : row.label;

  return (
    <Row gutter={[16, 16]} data-testid="today-payments">
      <Col xs={24} xl={12}>
        <Card
          title={t('payments.today.byChannel')}
          extra={
            <Typography.Text type="secondary">
              {t('payments.today.refunded', { amount: formatCny(data.refundedFen) })}
            </Typography.Text>
          }
          style={{ height: '100%' }}
        >
          <Statistic
            title={t('payments.today.total')}
            value={formatCny(data.amountFen)}
            suffix={
              <Typography.Text type="secondary" style={{ fontSize: 14 }}>
                {t('payments.today.count', { count: data.count })}
              </Typography.Text>
            }
            data-testid="today-payments-total"
          />
          <TotalsBarChart
            rows={channelRows(data.byChannel)}
            labelOf={channelLabelOf}
            ariaLabel={t('payments.today.byChannel')}
            testId="today-by-channel"
          />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card title={t('payments.today.byBranch')} style={{ height: '100%' }}>
          {data.byBranch.length ? (
            <TotalsBarChart
              rows={data.byBranch}
              labelOf={(row) => row.label}
              ariaLabel={t('payments.today.byBranch')}
              testId="today-by-branch"
            />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('payments.today.empty')} />
          )}
        </Card>
      </Col>
    </Row>
  );
}
