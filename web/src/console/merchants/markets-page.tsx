import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Select, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { marketKinds } from '../../app/api/merchant-types';
import { hasPermission } from '../../app/auth/permissions';
import { useCurrentMe } from '../../app/auth/use-current-me';
import { formatTime } from '../shared/format-time';
import { PagedTable } from '../shared/paged-table';
import { formatBasisPoints, marketKindLabel, marketStatusLabel } from './labels';
import { MarketDetailDrawer } from './market-detail-drawer';
import { MarketFormModal } from './market-form-modal';
import { useMarketList } from './merchant-api';
import type { Market } from './types';

export function MarketsPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const [searchParams, setSearchParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const [filters, setFilters] = useState<{ kind?: string; status?: string }>({});
  const list = useMarketList(filters);
  // The open market lives in the URL, so a merchant's markets tab can link straight to it.
  const openId = searchParams.get('open') ?? undefined;
  const open = (id: string | undefined) =>
    setSearchParams(id ? { open: id } : {}, { replace: !id });

  const columns: ColumnsType<Market> = [
    {
      title: t('merchants.markets.name'),
      dataIndex: 'name',
      render: (name: string, market) => (
        <Typography.Link onClick={() => open(market.id)} data-testid={`market-open-${market.id}`}>
          {name}
        </Typography.Link>
      ),
    },
    {
      title: t('merchants.markets.kind'),
      dataIndex: 'kind',
      width: 110,
      render: (kind: string) => marketKindLabel(kind),
    },
    {
      title: t('merchants.markets.operator'),
      key: 'operator',
      render: (_value, market) => (
        <Link to={`/console/merchants/${market.operator.id}`}>
          {market.operator.shortName ?? market.operator.id}
        </Link>
      ),
    },
    {
      title: t('merchants.markets.commission'),
      dataIndex: 'commissionBp',
      width: 130,
      render: (bp: number) => `${formatBasisPoints(bp)}（${bp} bp）`,
    },
    {
      title: t('merchants.markets.memberCount'),
      dataIndex: 'memberCount',
      width: 100,
      align: 'right',
    },
    {
      title: t('merchants.field.status'),
      dataIndex: 'status',
      width: 90,
      render: (status: string) => (
        <Tag color={status === 'open' ? 'green' : 'default'}>{marketStatusLabel(status)}</Tag>
      ),
    },
    {
      title: t('merchants.field.createdAt'),
      dataIndex: 'createdAt',
      width: 170,
      render: (value: string) => formatTime(value),
    },
  ];

  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('merchants.markets.title')}
        </Typography.Title>
        {hasPermission(me, 'market:write') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="market-create"
          >
            {t('merchants.markets.create')}
          </Button>
        )}
      </Flex>
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Select
            allowClear
            placeholder={t('merchants.markets.kind')}
            style={{ width: 140 }}
            value={filters.kind}
            onChange={(kind?: string) => setFilters((current) => ({ ...current, kind }))}
            options={marketKinds.map((kind) => ({ value: kind, label: marketKindLabel(kind) }))}
          />
          <Select
            allowClear
            placeholder={t('merchants.field.status')}
            style={{ width: 120 }}
            value={filters.status}
            onChange={(status?: string) => setFilters((current) => ({ ...current, status }))}
            options={(['open', 'closed'] as const).map((status) => ({
              value: status,
              label: marketStatusLabel(status),
            }))}
          />
        </Flex>
        <PagedTable<Market>
          list={list}
          rowKey="id"
          size="middle"
          columns={columns}
          data-testid="market-table"
          scroll={{ x: 'max-content' }}
        />
      </Card>
      {creating && (
        <MarketFormModal
          onClose={() => setCreating(false)}
          onSaved={(market) => {
            setCreating(false);
            open(market.id);
          }}
        />
      )}
      {openId && <MarketDetailDrawer marketId={openId} onClose={() => open(undefined)} />}
    </>
  );
}
