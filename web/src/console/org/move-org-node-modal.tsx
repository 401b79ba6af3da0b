import { App, Form, Modal, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api/client';
import type { OrgNode } from '../../app/api/types';
import { buildOrgTree, disableItems, subtreeIds } from './org-tree';
import { useOrgMutation } from './use-org-mutation';

export function MoveOrgNodeModal({
  node,
  nodes,
  onClose,
}: {
  node: OrgNode;
  nodes: readonly OrgNode[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ parentId: string }>();
  // Its own subtree would make a cycle and sub-branches take no children, so both are greyed.
  const treeData = useMemo(() => {
    const excluded = subtreeIds(nodes, node.id);
    for (const candidate of nodes) if (candidate.kind === 'sub_branch') excluded.add(candidate.id);
    return disableItems(buildOrgTree(nodes), excluded);
  }, [nodes, node.id]);
  const move = useOrgMutation(
    (parentId: string) =>
      api.post<OrgNode>(`/org-nodes/${encodeURIComponent(node.id)}/move`, { parentId }),
    form,
    () => {
      void message.success(t('org.moved'));
      onClose();
    },
  );

  return (
    <Modal
      open
      title={t('org.moveTitle', { name: node.name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={move.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ parentId: node.parentId ?? undefined }}
        onFinish={(fields) => move.mutate(fields.parentId)}
      >
        <Form.Item
          name="parentId"
          label={t('org.newParent')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <TreeSelect
            treeData={treeData}
            treeDefaultExpandAll
            showSearch={{ treeNodeFilterProp: 'title' }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
