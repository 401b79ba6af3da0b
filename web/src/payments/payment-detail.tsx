import { Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Payment } from '../app/api/payment-types';
import { DetailSection } from './detail-section';
import { usePaymentRefunds } from './payment-api';
import { PaymentOverview } from './payment-overview';
import { PaymentTimeline } from './payment-timeline';
import { RefundsTable } from './refunds-table';

/**
 * Everything about one payment that the portal's drawer and the console's page both show: its
 * figures, its history and its refunds. The console adds the journal below.
 */
export function PaymentDetail({
  payment,
  showMerchant = false,
}: {
  payment: Payment;
  showMerchant?: boolean;
}) {
  const { t } = useTranslation();
  const refunds = usePaymentRefunds(payment.id);
  return (
    <Flex vertical gap={24}>
      <PaymentOverview payment={payment} showMerchant={showMerchant} />
      <DetailSection id="payment-timeline-title" title={t('payments.detail.timeline')}>
        <PaymentTimeline payment={payment} refunds={refunds.data ?? []} />
      </DetailSection>
      <DetailSection id="payment-refunds-title" title={t('payments.detail.refunds')}>
        <RefundsTable refunds={refunds.data ?? []} query={refunds} />
      </DetailSection>
    </Flex>
  );
}
