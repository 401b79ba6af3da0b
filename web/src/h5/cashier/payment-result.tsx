import { Button, DotLoading, List, Result } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { formatYuan } from '../../app/money';
import { formatTime } from '../../console/shared/format-time';
import type { CashierPayment } from './cashier-api';
import type { CashierPhase } from './use-cashier-payment';

const resultStatus = {
  succeeded: 'success',
  failed: 'error',
  expired: 'warning',
  cancelled: 'warning',
  pending: 'waiting',
} as const;

/** What the payer sees after paying: the outcome in words, and for a success, a receipt. */
export function PaymentResult({
  phase,
  payment,
  onCheckAgain,
  onPayAgain,
}: {
  phase: CashierPhase;
  payment: CashierPayment | undefined;
  onCheckAgain: () => void;
  /** Store codes only: an order code is paid once. */
  onPayAgain?: () => void;
}) {
  const { t } = useTranslation();

  if (phase === 'polling' || !payment) {
    return (
      <div className="cashier-result" data-testid="cashier-processing">
        <Result
          status="waiting"
          title={
            <>
              {t('cashier.processing')}
              <DotLoading />
            </>
          }
        />
      </div>
    );
  }

  const status = phase === 'unknown' ? 'pending' : payment.status;
  const title = status === 'pending' ? t('cashier.result.unknown') : t(`cashier.result.${status}`);
  const description =
    status === 'pending'
      ? t('cashier.result.unknownHint')
      : status === 'succeeded'
        ? undefined
        : (payment.failureMessage ?? t('cashier.result.failedHint'));

  return (
    <div className="cashier-result" data-testid="cashier-result" data-status={status}>
      <Result status={resultStatus[status]} title={title} description={description} />
      <div className="cashier-result-amount" data-testid="cashier-result-amount">
        ¥{formatYuan(payment.amountFen)}
      </div>
      <List>
        <List.Item extra={payment.storeName}>{t('cashier.result.store')}</List.Item>
        {payment.channel && payment.channel !== 'card' && (
          <List.Item extra={t(`cashier.wallets.${payment.channel}`)}>
            {t('cashier.result.method')}
          </List.Item>
        )}
        {payment.succeededAt && (
          <List.Item extra={formatTime(payment.succeededAt)}>{t('cashier.result.time')}</List.Item>
        )}
        <List.Item
          extra={
            <span style={{ fontSize: 12 }} data-testid="cashier-result-payment-id">
              {payment.paymentId}
            </span>
          }
        >
          {t('cashier.result.paymentId')}
        </List.Item>
      </List>
      <div className="cashier-result-actions">
        {status === 'pending' && (
          <Button block color="primary" onClick={onCheckAgain} data-testid="cashier-check-again">
            {t('cashier.result.checkAgain')}
          </Button>
        )}
        {status !== 'pending' && onPayAgain && (
          <Button
            block
            color={status === 'succeeded' ? 'default' : 'primary'}
            onClick={onPayAgain}
            data-testid="cashier-pay-again"
          >
            {status === 'succeeded' ? t('cashier.result.again') : t('cashier.result.retry')}
          </Button>
        )}
      </div>
    </div>
  );
}
