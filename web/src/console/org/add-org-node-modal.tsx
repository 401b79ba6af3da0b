import { App, Form, Input, Modal } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api/client';
import { newIdempotencyKey } from '../../app/api/idempotency-key';
import type { OrgNode } from '../../app/api/types';
import { RegionCascader } from './region-cascader';
import { useOrgMutation } from './use-org-mutation';

interface AddNodeFields {
  code: string;
  name: string;
  regionCode: string[];
}

export function AddOrgNodeModal({
  parent,
  onClose,
  onCreated,
}: {
  parent: OrgNode;
  onClose: () => void;
  onCreated: (node: OrgNode) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AddNodeFields>();
  const idempotencyKey = useMemo(() => newIdempotencyKey(), []);
  const create = useOrgMutation(
    (fields: AddNodeFields) =>
      api.post<OrgNode>(
        '/org-nodes',
        {
          parentId: parent.id,
          code: fields.code.trim(),
          name: fields.name.trim(),
          regionCode: fields.regionCode[fields.regionCode.length - 1],
        },
        { 'Idempotency-Key': idempotencyKey },
      ),
    form,
    (node) => {
      void message.success(t('org.created', { name: node.name }));
      onCreated(node);
    },
  );

  return (
    <Modal
      open
      title={t('org.addChildTitle', { parent: parent.name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'org-add-submit' }}
      destroyOnHidden
    >
      <Form<AddNodeFields>
        form={form}
        layout="vertical"
        onFinish={(fields) => create.mutate(fields)}
        data-testid="org-add-form"
      >
        <Form.Item
          name="code"
          label={t('org.code')}
          extra={t('org.codeRule')}
          normalize={(value: string) => value.toUpperCase()}
          rules={[{ required: true, pattern: /^[A-Z0-9]{2,16}$/, message: t('org.codeRule') }]}
        >
          <Input maxLength={16} data-testid="org-add-code" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('org.name')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input minLength={2} maxLength={60} data-testid="org-add-name" />
        </Form.Item>
        <Form.Item
          name="regionCode"
          label={t('org.region')}
          rules={[
            {
              validator: (_rule, value?: string[]) =>
                value && value.length >= 2
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('org.regionRequired'))),
            },
          ]}
        >
          <RegionCascader />
        </Form.Item>
      </Form>
    </Modal>
  );
}
