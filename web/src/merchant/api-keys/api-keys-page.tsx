import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Popconfirm, Result, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api/client';
import type { ListReply } from '../../app/api/types';
import { useShowError } from '../../app/api/use-show-error';
import { useCurrentMe } from '../../app/auth/use-current-me';
import { emptyLocale, QueryTable } from '../../app/shell/query-table';
import { formatTime } from '../../console/shared/format-time';
import { hasPortalPermission } from '../portal-permissions';
import { apiKeysQueryKey, type MerchantApiKey } from './api-key-types';
import { CreateApiKeyModal } from './create-api-key-modal';

/** The owner's secret API keys: list, create (the secret is shown once) and revoke. */
export function ApiKeysPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  if (!hasPortalPermission(me, 'portal:api_keys')) {
    return (
      <Result
        status="403"
        title={t('common.forbiddenTitle')}
        subTitle={t('apiKeys.noPermission')}
      />
    );
  }
  return <ApiKeysList />;
}

function ApiKeysList() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  // Active keys are bounded (20) and revoked ones are few; one page of 100 shows them all.
  const keys = useQuery({
    queryKey: apiKeysQueryKey,
    queryFn: () => api.get<ListReply<MerchantApiKey>>('/portal/api-keys', { limit: 100 }),
  });
  const revoke = useMutation({
    mutationFn: (key: MerchantApiKey) =>
      api.post<MerchantApiKey>(`/portal/api-keys/${encodeURIComponent(key.id)}/revoke`),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: apiKeysQueryKey });
      void message.success(t('apiKeys.revoked'));
    },
    onError: (error) => showError(error),
  });

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('apiKeys.title')}
        </Typography.Title>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setCreating(true)}
          data-testid="portal-api-key-create"
        >
          {t('apiKeys.create')}
        </Button>
      </Flex>
      <Typography.Paragraph type="secondary">{t('apiKeys.intro')}</Typography.Paragraph>
      <Card>
        <QueryTable<MerchantApiKey>
          query={keys}
          rowKey="id"
          dataSource={keys.data?.data ?? []}
          locale={emptyLocale(t('apiKeys.empty'))}
          scroll={{ x: 760 }}
          data-testid="portal-api-keys-table"
          columns={[
            { key: 'name', title: t('apiKeys.name'), dataIndex: 'name' },
            {
              key: 'prefix',
              title: t('apiKeys.prefix'),
              render: (_, key) => <Typography.Text code>{key.prefix}…</Typography.Text>,
            },
            {
              key: 'created',
              title: t('apiKeys.createdAt'),
              render: (_, key) => formatTime(key.createdAt),
            },
            {
              key: 'lastUsed',
              title: t('apiKeys.lastUsedAt'),
              render: (_, key) =>
                key.lastUsedAt ? formatTime(key.lastUsedAt) : t('apiKeys.neverUsed'),
            },
            {
              key: 'status',
              title: t('apiKeys.status'),
              render: (_, key) => (
                <Tag color={key.status === 'active' ? 'green' : 'default'}>
                  {t(`apiKeys.statuses.${key.status}`)}
                </Tag>
              ),
            },
            {
              key: 'actions',
              title: t('common.actions'),
              width: 100,
              render: (_, key) =>
                key.status === 'active' ? (
                  <Popconfirm
                    title={t('apiKeys.revokeConfirm', { name: key.name })}
                    okText={t('apiKeys.revoke')}
                    okButtonProps={{ danger: true }}
                    cancelText={t('common.cancel')}
                    onConfirm={() => revoke.mutate(key)}
                  >
                    <Button size="small" danger data-testid={`portal-api-key-revoke-${key.id}`}>
                      {t('apiKeys.revoke')}
                    </Button>
                  </Popconfirm>
                ) : (
                  <Typography.Text type="secondary">—</Typography.Text>
                ),
            },
          ]}
        />
      </Card>
      {creating && <CreateApiKeyModal onClose={() => setCreating(false)} />}
    </>
  );
}
