import { Flex, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { optionLabel, useApplicationOptions } from '../../app/api/application-options';
import { labelFor } from '../../app/i18n/labels';
import { emptyLocale } from '../../app/shell/query-table';
import { formatTime } from '../../console/shared/format-time';
import { PagedTable } from '../../console/shared/paged-table';
import { useFarmers } from '../../farmers/farmer-api';
import type { Farmer } from '../../farmers/farmer-types';

/** The purchaser's farmers, newest first, their personal data masked. */
export function FarmersTable() {
  const { t } = useTranslation();
  const farmers = useFarmers();
  const options = useApplicationOptions();
  const columns: ColumnsType<Farmer> = [
    { title: t('farmers.farmers.name'), dataIndex: 'name', width: 100 },
    { title: t('farmers.farmers.idNumber'), dataIndex: 'idNumber', width: 180 },
    {
      title: t('farmers.farmers.accountNumber'),
      dataIndex: 'accountNumber',
      width: 220,
      render: (account: string, farmer) => (
        <Flex gap={4} align="center">
          {account}
          {!farmer.accountLuhnOk && (
            <Tooltip title={t('farmers.farmers.luhnWarning')}>
              <Tag color="orange">!</Tag>
            </Tooltip>
          )}
        </Flex>
      ),
    },
    {
      title: t('farmers.farmers.bank'),
      dataIndex: 'bankCode',
      width: 140,
      render: (code: string) => optionLabel(options.data?.banks, code),
    },
    { title: t('farmers.farmers.region'), dataIndex: 'regionName', width: 200, ellipsis: true },
    {
      title: t('farmers.farmers.mobile'),
      dataIndex: 'mobile',
      width: 130,
      render: (mobile: string | null) => mobile ?? '—',
    },
    {
      title: t('farmers.farmers.status'),
      dataIndex: 'status',
      width: 80,
      render: (status: Farmer['status']) => (
        <Tag color={status === 'active' ? 'green' : 'default'}>
          {labelFor('farmers.farmerStatus', status)}
        </Tag>
      ),
    },
    {
      title: t('farmers.farmers.createdAt'),
      dataIndex: 'createdAt',
      width: 170,
      render: (value: string) => formatTime(value),
    },
  ];
  return (
    <PagedTable<Farmer>
      list={farmers}
      countText={(count) => t('farmers.farmers.shown', { count })}
      loadMoreTestId="farmer-load-more"
      rowKey="id"
      size="middle"
      columns={columns}
      scroll={{ x: 1200 }}
      locale={emptyLocale(t('farmers.farmers.empty'))}
      data-testid="farmer-table"
      onRow={(farmer) => ({ 'data-testid': `farmer-row-${farmer.id}`, style: undefined })}
    />
  );
}
