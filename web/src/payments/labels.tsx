import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PaymentStatus, RefundStatus } from '../app/api/payment-types';
import { labelFor } from '../app/i18n/labels';
import { paymentStatusColor, refundStatusColor } from '../app/shell/status-colors';

// Codes from the server get a translated label; a code the UI has not learned yet shows as is.
export const channelLabel = (channel: string | null) =>
  channel ? labelFor('payments.channel', channel) : '—';
export const methodLabel = (method: string) => labelFor('payments.method', method);
export const paymentStatusLabel = (status: string) => labelFor('payments.status', status);
export const refundStatusLabel = (status: string) => labelFor('payments.refundStatus', status);
export const cardTypeLabel = (cardType: string) => labelFor('payments.cardType', cardType);
export const accountKindLabel = (kind: string) => labelFor('payments.accountKind', kind);

export function PaymentStatusTag({ status }: { status: PaymentStatus }) {
  // Subscribing to the language re-renders the tag when it changes.
  useTranslation();
  return (
    <Tag color={paymentStatusColor[status] ?? 'default'} data-status={status}>
      {paymentStatusLabel(status)}
    </Tag>
  );
}

export function RefundStatusTag({ status }: { status: RefundStatus }) {
  useTranslation();
  return (
    <Tag color={refundStatusColor[status] ?? 'default'} data-status={status}>
      {refundStatusLabel(status)}
    </Tag>
  );
}
