import { RedoOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../app/api/use-show-error';
import { formatCny } from '../../app/money';
import { useRetryPayout } from '../../settlement/settlement-api';

/**
 * 重新付款 of a failed payout, after a confirmation that names the amount and why it failed.
 * The caller shows it to staff with settlement:run; the server refuses a payout that is not
 * failed (payout_not_retryable), which the toast then explains.
 */
export function RetryPayoutButton({
  payoutId,
  amountFen,
  reason,
}: {
  payoutId: string;
  amountFen: number;
  reason: string | null;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const retry = useRetryPayout();
  return (
    <Popconfirm
      title={t('settlement.payouts.retryTitle')}
      description={t('settlement.payouts.retryConfirm', {
        amount: formatCny(amountFen),
        reason: reason ?? '—',
      })}
      okText={t('settlement.payouts.retry')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: retry.isPending, 'data-testid': 'retry-payout-confirm' }}
      onConfirm={() =>
        retry.mutateAsync(payoutId).then(
          () => void message.success(t('settlement.payouts.retried')),
          (error: unknown) => showError(error),
        )
      }
      onPopupClick={(event) => event.stopPropagation()}
    >
      <Button
        size="small"
        danger
        icon={<RedoOutlined />}
        onClick={(event) => event.stopPropagation()}
        data-testid={`retry-payout-${payoutId}`}
      >
        {t('settlement.payouts.retry')}
      </Button>
    </Popconfirm>
  );
}
