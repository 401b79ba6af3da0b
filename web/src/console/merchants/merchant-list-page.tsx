import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { optionLabel, useApplicationOptions } from '../../app/api/application-options';
import type { Merchant } from '../../app/api/merchant-types';
import { hasPermission } from '../../app/auth/permissions';
import { useCurrentMe } from '../../app/auth/use-current-me';
import { formatTime } from '../shared/format-time';
import { PagedTable } from '../shared/paged-table';
import { RiskTag, StatusTag } from './labels';
import { exportUrl, useMerchantList } from './merchant-api';
import { useMerchantColumns } from './merchant-columns';
import { MerchantFormDrawer } from './merchant-form-drawer';
import { type MerchantSearchFields, MerchantSearchForm, toFilters } from './merchant-search-form';

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
  const shared = useMerchantColumns('merchant-link');

  const columns: ColumnsType<Merchant> = [
    shared.name,
    {
      title: t('merchants.field.registeredName'),
      dataIndex: 'registeredName',
      render: (name: string | null) => name ?? '—',
    },
    shared.kind,
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
    shared.orgNode,
    shared.region(180),
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
        <PagedTable<Merchant>
          list={list}
          countText={(count) => t('merchants.list.shown', { count })}
          loadMoreTestId="merchant-load-more"
          rowKey="id"
          size="middle"
          columns={columns}
          data-testid="merchant-table"
          scroll={{ x: 1300 }}
          onRow={(merchant) => ({
            onDoubleClick: () => void navigate(`/console/merchants/${merchant.id}`),
          })}
        />
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
