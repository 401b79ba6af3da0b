import { useMutation } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api/client';
import type { Merchant } from '../../app/api/merchant-types';
import { useShowError } from '../../app/api/use-show-error';
import { merchantPath, useRefreshMerchant } from './merchant-api';

export type LifecycleAction = 'suspend' | 'reinstate' | 'close';

/** Suspending, reinstating and closing a merchant each need a reason, which is audited. */
export function LifecycleModal({
  merchant,
  action,
  onClose,
}: {
  merchant: Merchant;
  action: LifecycleAction;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const showError = useShowError();
  const refresh = useRefreshMerchant();

  const run = useMutation({
    mutationFn: (reason: string) =>
      api.post<Merchant>(`${merchantPath(merchant.id)}/${action}`, { reason }),
    onSuccess: async () => {
      await refresh();
      void message.success(t(`merchants.lifecycle.done.${action}`));
      onClose();
    },
    onError: (error) => showError(error, form),
  });

  const name = merchant.shortName ?? merchant.id;
  return (
    <Modal
      open
      title={t(`merchants.lifecycle.title.${action}`, { name })}
      okText={t(`merchants.actions.${action}`)}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={run.isPending}
      okButtonProps={{ danger: action !== 'reinstate', 'data-testid': 'lifecycle-submit' }}
      destroyOnHidden
    >
      <Alert
        type={action === 'close' ? 'error' : action === 'suspend' ? 'warning' : 'info'}
        showIcon
        style={{ marginBottom: 16 }}
        title={t(`merchants.lifecycle.hint.${action}`)}
      />
      <Form form={form} layout="vertical" onFinish={(fields) => run.mutate(fields.reason.trim())}>
        <Form.Item
          name="reason"
          label={t('merchants.lifecycle.reason')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="lifecycle-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
