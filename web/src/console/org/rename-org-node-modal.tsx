import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api/client';
import type { OrgNode } from '../../app/api/types';
import { useOrgMutation } from './use-org-mutation';

export function RenameOrgNodeModal({ node, onClose }: { node: OrgNode; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string }>();
  const rename = useOrgMutation(
    (name: string) => api.patch<OrgNode>(`/org-nodes/${encodeURIComponent(node.id)}`, { name }),
    form,
    () => {
      void message.success(t('org.renamed'));
      onClose();
    },
  );

  return (
    <Modal
      open
      title={t('org.renameTitle', { name: node.name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={rename.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ name: node.name }}
        onFinish={(fields) => rename.mutate(fields.name.trim())}
      >
        <Form.Item
          name="name"
          label={t('org.name')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input minLength={2} maxLength={60} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
