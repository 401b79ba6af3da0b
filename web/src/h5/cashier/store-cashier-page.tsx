import { useQuery } from '@tanstack/react-query';
import { DotLoading, NumberKeyboard, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseYuanToFen } from '../../app/money';
import { MobileFrame } from '../mobile-frame';
import { AmountDisplay } from './amount-display';
import { pressKey } from './amount-input';
import { cashierApi } from './cashier-api';
import { CashierCheckout } from './cashier-checkout';
import { LoadFailure } from './load-failure';
import { PayError } from './pay-error';
import { PayeeCard } from './payee-card';
import { useCashierPayment } from './use-cashier-payment';
import { useWalletChoice } from './use-wallet-choice';
import { WalletPicker } from './wallet-picker';

/** A store's static code (/q/<code>): the payer types the amount and pays. */
export function StoreCashierPage({ code }: { code: string }) {
  const { t } = useTranslation();
  const store = useQuery({
    queryKey: ['cashier-store', code],
    queryFn: () => cashierApi.store(code),
  });
  const { detected, wallet, pick } = useWalletChoice();
  const [text, setText] = useState('');
  const flow = useCashierPayment((request, key) => cashierApi.payStore(code, request, key));
  const amountFen = parseYuanToFen(text) ?? 0;

  const submit = () => {
    if (amountFen < 1) {
      Toast.show({ content: t('cashier.amountTooSmall') });
      return;
    }
    if (!wallet) {
      Toast.show({ content: t('cashier.chooseWalletFirst') });
      return;
    }
    void flow.pay(wallet, amountFen);
  };

  const payAgain = () => {
    setText('');
    flow.reset();
  };

  return (
    <MobileFrame title={t('cashier.title')} pageTitle={t('cashier.title')}>
      {store.isPending ? (
        <div style={{ padding: 48, textAlign: 'center' }}>
          <DotLoading />
        </div>
      ) : store.isError ? (
        <LoadFailure
          error={store.error}
          notFoundTitle={t('cashier.errors.storeNotFound')}
          notFoundHint={t('cashier.errors.storeNotFoundHint')}
          onRetry={() => void store.refetch()}
        />
      ) : (
        <>
          <PayeeCard storeName={store.data.storeName} merchantName={store.data.merchantName} />
          <CashierCheckout
            flow={flow}
            wallet={wallet}
            amountFen={amountFen}
            storeName={store.data.storeName}
            onPayAgain={payAgain}
          >
            <AmountDisplay text={text} />
            <WalletPicker
              detected={detected}
              value={wallet}
              onChange={pick}
              accepted={store.data.channels}
            />
            <PayError error={flow.phase === 'idle' ? flow.error : undefined} />
            <div className="cashier-keypad-space" />
            <NumberKeyboard
              className="cashier-keypad"
              visible={flow.phase === 'idle' || flow.phase === 'creating'}
              customKey="."
              showCloseButton={false}
              closeOnConfirm={false}
              // The keypad's confirm column is narrow; the amount is already large above it.
              confirmText={t('cashier.pay')}
              onInput={(key) => setText((current) => pressKey(current, key))}
              onDelete={() => setText((current) => pressKey(current, 'BACKSPACE'))}
              onConfirm={flow.phase === 'idle' ? submit : undefined}
              data-testid="cashier-keypad"
            />
          </CashierCheckout>
        </>
      )}
    </MobileFrame>
  );
}
