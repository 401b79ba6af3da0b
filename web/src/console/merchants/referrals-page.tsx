import { ArrowRightOutlined } from '@ant-design/icons';
import { Card, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatTime } from '../shared/format-time';
import { PagedTable } from '../shared/paged-table';
import { StatusTag } from './labels';
import { useReferrals } from './merchant-api';
import type { Referral } from './types';

/** Who brought in whom: one row per referred merchant of the caller's scope, newest first. */
export function ReferralsPage() {
  const { t } = useTranslation();
  const list = useReferrals();

  const columns: ColumnsType<Referral> = [
    {
      title: t('merchants.referrals.referrer'),
      key: 'referrer',
      render: (_value, row) => (
        <Link to={`/console/merchants/${row.referrer.id}`}>
          {row.referrer.shortName ?? row.referrer.id}
        </Link>
      ),
    },
    {
      title: t('merchants.field.referralCode'),
      key: 'code',
      width: 140,
      render: (_value, row) =>
        row.referrer.referralCode ? (
          <Typography.Text code>{row.referrer.referralCode}</Typography.Text>
        ) : (
          '—'
        ),
    },
    {
      key: 'arrow',
      width: 40,
      render: () => <ArrowRightOutlined style={{ color: '#999' }} />,
    },
    {
      title: t('merchants.referrals.referred'),
      key: 'referred',
      render: (_value, row) => (
        <Link to={`/console/merchants/${row.referred.id}`}>
          {row.referred.shortName ?? row.referred.id}
        </Link>
      ),
    },
    {
      title: t('merchants.field.status'),
      key: 'status',
      width: 100,
      render: (_value, row) => <StatusTag status={row.referred.status} />,
    },
    {
      title: t('merchants.field.activatedAt'),
      key: 'activatedAt',
      width: 170,
      render: (_value, row) => formatTime(row.referred.activatedAt),
    },
  ];

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 16 }}>
        {t('merchants.referrals.title')}
      </Typography.Title>
      <Card>
        <Typography.Paragraph type="secondary">
          {t('merchants.referrals.hint')}
        </Typography.Paragraph>
        <PagedTable<Referral>
          list={list}
          rowKey={(row) => row.referred.id}
          size="middle"
          columns={columns}
          data-testid="referral-table"
        />
      </Card>
    </>
  );
}
