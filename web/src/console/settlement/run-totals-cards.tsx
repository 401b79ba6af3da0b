import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SettlementRun } from '../../app/api/settlement-types';
import { formatCny } from '../../app/money';

/** A run's totals over all its merchants (the whole bank's, whatever the reader's scope). */
export function RunTotalsCards({ run }: { run: SettlementRun }) {
  const { t } = useTranslation();
  const cards = [
    { key: 'merchants', title: t('settlement.field.merchants'), value: String(run.merchantCount) },
    { key: 'payments', title: t('settlement.field.payments'), value: formatCny(run.paymentsFen) },
    { key: 'refunds', title: t('settlement.field.refunds'), value: formatCny(run.refundsFen) },
    { key: 'fees', title: t('settlement.field.fees'), value: formatCny(run.feesFen) },
    { key: 'net', title: t('settlement.field.net'), value: formatCny(run.netFen) },
    { key: 'payouts', title: t('settlement.field.payouts'), value: String(run.payoutCount) },
  ];
  return (
    <Row gutter={[12, 12]} data-testid="run-totals">
      {cards.map((card) => (
        <Col key={card.key} xs={12} md={8} xl={4}>
          <Card
            size="small"
            role="group"
            aria-label={card.title}
            style={card.key === 'net' ? { borderColor: '#91caff', background: '#f0f7ff' } : {}}
          >
            <Statistic
              title={card.title}
              value={card.value}
              valueRender={() => <span data-testid={`run-total-${card.key}`}>{card.value}</span>}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
