import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Result, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { isApiError } from '../../app/api/api-error';
import { hasPermission } from '../../app/auth/permissions';
import { useCurrentMe } from '../../app/auth/use-current-me';
import { QueryError } from '../../app/shell/query-error';
import { usePayment } from '../../payments/payment-api';
import { PaymentDetail } from '../../payments/payment-detail';
import { RefundButton } from '../../payments/refund-button';
import { JournalSection } from './journal-section';

export function PaymentDetailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useCurrentMe();
  const { id = '' } = useParams();
  const payment = usePayment(id);

  const back = (
    <Button
      type="link"
      icon={<ArrowLeftOutlined />}
      style={{ paddingInline: 0 }}
      onClick={() => void navigate(-1)}
    >
      {t('payments.detail.back')}
    </Button>
  );

  if (payment.isError) {
    // Another branch's payment is a 404 too: the page does not tell the two apart.
    if (isApiError(payment.error) && payment.error.status === 404) {
      return (
        <Result
          status="404"
          title={t('payments.detail.notFound')}
          subTitle={t('payments.detail.notFoundHint')}
          extra={back}
        />
      );
    }
    return <QueryError error={payment.error} onRetry={() => void payment.refetch()} />;
  }
  if (payment.isPending) return <Skeleton active />;

  return (
    <Flex vertical gap={16}>
      <div>{back}</div>
      <Card
        title={
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="payment-title">
            {t('payments.detail.title')}
          </Typography.Title>
        }
        extra={hasPermission(me, 'payment:refund') && <RefundButton payment={payment.data} />}
      >
        <PaymentDetail payment={payment.data} showMerchant />
      </Card>
      <Card>
        <JournalSection paymentId={payment.data.id} />
      </Card>
    </Flex>
  );
}
