import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { hasPermission } from '../../app/auth/permissions';
import { useCurrentMe } from '../../app/auth/use-current-me';
import { usePayment } from '../../payments/payment-api';
import { PaymentDetail } from '../../payments/payment-detail';
import { RefundButton } from '../../payments/refund-button';
import { DetailPageFrame } from '../shared/detail-page-frame';
import { JournalSection } from './journal-section';

export function PaymentDetailPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const { id = '' } = useParams();
  const payment = usePayment(id);

  return (
    <DetailPageFrame query={payment} texts="payments.detail">
      {(record, back) => (
        <Flex vertical gap={16}>
          <div>{back}</div>
          <Card
            title={
              <Typography.Title level={3} style={{ margin: 0 }} data-testid="payment-title">
                {t('payments.detail.title')}
              </Typography.Title>
            }
            extra={hasPermission(me, 'payment:refund') && <RefundButton payment={record} />}
          >
            <PaymentDetail payment={record} showMerchant />
          </Card>
          <Card>
            <JournalSection paymentId={record.id} />
          </Card>
        </Flex>
      )}
    </DetailPageFrame>
  );
}
