import { useTranslation } from 'react-i18next';
import { MobileFrame } from '../mobile-frame';
import { OrderCashierPage } from './order-cashier-page';
import { StoreCashierPage } from './store-cashier-page';

/**
 * Two URLs and no navigation between them, so the path is read directly rather than through
 * a router, which the payer's slow network would have to download for nothing.
 */
function parsePath(pathname: string) {
  const order = /^\/q\/o\/([^/]+)\/?$/.exec(pathname);
  if (order?.[1]) return { kind: 'order', id: decodeURIComponent(order[1]) } as const;
  const store = /^\/q\/([^/]+)\/?$/.exec(pathname);
  if (store?.[1]) return { kind: 'store', id: decodeURIComponent(store[1]) } as const;
  return undefined;
}

export function CashierApp() {
  const { t } = useTranslation();
  const target = parsePath(window.location.pathname);
  if (target?.kind === 'order') return <OrderCashierPage paymentId={target.id} />;
  if (target?.kind === 'store') return <StoreCashierPage code={target.id} />;
  return (
    <MobileFrame title={t('cashier.title')} pageTitle={t('cashier.title')}>
      <div className="cashier-error" style={{ marginTop: 24 }} data-testid="cashier-bad-link">
        <div className="cashier-error-title">{t('cashier.errors.storeNotFound')}</div>
        {t('cashier.errors.storeNotFoundHint')}
      </div>
    </MobileFrame>
  );
}
