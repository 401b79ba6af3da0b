import { Descriptions, Flex, Statistic, Typography } from 'antd';
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
  const optional = (key: string, value: string | null | undefined) =>
    value ? [{ key, label: field(key), children: value }] : [];

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
          { key: 'amount', label: field('amount'), children: formatCny(payment.amountFen) },
          { key: 'fee', label: field('fee'), children: formatCny(payment.feeFen) },
          {
            key: 'commission',
            label: field('commission'),
            children: formatCny(payment.commissionFen),
          },
          { key: 'net', label: field('net'), children: formatCny(payment.netFen) },
          { key: 'refunded', label: field('refunded'), children: formatCny(payment.refundedFen) },
          ...(payment.refundingFen
            ? [
                {
                  key: 'refunding',
                  label: field('refunding'),
                  children: formatCny(payment.refundingFen),
                },
              ]
            : []),
          {
            key: 'refundable',
            label: field('refundable'),
            children: formatCny(payment.refundableFen),
          },
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
          ...(showMerchant
            ? [
                {
                  key: 'merchant',
                  label: field('merchant'),
                  children: payment.merchantName ?? payment.merchantId,
                },
              ]
            : []),
          { key: 'store', label: field('store'), children: payment.storeName ?? payment.storeId },
          { key: 'channel', label: field('channel'), children: channelLabel(payment.channel) },
          { key: 'method', label: field('method'), children: methodLabel(payment.method) },
          ...(payment.card
            ? [
                {
                  key: 'card',
                  label: field('card'),
                  children: [
                    payment.card.masked,
                    payment.card.cardType && cardTypeLabel(payment.card.cardType),
                  ]
                    .filter(Boolean)
                    .join(' · '),
                },
              ]
            : []),
          ...optional('terminalId', payment.terminalId),
          ...optional('orderReference', payment.orderReference),
          ...optional('channelTransactionId', payment.channelTransactionId),
          ...optional('description', payment.description),
          { key: 'createdAt', label: field('createdAt'), children: formatTime(payment.createdAt) },
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
