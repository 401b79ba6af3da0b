import { useQuery } from '@tanstack/react-query';
import { Button, DotLoading, Result, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { formatYuan } from '../../app/money';
import { formatTime } from '../../console/shared/format-time';
import { MobileFrame } from '../mobile-frame';
import { type CashierOrder, cashierApi } from './cashier-api';
import { CashierCheckout } from './cashier-checkout';
import { LoadFailure } from './load-failure';
import { PayError } from './pay-error';
import { PayeeCard } from './payee-card';
import { useCashierPayment } from './use-cashier-payment';
import { useWalletChoice } from './use-wallet-choice';
import { WalletPicker } from './wallet-picker';

/** Why an order code cannot be paid any more, or undefined while it can. */
function closedState(order: CashierOrder): 'paid' | 'expired' | 'closed' | undefined {
  if (order.status === 'succeeded') return 'paid';
  if (order.status === 'expired') return 'expired';
  if (order.status !== 'pending') return 'closed';
  // The page may sit open past the expiry; the server would refuse, so say it first.
  if (order.expiresAt && Date.parse(order.expiresAt) <= Date.now()) return 'expired';
  return undefined;
}

/** An order's dynamic code (/q/o/<paymentId>): the merchant fixed the amount, the payer pays it. */
export function OrderCashierPage({ paymentId }: { paymentId: string }) {
  const { t } = useTranslation();
  const order = useQuery({
    queryKey: ['cashier-order', paymentId],
    queryFn: () => cashierApi.order(paymentId),
  });
  const { detected, wallet, pick } = useWalletChoice();
  const flow = useCashierPayment((request, key) => cashierApi.payOrder(paymentId, request, key));

  const body = () => {
    if (order.isPending) {
      return (
        <div style={{ padding: 48, textAlign: 'center' }}>
          <DotLoading />
        </div>
      );
    }
    if (order.isError) {
      return (
        <LoadFailure
          error={order.error}
          notFoundTitle={t('cashier.errors.orderNotFound')}
          notFoundHint={t('cashier.errors.orderNotFoundHint')}
          onRetry={() => void order.refetch()}
        />
      );
    }
    const data = order.data;
    const closed = flow.phase === 'idle' ? closedState(data) : undefined;
    const amount = formatYuan(data.amountFen);
    return (
      <>
        <PayeeCard storeName={data.storeName} merchantName={data.merchantName} />
        {closed ? (
          <div className="cashier-result" data-testid="cashier-order-closed" data-state={closed}>
            <Result
              status={closed === 'paid' ? 'success' : 'warning'}
              title={t(`cashier.order.${closed}Title`)}
              description={t(`cashier.order.${closed}Hint`)}
            />
            <div className="cashier-result-amount">¥{amount}</div>
          </div>
        ) : (
          <CashierCheckout
            flow={flow}
            wallet={wallet}
            amountFen={data.amountFen}
            storeName={data.storeName}
          >
            <div className="cashier-amount">
              <div className="cashier-amount-label">{t('cashier.amountLabel')}</div>
              <div className="cashier-amount-value" data-testid="cashier-amount">
                <span className="currency">¥</span>
                {amount}
              </div>
              <div className="cashier-meta">
                {data.description && (
                  <div data-testid="cashier-order-description">
                    {t('cashier.order.description')}：{data.description}
                  </div>
                )}
                {data.expiresAt && (
                  <div data-testid="cashier-order-expiry">
                    {t('cashier.order.expiresAt', { time: formatTime(data.expiresAt) })}
                  </div>
                )}
              </div>
            </div>
            <WalletPicker
              detected={detected}
              value={wallet}
              onChange={pick}
              accepted={data.channels}
            />
            <PayError error={flow.phase === 'idle' ? flow.error : undefined} />
            <div className="h5-footer" style={{ marginTop: 'auto' }}>
              <Button
                block
                color="primary"
                size="large"
                loading={flow.phase === 'creating'}
                onClick={() => {
                  if (!wallet) Toast.show({ content: t('cashier.chooseWalletFirst') });
                  else void flow.pay(wallet);
                }}
                data-testid="cashier-pay"
              >
                {t('cashier.payAmount', { amount })}
              </Button>
            </div>
          </CashierCheckout>
        )}
      </>
    );
  };

  return (
    <MobileFrame title={t('cashier.title')} pageTitle={t('cashier.title')}>
      {body()}
    </MobileFrame>
  );
}
