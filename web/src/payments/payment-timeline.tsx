import { Timeline, type TimelineProps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Payment, Refund } from '../app/api/payment-types';
import { formatCny } from '../app/money';
import { formatTime } from '../console/shared/format-time';

type TimelineItem = NonNullable<TimelineProps['items']>[number];

interface Step {
  at: string;
  color: TimelineItem['color'];
  text: string;
  detail?: string | null;
  loading?: boolean;
}

/**
 * What happened to a payment, oldest first: its creation, how it ended (or that it still waits
 * for the payer), then each refund's request and outcome. The API keeps no event list, so the
 * steps come from the timestamps the payment and its refunds carry.
 */
export function PaymentTimeline({ payment, refunds }: { payment: Payment; refunds: Refund[] }) {
  const { t } = useTranslation();
  const steps: Step[] = [
    { at: payment.createdAt, color: 'blue', text: t('payments.timeline.created') },
  ];

  if (payment.status === 'succeeded' && payment.succeededAt) {
    steps.push({ at: payment.succeededAt, color: 'green', text: t('payments.timeline.succeeded') });
  } else if (payment.status === 'failed') {
    steps.push({
      at: payment.updatedAt,
      color: 'red',
      text: t('payments.timeline.failed'),
      detail: payment.failureMessage,
    });
  } else if (payment.status === 'expired' || payment.status === 'cancelled') {
    steps.push({
      at:
        payment.status === 'expired' ? (payment.expiresAt ?? payment.updatedAt) : payment.updatedAt,
      color: 'gray',
      text: t(`payments.timeline.${payment.status}`),
    });
  }

  for (const refund of refunds) {
    const amount = formatCny(refund.amountFen);
    steps.push({
      at: refund.createdAt,
      color: 'blue',
      text: t('payments.timeline.refundRequested', { amount }),
      detail: refund.reason,
      loading: refund.status === 'pending',
    });
    if (refund.closedAt && refund.status !== 'pending') {
      steps.push({
        at: refund.closedAt,
        color: refund.status === 'succeeded' ? 'green' : 'red',
        text: t(
          refund.status === 'succeeded'
            ? 'payments.timeline.refundSucceeded'
            : 'payments.timeline.refundFailed',
          { amount },
        ),
        detail: refund.failureMessage,
      });
    }
  }
  // ISO instants of one zone sort as strings.
  steps.sort((a, b) => a.at.localeCompare(b.at));

  const items: TimelineItem[] = steps.map((step, index) => ({
    key: `${step.at}-${index}`,
    color: step.color,
    loading: step.loading,
    content: (
      <>
        <Typography.Text>{step.text}</Typography.Text>
        <br />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatTime(step.at)}
          {step.detail ? ` · ${step.detail}` : ''}
        </Typography.Text>
      </>
    ),
  }));
  if (payment.status === 'pending') {
    items.push({ key: 'awaiting', loading: true, content: t('payments.timeline.awaiting') });
  }
  return <Timeline items={items} data-testid="payment-timeline" />;
}
