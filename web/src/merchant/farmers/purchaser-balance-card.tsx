import { Card, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatCny } from '../../app/money';
import { QueryError } from '../../app/shell/query-error';
import { usePurchaserBalance } from '../../farmers/farmer-api';

/** The funds farmers are paid from; a purchase the funds cannot cover is refused. */
export function PurchaserBalanceCard() {
  const { t } = useTranslation();
  const balance = usePurchaserBalance();
  return (
    <Card size="small" style={{ height: '100%' }}>
      {balance.isError ? (
        <QueryError error={balance.error} onRetry={() => void balance.refetch()} />
      ) : (
        <>
          <Statistic
            title={t('farmers.balance.title')}
            loading={balance.isPending}
            value={formatCny(balance.data?.balanceFen ?? 0)}
            valueRender={(node) => <span data-testid="purchaser-balance">{node}</span>}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('farmers.balance.hint')}
          </Typography.Text>
        </>
      )}
    </Card>
  );
}
