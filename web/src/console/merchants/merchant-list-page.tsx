import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { hasPermission } from '../../app/auth/permissions';
import { useCurrentMe } from '../../app/auth/use-current-me';
import { QueryError } from '../../app/shell/query-error';
import { formatTime } from '../shared/format-time';
import { kindLabel, RiskTag, StatusTag } from './labels';
import { exportUrl, optionLabel, useApplicationOptions, useMerchantList } from './merchant-api';
import { MerchantFormDrawer } from './merchant-form-drawer';
import { type MerchantSearchFields, MerchantSearchForm, toFilters } from './merchant-search-form';
import type { Merchant } from './types';

const listParams = ['q', 'orgNodeId', 'region', 'mcc', 'kind', 'status', 'riskLevel'] as const;

/** The filters live in the URL, so going back from a merchant returns to the same list. */
function fieldsFromParams(params: URLSearchParams): MerchantSearchFields {
  const split = (value: string | null) => (value ? value.split(',').filter(Boolean) : undefined);
  return {
    q: params.get('q') ?? undefined,
    orgNodeId: params.get('orgNodeId') ?? undefined,
    regionPath: split(params.get('region')),
    mcc: params.get('mcc') ?? undefined,
    kind: params.get('kind') ?? undefined,
    status: split(params.get('status')),
    riskLevel: params.get('riskLevel') ?? undefined,
  };
}

function paramsFromFields(fields: MerchantSearchFields): URLSearchParams {
  const values: Record<(typeof listParams)[number], string | undefined> = {
    q: fields.q?.trim(),
    orgNodeId: fields.orgNodeId,
    region: fields.regionPath?.join(','),
    mcc: fields.mcc,
    kind: fields.kind,
    status: fields.status?.join(','),
    riskLevel: fields.riskLevel,
  };
  const params = new URLSearchParams();
  for (const key of listParams) {
    const value = values[key];
    if (value) params.set(key, value);
  }
  return params;
}

export function MerchantListPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const fields = useMemo(() => fieldsFromParams(searchParams), [searchParams]);
  const filters = useMemo(() => toFilters(fields), [fields]);
  const list = useMerchantList(filters);
  const options = useApplicationOptions();
  const rows = list.data?.pages.flatMap((page) => page.data) ?? [];

  const columns: ColumnsType<Merchant> = [
    {
      title: t('merchants.field.shortName'),
      dataIndex: 'shortName',
      width: 160,
      fixed: 'left',
      render: (name: string | null, merchant) => (
        <Link to={`/console/merchants/${merchant.id}`} data-testid={`merchant-link-${merchant.id}`}>
          {name ?? t('merchants.unnamed')}
        </Link>
      ),
    },
    {
      title: t('merchants.field.registeredName'),
      dataIndex: 'registeredName',
      render: (name: string | null) => name ?? '—',
    },
    {
      title: t('merchants.field.kind'),
      dataIndex: 'kind',
      width: 110,
      render: (kind: string) => kindLabel(kind),
    },
    {
      title: t('merchants.field.status'),
      dataIndex: 'status',
      width: 90,
      render: (status: Merchant['status']) => <StatusTag status={status} />,
    },
    {
      title: t('merchants.field.riskLevel'),
      dataIndex: 'riskLevel',
      width: 80,
      render: (risk: Merchant['riskLevel']) => <RiskTag risk={risk} />,
    },
    {
      title: t('merchants.field.orgNode'),
      key: 'orgNode',
      width: 140,
      render: (_value, merchant) => merchant.orgNode.name || '—',
    },
    {
      title: t('merchants.field.region'),
      dataIndex: 'regionName',
      width: 180,
      render: (name: string | null) => name ?? '—',
    },
    {
      title: t('merchants.field.mcc'),
      dataIndex: 'mcc',
      width: 150,
      render: (mcc: string | null) => optionLabel(options.data?.mccs, mcc, true),
    },
    {
      title: t('merchants.field.activatedAt'),
      dataIndex: 'activatedAt',
      width: 170,
      render: (value: string | null) => formatTime(value),
    },
  ];

  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('merchants.list.title')}
        </Typography.Title>
        <Space>
          {hasPermission(me, 'merchant:export') && (
            <Button
              icon={<DownloadOutlined />}
              href={exportUrl(filters)}
              download
              data-testid="merchant-export"
            >
              {t('merchants.list.export')}
            </Button>
          )}
          {hasPermission(me, 'merchant:write') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="merchant-create"
            >
              {t('merchants.list.create')}
            </Button>
          )}
        </Space>
      </Flex>
      <Card>
        <div style={{ marginBottom: 16 }}>
          <MerchantSearchForm
            initialValues={fields}
            onSearch={(next) => setSearchParams(paramsFromFields(next))}
          />
        </div>
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <>
            <Table<Merchant>
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={rows}
              loading={list.isPending}
              pagination={false}
              data-testid="merchant-table"
              scroll={{ x: 1300 }}
              onRow={(merchant) => ({
                onDoubleClick: () => void navigate(`/console/merchants/${merchant.id}`),
              })}
            />
            <Flex justify="center" align="center" gap={16} style={{ marginTop: 16 }}>
              <Typography.Text type="secondary">
                {t('merchants.list.shown', { count: rows.length })}
              </Typography.Text>
              {list.hasNextPage ? (
                <Button
                  onClick={() => void list.fetchNextPage()}
                  loading={list.isFetchingNextPage}
                  data-testid="merchant-load-more"
                >
                  {t('common.loadMore')}
                </Button>
              ) : (
                rows.length > 0 && (
                  <Typography.Text type="secondary">{t('common.noMore')}</Typography.Text>
                )
              )}
            </Flex>
          </>
        )}
      </Card>
      {creating && (
        <MerchantFormDrawer
          onClose={() => setCreating(false)}
          onSaved={(merchant) => {
            setCreating(false);
            void navigate(`/console/merchants/${merchant.id}`);
          }}
        />
      )}
    </>
  );
}
