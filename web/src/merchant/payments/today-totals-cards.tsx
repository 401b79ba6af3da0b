import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { channels } from '../../app/api/payment-types';
import { formatCny } from '../../app/money';
import { QueryError } from '../../app/shell/query-error';
import { channelLabel } from '../../payments/labels';
import { useTodayTotals } from '../../payments/payment-api';

/**
 * Today's takings per channel and in total. Every channel has its card, a quiet one shows
 * zero, so the cards keep their place as the day goes on. The live list refreshes these when
 * it sees a change; the interval only covers a list filtered away from the change.
 */
export function TodayTotalsCards() {
  const { t } = useTranslation();
  const totals = useTodayTotals({ refetchInterval: 30_000 });
  if (totals.isError) {
    return <QueryError error={totals.error} onRetry={() => void totals.refetch()} />;
  }
  const byChannel = new Map(totals.data?.byChannel.map((row) => [row.key, row]));
  const cards = [
    ...channels.map((channel) => ({
      key: channel,
      title: channelLabel(channel),
      count: byChannel.get(channel)?.count ?? 0,
      amountFen: byChannel.get(channel)?.amountFen ?? 0,
    })),
    {
      key: 'total',
      title: t('payments.today.total'),
      count: totals.data?.count ?? 0,
      amountFen: totals.data?.amountFen ?? 0,
    },
  ];

  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }} data-testid="today-totals">
      {cards.map((card) => (
        <Col key={card.key} xs={12} md={8} xl={4}>
          <Card
            size="small"
            loading={totals.isPending}
            role="group"
            aria-label={card.title}
            data-testid={`today-${card.key}`}
            style={card.key === 'total' ? { borderColor: '#91caff', background: '#f0f7ff' } : {}}
          >
            <Statistic title={card.title} value={formatCny(card.amountFen)} />
            <Typography.Text type="secondary">
              {t('payments.today.count', { count: card.count })}
            </Typography.Text>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
