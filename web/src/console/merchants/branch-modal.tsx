import { useMutation } from '@tanstack/react-query';
import { App, Form, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api/client';
import type { Merchant } from '../../app/api/merchant-types';
import { useShowError } from '../../app/api/use-show-error';
import { merchantPath, useRefreshMerchant } from './merchant-api';
import { OrgNodeTreeSelect } from './pickers';

/** Moves a merchant to another branch of the caller's scope; allowed in any status. */
export function BranchModal({ merchant, onClose }: { merchant: Merchant; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ orgNodeId: string }>();
  const showError = useShowError();
  const refresh = useRefreshMerchant();

  const move = useMutation({
    mutationFn: (orgNodeId: string) =>
      api.patch<Merchant>(merchantPath(merchant.id), { orgNodeId }),
    onSuccess: async () => {
      await refresh();
      void message.success(t('merchants.branch.done'));
      onClose();
    },
    onError: (error) => showError(error, form),
  });

  return (
    <Modal
      open
      title={t('merchants.branch.title', { name: merchant.shortName ?? merchant.id })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={move.isPending}
      okButtonProps={{ 'data-testid': 'branch-submit' }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t('merchants.branch.current', { name: merchant.orgNode.name })}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ orgNodeId: merchant.orgNode.id }}
        onFinish={(fields) => move.mutate(fields.orgNodeId)}
      >
        <Form.Item
          name="orgNodeId"
          label={t('merchants.field.orgNode')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <OrgNodeTreeSelect data-testid="branch-select" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
