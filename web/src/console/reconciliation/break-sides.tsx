import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatCny } from '../../app/money';
import { formatTime } from '../shared/format-time';
import type { ReconBreak } from './recon-types';

/** One side of a break: its amount first, the details that identify it below. */
function Side({ amountFen, children }: { amountFen: number; children: ReactNode }) {
  return (
    <Flex vertical gap={2}>
      <Typography.Text strong>{formatCny(amountFen)}</Typography.Text>
      {children}
    </Flex>
  );
}

function Detail({ children }: { children: ReactNode }) {
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {children}
    </Typography.Text>
  );
}

function Missing() {
  const { t } = useTranslation();
  return <Typography.Text type="warning">{t('reconciliation.breaks.missing')}</Typography.Text>;
}

/** The statement's line of a break: its amount, line number, status and the channel's ids. */
export function TheirSide({ reconBreak }: { reconBreak: ReconBreak }) {
  const { t } = useTranslation();
  const theirs = reconBreak.theirs;
  if (!theirs) return <Missing />;
  return (
    <Side amountFen={theirs.amountFen}>
      <Detail>
        {t('reconciliation.breaks.line', { line: theirs.lineNumber })} · {theirs.status}
      </Detail>
      {theirs.channelTransactionId && <Detail>{theirs.channelTransactionId}</Detail>}
      {theirs.channelRefundId && <Detail>{theirs.channelRefundId}</Detail>}
    </Side>
  );
}

/** Our payment or refund of a break: its amount, its status and when it was booked. */
export function OurSide({ reconBreak }: { reconBreak: ReconBreak }) {
  const { t } = useTranslation();
  const ours = reconBreak.ours;
  if (!ours) return <Missing />;
  return (
    <Side amountFen={ours.amountFen}>
      <Detail>
        {ours.status}
        {ours.bookedAt && ` · ${t('reconciliation.breaks.bookedAt')} ${formatTime(ours.bookedAt)}`}
      </Detail>
    </Side>
  );
}

/** Theirs − ours, when both sides exist: what accepting the channel's side would adjust. */
export function BreakDifference({ reconBreak }: { reconBreak: ReconBreak }) {
  if (!reconBreak.theirs || !reconBreak.ours) return <>—</>;
  const differenceFen = reconBreak.theirs.amountFen - reconBreak.ours.amountFen;
  return (
    <Typography.Text
      type={differenceFen === 0 ? 'secondary' : 'danger'}
      data-testid="break-difference"
    >
      {differenceFen > 0 ? '+' : ''}
      {formatCny(differenceFen)}
    </Typography.Text>
  );
}

/**
 * What the break is about: a payment or a refund, by our id when we have the record (a link to
 * the payment, where its refunds are too), else by the channel's.
 */
export function BreakSubject({ reconBreak }: { reconBreak: ReconBreak }) {
  const { t } = useTranslation();
  const ourId = reconBreak.refundId ?? reconBreak.paymentId;
  const channelId = reconBreak.theirs?.channelRefundId ?? reconBreak.theirs?.channelTransactionId;
  return (
    <Detail>
      {t(`reconciliation.subject.${reconBreak.subject}`)}{' '}
      {reconBreak.paymentId && ourId ? (
        <Link
          to={`/console/payments/${encodeURIComponent(reconBreak.paymentId)}`}
          onClick={(event) => event.stopPropagation()}
          data-testid="break-subject"
        >
          {ourId}
        </Link>
      ) : (
        <span data-testid="break-subject">{channelId ?? '—'}</span>
      )}
    </Detail>
  );
}
