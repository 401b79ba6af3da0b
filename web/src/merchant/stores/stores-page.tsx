import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Store } from '../../app/api/merchant-types';
import { QueryTable } from '../../app/shell/query-table';
import { useStores } from '../portal-api';
import { StoreFormModal } from './store-form-modal';

export function StoresPage() {
  const { t } = useTranslation();
  const stores = useStores();
  const [editing, setEditing] = useState<Store | 'new' | null>(null);

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('portal.stores.title')}
        </Typography.Title>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setEditing('new')}
          data-testid="store-add"
        >
          {t('portal.stores.add')}
        </Button>
      </Flex>
      <Card>
        <QueryTable<Store>
          query={stores}
          rowKey="id"
          dataSource={stores.data?.data ?? []}
          scroll={{ x: 720 }}
          data-testid="store-table"
          locale={{ emptyText: t('portal.stores.empty') }}
          columns={[
            { key: 'name', title: t('portal.stores.name'), dataIndex: 'name' },
            {
              key: 'region',
              title: t('portal.stores.region'),
              render: (_, store) => store.regionName ?? store.regionCode,
            },
            { key: 'address', title: t('portal.stores.address'), dataIndex: 'address' },
            { key: 'hours', title: t('portal.stores.hours'), dataIndex: 'hours' },
            {
              key: 'status',
              title: t('portal.stores.status'),
              render: (_, store) => (
                <Tag color={store.status === 'open' ? 'green' : 'default'}>
                  {store.status === 'open' ? t('portal.stores.open') : t('portal.stores.closed')}
                </Tag>
              ),
            },
            {
              key: 'actions',
              title: t('common.actions'),
              width: 96,
              render: (_, store) => (
                <Button
                  size="small"
                  icon={<EditOutlined />}
                  onClick={() => setEditing(store)}
                  data-testid={`store-edit-${store.id}`}
                >
                  {t('common.edit')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      {editing && (
        <StoreFormModal
          store={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
