import { EyeOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Form, Input, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api/client';
import type { Merchant } from '../../app/api/merchant-types';
import { useShowError } from '../../app/api/use-show-error';
import { fieldLabel } from './labels';
import { merchantPath, useRefreshMerchant } from './merchant-api';
import { type RevealableField, revealableFields } from './types';

interface RevealFields {
  field: RevealableField;
  reason: string;
}

/**
 * Shows one masked field in clear, for a stated reason. Every reveal is audited on the
 * server, so the value is fetched on demand and never cached.
 */
export function RevealModal({
  merchant,
  initialField,
  onClose,
}: {
  merchant: Merchant;
  initialField?: RevealableField;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RevealFields>();
  const showError = useShowError();
  const refresh = useRefreshMerchant();

  const reveal = useMutation({
    mutationFn: (fields: RevealFields) =>
      api.post<{ field: RevealableField; value: string | null }>(
        `${merchantPath(merchant.id)}/reveal`,
        { field: fields.field, reason: fields.reason.trim() },
      ),
    // The reveal is in the merchant's history now.
    onSuccess: () => void refresh(),
    onError: (error) => showError(error, form),
  });

  const revealed = reveal.data;
  return (
    <Modal
      open
      title={t('merchants.reveal.title', { name: merchant.shortName ?? merchant.id })}
      onCancel={onClose}
      destroyOnHidden
      footer={
        revealed ? (
          <Button type="primary" onClick={onClose} data-testid="reveal-close">
            {t('common.close')}
          </Button>
        ) : (
          <>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              icon={<EyeOutlined />}
              loading={reveal.isPending}
              onClick={() => form.submit()}
              data-testid="reveal-submit"
            >
              {t('merchants.reveal.submit')}
            </Button>
          </>
        )
      }
    >
      {revealed ? (
        <>
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('merchants.reveal.audited')}
          />
          <Descriptions
            bordered
            column={1}
            size="small"
            items={[
              {
                key: revealed.field,
                label: fieldLabel(revealed.field),
                children: (
                  <Typography.Text copyable={Boolean(revealed.value)} strong>
                    <span data-testid="revealed-value">{revealed.value ?? '—'}</span>
                  </Typography.Text>
                ),
              },
            ]}
          />
        </>
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('merchants.reveal.hint')}</Typography.Paragraph>
          <Form<RevealFields>
            form={form}
            layout="vertical"
            initialValues={{ field: initialField ?? 'legalRepIdNumber' }}
            onFinish={(fields) => reveal.mutate(fields)}
          >
            <Form.Item
              name="field"
              label={t('merchants.reveal.field')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <Select
                data-testid="reveal-field"
                options={revealableFields.map((field) => ({
                  value: field,
                  label: `${fieldLabel(field)}（${merchant[field] ?? '—'}）`,
                  disabled: !merchant[field],
                }))}
              />
            </Form.Item>
            <Form.Item
              name="reason"
              label={t('merchants.reveal.reason')}
              rules={[
                { required: true, whitespace: true, message: t('common.required') },
                { min: 4, message: t('merchants.reveal.reasonRule') },
              ]}
            >
              <Input.TextArea
                rows={3}
                maxLength={500}
                showCount
                placeholder={t('merchants.reveal.reasonPlaceholder')}
                data-testid="reveal-reason"
              />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
