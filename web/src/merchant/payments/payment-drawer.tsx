import { Drawer, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrentMe } from '../../app/auth/use-current-me';
import { QueryError } from '../../app/shell/query-error';
import { usePayment } from '../../payments/payment-api';
import { PaymentDetail } from '../../payments/payment-detail';
import { RefundButton } from '../../payments/refund-button';
import { hasPortalPermission } from '../portal-permissions';

/** One payment of the live list; the list's polling keeps it current while it is open. */
export function PaymentDrawer({ paymentId, onClose }: { paymentId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const payment = usePayment(paymentId);

  return (
    <Drawer
      open
      size={720}
      title={t('payments.detail.title')}
      onClose={onClose}
      extra={
        payment.data &&
        hasPortalPermission(me, 'portal:refund') && <RefundButton payment={payment.data} />
      }
      data-testid="payment-drawer"
    >
      {payment.isError && (
        <QueryError error={payment.error} onRetry={() => void payment.refetch()} />
      )}
      {payment.isPending && <Skeleton active />}
      {payment.data && <PaymentDetail payment={payment.data} />}
    </Drawer>
  );
}
