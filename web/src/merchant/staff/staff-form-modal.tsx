import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api/client';
import { newIdempotencyKey } from '../../app/api/idempotency-key';
import type { MerchantUser, Store } from '../../app/api/merchant-types';
import { useShowError } from '../../app/api/use-show-error';
import { roleLabelOf } from '../role-label';

interface StaffValues {
  displayName: string;
  mobile: string;
  role: 'merchant_manager' | 'merchant_cashier';
  storeId?: string;
}

/** Adds a manager or cashier; the temporary password is shown once, then only its owner knows it. */
export function StaffFormModal({ stores, onClose }: { stores: Store[]; onClose: () => void }) {
  const { t } = useTranslation();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<StaffValues>();
  const role = Form.useWatch('role', form);
  const [idempotencyKey] = useState(newIdempotencyKey);
  const create = useMutation({
    mutationFn: (values: StaffValues) =>
      api.post<{ user: MerchantUser; temporaryPassword: string }>(
        '/portal/users',
        {
          displayName: values.displayName.trim(),
          mobile: values.mobile.replace(/\s+/g, ''),
          role: values.role,
          ...(values.storeId ? { storeId: values.storeId } : {}),
        },
        { 'Idempotency-Key': idempotencyKey },
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['portal', 'users'] }),
    onError: (error) => showError(error, form),
  });

  if (create.data) {
    return (
      <Modal
        open
        title={t('portal.staff.temporaryPasswordTitle')}
        closable={false}
        mask={{ closable: false }}
        footer={
          <Button type="primary" onClick={onClose} data-testid="portal-temporary-password-close">
            {t('portal.staff.done')}
          </Button>
        }
      >
        <Alert
          type="warning"
          showIcon
          title={t('portal.staff.temporaryPasswordHint', { name: create.data.user.displayName })}
          style={{ marginBottom: 16 }}
        />
        <Flex vertical align="center" gap={4}>
          <Typography.Text type="secondary">{t('portal.staff.temporaryPassword')}</Typography.Text>
          <Typography.Text
            code
            copyable={{ text: create.data.temporaryPassword }}
            style={{ fontSize: 20, letterSpacing: 1 }}
          >
            <span data-testid="portal-temporary-password">{create.data.temporaryPassword}</span>
          </Typography.Text>
        </Flex>
      </Modal>
    );
  }

  return (
    <Modal
      open
      title={t('portal.staff.add')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: create.isPending, 'data-testid': 'portal-staff-submit' }}
      destroyOnHidden
    >
      <Form<StaffValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ role: 'merchant_cashier' }}
        onFinish={(values) => create.mutate(values)}
      >
        <Form.Item
          name="displayName"
          label={t('portal.staff.displayName')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input maxLength={50} data-testid="portal-staff-name" />
        </Form.Item>
        <Form.Item
          name="mobile"
          label={t('portal.staff.mobile')}
          extra={t('portal.staff.mobileHint')}
          rules={[
            { required: true, message: t('common.required') },
            { pattern: /^1\d{10}$/, message: t('apply.formats.mobile') },
          ]}
        >
          <Input inputMode="tel" maxLength={11} data-testid="portal-staff-mobile" />
        </Form.Item>
        <Form.Item name="role" label={t('portal.staff.role')} rules={[{ required: true }]}>
          <Select
            data-testid="portal-staff-role"
            options={(['merchant_manager', 'merchant_cashier'] as const).map((value) => ({
              value,
              label: roleLabelOf(value),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="storeId"
          label={t('portal.staff.store')}
          extra={t('portal.staff.storeHint')}
          rules={
            role === 'merchant_cashier' ? [{ required: true, message: t('common.required') }] : []
          }
        >
          <Select
            allowClear
            data-testid="portal-staff-store"
            options={stores.map((store) => ({ value: store.id, label: store.name }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
