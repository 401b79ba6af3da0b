import { Card, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatCny } from '../../app/money';
import { QueryError } from '../../app/shell/query-error';
import { usePurchaseSummary } from '../../farmers/farmer-api';
import { formatKg } from '../../farmers/weighed-amount';

/** A day's purchases in total: how many, how heavy, how much was paid. */
export function DayTotalsCard({ day }: { day: string }) {
  const { t } = useTranslation();
  const summary = usePurchaseSummary({ from: day, to: day });
  const total = summary.data?.total;
  return (
    <Card size="small" style={{ height: '100%' }} data-testid="purchase-day-totals">
      {summary.isError ? (
        <QueryError error={summary.error} onRetry={() => void summary.refetch()} />
      ) : (
        <>
          <Statistic
            title={`${t('farmers.purchases.dayTotal')} · ${day}`}
            loading={summary.isPending}
            value={formatCny(total?.amountFen ?? 0)}
            valueRender={(node) => <span data-testid="purchase-day-amount">{node}</span>}
          />
          <Typography.Text type="secondary">
            {t('farmers.purchases.dayCount', { count: total?.count ?? 0 })} ·{' '}
            {t('farmers.purchases.dayWeight', { kg: formatKg(total?.weightGrams ?? 0) })}
          </Typography.Text>
        </>
      )}
    </Card>
  );
}
