import { Tag } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { MembershipStatus } from '../../app/api/merchant-types';
import { membershipStatusColor } from '../../app/shell/status-colors';
import { formatTime } from '../../console/shared/format-time';

export function MembershipTag({ status }: { status: MembershipStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={membershipStatusColor[status]}>{t(`portal.markets.membership.${status}`)}</Tag>
  );
}

/** A membership's status and when it was asked for, as the portal's membership tables show them. */
export function useMembershipColumns<
  T extends { status: MembershipStatus; requestedAt: string },
>(): ColumnType<T>[] {
  const { t } = useTranslation();
  return [
    {
      key: 'status',
      title: t('portal.markets.status'),
      render: (_, row) => <MembershipTag status={row.status} />,
    },
    {
      key: 'requestedAt',
      title: t('portal.markets.requestedAt'),
      render: (_, row) => formatTime(row.requestedAt),
    },
  ];
}
