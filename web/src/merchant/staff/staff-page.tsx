import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Popconfirm, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api/client';
import type { MerchantUser } from '../../app/api/merchant-types';
import type { ListReply } from '../../app/api/types';
import { useShowError } from '../../app/api/use-show-error';
import { QueryTable } from '../../app/shell/query-table';
import { formatTime } from '../../console/shared/format-time';
import { useStores } from '../portal-api';
import { roleLabelOf } from '../role-label';
import { StaffFormModal } from './staff-form-modal';

const usersKey = ['portal', 'users'];

function userStatus(user: MerchantUser): 'active' | 'disabled' {
  return user.disabled ? 'disabled' : 'active';
}

export function StaffPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const stores = useStores();
  const [adding, setAdding] = useState(false);
  const users = useQuery({
    queryKey: usersKey,
    queryFn: () => api.get<ListReply<MerchantUser>>('/portal/users', { limit: 100 }),
  });
  const toggle = useMutation({
    mutationFn: ({ user, disabled }: { user: MerchantUser; disabled: boolean }) =>
      api.patch<MerchantUser>(`/portal/users/${encodeURIComponent(user.id)}`, { disabled }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: usersKey });
      void message.success(t('common.ok'));
    },
    onError: (error) => showError(error),
  });
  const storeName = (user: MerchantUser) => user.store?.name ?? '—';

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('portal.staff.title')}
        </Typography.Title>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setAdding(true)}
          data-testid="portal-staff-add"
        >
          {t('portal.staff.add')}
        </Button>
      </Flex>
      <Card>
        <QueryTable<MerchantUser>
          query={users}
          rowKey="id"
          dataSource={users.data?.data ?? []}
          scroll={{ x: 760 }}
          data-testid="portal-staff-table"
          columns={[
            { key: 'name', title: t('portal.staff.displayName'), dataIndex: 'displayName' },
            {
              key: 'mobile',
              title: t('portal.staff.mobile'),
              render: (_, user) => user.mobile ?? '—',
            },
            {
              key: 'role',
              title: t('portal.staff.role'),
              render: (_, user) => (user.role ? <Tag>{roleLabelOf(user.role)}</Tag> : '—'),
            },
            {
              key: 'store',
              title: t('portal.staff.store'),
              render: (_, user) => storeName(user),
            },
            {
              key: 'status',
              title: t('portal.staff.status'),
              render: (_, user) => {
                const status = userStatus(user);
                return (
                  <Tag color={status === 'active' ? 'green' : 'default'}>
                    {t(`portal.staff.${status}`)}
                  </Tag>
                );
              },
            },
            {
              key: 'login',
              title: t('portal.staff.lastLogin'),
              render: (_, user) => formatTime(user.lastLoginAt),
            },
            {
              key: 'actions',
              title: t('common.actions'),
              width: 100,
              render: (_, user) => {
                if (user.role === 'merchant_owner') {
                  return <Typography.Text type="secondary">—</Typography.Text>;
                }
                const disabled = userStatus(user) === 'disabled';
                return disabled ? (
                  <Button size="small" onClick={() => toggle.mutate({ user, disabled: false })}>
                    {t('portal.staff.enable')}
                  </Button>
                ) : (
                  <Popconfirm
                    title={t('portal.staff.disableConfirm', { name: user.displayName })}
                    okText={t('common.ok')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => toggle.mutate({ user, disabled: true })}
                  >
                    <Button size="small" danger data-testid={`portal-staff-disable-${user.id}`}>
                      {t('portal.staff.disable')}
                    </Button>
                  </Popconfirm>
                );
              },
            },
          ]}
        />
      </Card>
      {adding && (
        <StaffFormModal stores={stores.data?.data ?? []} onClose={() => setAdding(false)} />
      )}
    </>
  );
}
