import type { ColumnType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { Payment } from '../app/api/payment-types';
import { formatCny } from '../app/money';
import { formatTime } from '../console/shared/format-time';
import { channelLabel, methodLabel, PaymentStatusTag } from './labels';

/** The amount as a row shows it, tested by `payment-row-amount`. */
export const amountCell = (fen: number) => (
  <span data-testid="payment-row-amount">{formatCny(fen)}</span>
);

/** The columns the portal's live list and the console's search both show. */
export function usePaymentColumns() {
  const { t } = useTranslation();
  const time: ColumnType<Payment> = {
    title: t('payments.field.createdAt'),
    dataIndex: 'createdAt',
    width: 170,
    render: (value: string) => formatTime(value),
  };
  const merchant: ColumnType<Payment> = {
    title: t('payments.field.merchant'),
    dataIndex: 'merchantName',
    width: 160,
    ellipsis: true,
    render: (name: string | null, payment) => name ?? payment.merchantId,
  };
  const store: ColumnType<Payment> = {
    title: t('payments.field.store'),
    dataIndex: 'storeName',
    width: 140,
    ellipsis: true,
    render: (name: string | null, payment) => name ?? payment.storeId,
  };
  const amount: ColumnType<Payment> = {
    title: t('payments.field.amount'),
    dataIndex: 'amountFen',
    align: 'right',
    width: 120,
    render: (fen: number) => amountCell(fen),
  };
  const channel: ColumnType<Payment> = {
    title: t('payments.field.channel'),
    dataIndex: 'channel',
    width: 100,
    render: (code: Payment['channel']) => channelLabel(code),
  };
  const method: ColumnType<Payment> = {
    title: t('payments.field.method'),
    dataIndex: 'method',
    width: 90,
    render: (code: Payment['method']) => methodLabel(code),
  };
  const status: ColumnType<Payment> = {
    title: t('payments.field.status'),
    dataIndex: 'status',
    width: 100,
    render: (code: Payment['status']) => <PaymentStatusTag status={code} />,
  };
  const reference: ColumnType<Payment> = {
    title: t('payments.field.orderReference'),
    dataIndex: 'orderReference',
    width: 160,
    ellipsis: true,
    render: (value: string | null) => value ?? '—',
  };
  return { time, merchant, store, amount, channel, method, status, reference };
}
