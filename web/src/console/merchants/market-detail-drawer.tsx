import { EditOutlined } from '@ant-design/icons';
import {
  Button,
  Descriptions,
  Drawer,
  Empty,
  Flex,
  Skeleton,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { optionLabel, useApplicationOptions } from '../../app/api/application-options';
import type { BuyerMember, MarketMember, MembershipStatus } from '../../app/api/merchant-types';
import { hasPermission } from '../../app/auth/permissions';
import { useCurrentMe } from '../../app/auth/use-current-me';
import { QueryError } from '../../app/shell/query-error';
import { membershipStatusColor } from '../../app/shell/status-colors';
import { formatTime } from '../shared/format-time';
import {
  formatBasisPoints,
  marketKindLabel,
  marketStatusLabel,
  membershipStatusLabel,
  StatusTag,
} from './labels';
import { MarketFormModal } from './market-form-modal';
import { useMarket, useMarketBuyers } from './merchant-api';

/** A market with its member merchants (requests included) and its buyer members. */
export function MarketDetailDrawer({
  marketId,
  onClose,
}: {
  marketId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const market = useMarket(marketId);
  const [editing, setEditing] = useState(false);
  const data = market.data;

  return (
    <Drawer
      open
      size={860}
      title={data?.name ?? t('merchants.markets.detail')}
      onClose={onClose}
      data-testid="market-detail"
      extra={
        data &&
        hasPermission(me, 'market:write') && (
          <Button
            icon={<EditOutlined />}
            onClick={() => setEditing(true)}
            data-testid="market-edit"
          >
            {t('common.edit')}
          </Button>
        )
      }
    >
      {market.isError && <QueryError error={market.error} onRetry={() => void market.refetch()} />}
      {market.isPending && <Skeleton active />}
      {data && (
        <Flex vertical gap={16}>
          <Descriptions
            bordered
            size="small"
            column={2}
            items={[
              {
                key: 'kind',
                label: t('merchants.markets.kind'),
                children: marketKindLabel(data.kind),
              },
              {
                key: 'status',
                label: t('merchants.field.status'),
                children: (
                  <Tag color={data.status === 'open' ? 'green' : 'default'}>
                    {marketStatusLabel(data.status)}
                  </Tag>
                ),
              },
              {
                key: 'operator',
                label: t('merchants.markets.operator'),
                children: (
                  <Link to={`/console/merchants/${data.operator.id}`}>
                    {data.operator.shortName ?? data.operator.id}
                  </Link>
                ),
              },
              {
                key: 'commission',
                label: t('merchants.markets.commission'),
                children: `${formatBasisPoints(data.commissionBp)}（${data.commissionBp} bp）`,
              },
              {
                key: 'members',
                label: t('merchants.markets.memberCount'),
                children: data.memberCount,
              },
              {
                key: 'pending',
                label: t('merchants.markets.pendingRequests'),
                children: data.pendingRequests,
              },
              {
                key: 'buyers',
                label: t('merchants.markets.buyerCount'),
                children: data.buyerCount,
              },
              {
                key: 'createdAt',
                label: t('merchants.field.createdAt'),
                children: formatTime(data.createdAt),
              },
            ]}
          />
          <Tabs
            items={[
              {
                key: 'members',
                label: `${t('merchants.markets.members')} (${data.members.length})`,
                children: <MembersTable members={data.members} />,
              },
              {
                key: 'buyers',
                label: `${t('merchants.markets.buyers')} (${data.buyerCount})`,
                children: <BuyersTable marketId={data.id} />,
              },
            ]}
          />
        </Flex>
      )}
      {editing && data && (
        <MarketFormModal
          market={data}
          onClose={() => setEditing(false)}
          onSaved={() => setEditing(false)}
        />
      )}
    </Drawer>
  );
}

function MembersTable({ members }: { members: MarketMember[] }) {
  const { t } = useTranslation();
  return (
    <Table<MarketMember>
      rowKey="membershipId"
      size="small"
      dataSource={members}
      pagination={members.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      data-testid="market-members"
      locale={{ emptyText: <Empty description={t('merchants.markets.noMembers')} /> }}
      columns={[
        {
          title: t('merchants.markets.member'),
          key: 'merchant',
          render: (_value, member) => (
            <Link to={`/console/merchants/${member.merchant.id}`}>
              {member.merchant.shortName ?? member.merchant.id}
            </Link>
          ),
        },
        {
          title: t('merchants.markets.merchantStatus'),
          key: 'merchantStatus',
          render: (_value, member) => <StatusTag status={member.merchant.status} />,
        },
        {
          title: t('merchants.markets.membership'),
          dataIndex: 'status',
          render: (status: MembershipStatus) => (
            <Tag color={membershipStatusColor[status]}>{membershipStatusLabel(status)}</Tag>
          ),
        },
        {
          title: t('merchants.markets.requestedAt'),
          dataIndex: 'requestedAt',
          render: (value: string) => formatTime(value),
        },
        {
          title: t('merchants.markets.decidedAt'),
          dataIndex: 'decidedAt',
          render: (value: string | null) => formatTime(value),
        },
      ]}
    />
  );
}

function BuyersTable({ marketId }: { marketId: string }) {
  const { t } = useTranslation();
  const buyers = useMarketBuyers(marketId);
  const options = useApplicationOptions();
  if (buyers.isError)
    return <QueryError error={buyers.error} onRetry={() => void buyers.refetch()} />;
  const rows = buyers.data?.pages.flatMap((page) => page.data) ?? [];
  return (
    <>
      <Table<BuyerMember>
        rowKey="id"
        size="small"
        loading={buyers.isPending}
        dataSource={rows}
        pagination={false}
        data-testid="market-buyers"
        locale={{ emptyText: <Empty description={t('merchants.markets.noBuyers')} /> }}
        columns={[
          { title: t('merchants.markets.buyerName'), dataIndex: 'name' },
          { title: t('merchants.markets.idNumber'), dataIndex: 'idNumber' },
          {
            title: t('merchants.markets.accountNumber'),
            key: 'account',
            render: (_value, buyer) => (
              <span>
                {buyer.accountNumber}{' '}
                {!buyer.accountLuhnOk && (
                  <Tag color="warning">{t('merchants.flag.account_luhn_failed')}</Tag>
                )}
              </span>
            ),
          },
          {
            title: t('merchants.field.settlementBankCode'),
            dataIndex: 'bankCode',
            render: (code: string) => optionLabel(options.data?.banks, code),
          },
          {
            title: t('merchants.markets.registeredAt'),
            dataIndex: 'createdAt',
            render: (value: string) => formatTime(value),
          },
        ]}
      />
      {buyers.hasNextPage && (
        <Flex justify="center" style={{ marginTop: 12 }}>
          <Button onClick={() => void buyers.fetchNextPage()} loading={buyers.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </Flex>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('merchants.markets.buyersHint')}
      </Typography.Paragraph>
    </>
  );
}
