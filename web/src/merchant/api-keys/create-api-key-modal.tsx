import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api/client';
import { newIdempotencyKey } from '../../app/api/idempotency-key';
import { useShowError } from '../../app/api/use-show-error';
import { apiKeysQueryKey, type CreatedApiKey } from './api-key-types';

interface ApiKeyValues {
  name: string;
}

/**
 * Names a new key, then shows its secret once. The modal cannot be dismissed by a click beside
 * it, so the secret is not lost by accident; once closed, only its prefix is ever shown again.
 */
export function CreateApiKeyModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ApiKeyValues>();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const create = useMutation({
    mutationFn: (values: ApiKeyValues) =>
      api.post<CreatedApiKey>(
        '/portal/api-keys',
        { name: values.name.trim() },
        { 'Idempotency-Key': idempotencyKey },
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: apiKeysQueryKey }),
    onError: (error) => showError(error, form),
  });

  if (create.data) {
    const { key, secret } = create.data;
    return (
      <Modal
        open
        title={t('apiKeys.createdTitle')}
        closable={false}
        mask={{ closable: false }}
        keyboard={false}
        footer={
          <Button type="primary" onClick={onClose} data-testid="portal-api-key-secret-close">
            {t('apiKeys.done')}
          </Button>
        }
      >
        {secret ? (
          <>
            <Alert
              type="warning"
              showIcon
              title={t('apiKeys.createdWarning')}
              style={{ marginBottom: 16 }}
            />
            <Flex vertical gap={4}>
              <Typography.Text type="secondary">
                {t('apiKeys.secret')} · {key.name}
              </Typography.Text>
              <Typography.Text
                code
                copyable={{ text: secret }}
                style={{ fontSize: 14, wordBreak: 'break-all' }}
              >
                <span data-testid="portal-api-key-secret">{secret}</span>
              </Typography.Text>
            </Flex>
          </>
        ) : (
          <Alert type="warning" showIcon title={t('apiKeys.secretMissing')} />
        )}
      </Modal>
    );
  }

  return (
    <Modal
      open
      title={t('apiKeys.create')}
      okText={t('common.submit')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: create.isPending, 'data-testid': 'portal-api-key-submit' }}
      destroyOnHidden
    >
      <Form<ApiKeyValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => create.mutate(values)}
      >
        <Form.Item
          name="name"
          label={t('apiKeys.name')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input
            maxLength={50}
            placeholder={t('apiKeys.namePlaceholder')}
            data-testid="portal-api-key-name"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
