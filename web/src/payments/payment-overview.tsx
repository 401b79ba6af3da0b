import { Descriptions, Flex, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Payment } from '../app/api/payment-types';
import { formatCny } from '../app/money';
import { formatTime } from '../console/shared/format-time';
import { cardTypeLabel, channelLabel, methodLabel, PaymentStatusTag } from './labels';

/**
 * A payment's figures and facts, the same in the portal's drawer and the console's page. Staff
 * also see whose payment it is (`showMerchant`); a merchant knows.
 */
export function PaymentOverview({
  payment,
  showMerchant = false,
}: {
  payment: Payment;
  showMerchant?: boolean;
}) {
  const { t } = useTranslation();
  const field = (key: string) => t(`payments.field.${key}` as 'payments.field.id');
  // Each fact is labelled by its own field name; a missing one is left out, not shown empty.
  const item = (key: string, children: ReactNode) => ({ key, label: field(key), children });
  const optional = (key: string, value: string | null | undefined) =>
    value ? [item(key, value)] : [];

  return (
    <Flex vertical gap={16}>
      <Flex align="center" gap={24} wrap>
        <Statistic
          title={field('amount')}
          value={formatCny(payment.amountFen)}
          data-testid="payment-amount"
        />
        <Statistic title={field('net')} value={formatCny(payment.netFen)} />
        <PaymentStatusTag status={payment.status} />
      </Flex>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, sm: 2 }}
        title={t('payments.detail.amounts')}
        items={[
          item('amount', formatCny(payment.amountFen)),
          item('fee', formatCny(payment.feeFen)),
          item('commission', formatCny(payment.commissionFen)),
          item('net', formatCny(payment.netFen)),
          item('refunded', formatCny(payment.refundedFen)),
          ...optional('refunding', payment.refundingFen ? formatCny(payment.refundingFen) : null),
          item('refundable', formatCny(payment.refundableFen)),
        ]}
      />
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, sm: 2 }}
        title={t('payments.detail.info')}
        items={[
          {
            key: 'id',
            label: field('id'),
            span: 2,
            children: <Typography.Text copyable>{payment.id}</Typography.Text>,
          },
          ...optional(
            'merchant',
            showMerchant ? (payment.merchantName ?? payment.merchantId) : null,
          ),
          item('store', payment.storeName ?? payment.storeId),
          item('channel', channelLabel(payment.channel)),
          item('method', methodLabel(payment.method)),
          ...optional(
            'card',
            payment.card &&
              [payment.card.masked, payment.card.cardType && cardTypeLabel(payment.card.cardType)]
                .filter(Boolean)
                .join(' · '),
          ),
          ...optional('terminalId', payment.terminalId),
          ...optional('orderReference', payment.orderReference),
          ...optional('channelTransactionId', payment.channelTransactionId),
          ...optional('description', payment.description),
          item('createdAt', formatTime(payment.createdAt)),
          ...optional('succeededAt', payment.succeededAt && formatTime(payment.succeededAt)),
          ...optional(
            'expiresAt',
            payment.status === 'pending' && payment.expiresAt
              ? formatTime(payment.expiresAt)
              : null,
          ),
          ...optional('failure', payment.failureMessage),
        ]}
      />
    </Flex>
  );
}
