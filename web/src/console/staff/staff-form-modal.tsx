import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api/client';
import { newIdempotencyKey } from '../../app/api/idempotency-key';
import type { Staff } from '../../app/api/types';
import { useShowError } from '../../app/api/use-show-error';
import { roleLabel } from '../../app/i18n/labels';
import { buildOrgTree } from '../org/org-tree';
import { useOrgNodes } from '../org/use-org-nodes';
import { useRoles } from './use-roles';
import { staffKey } from './use-staff-list';

interface StaffFields {
  username: string;
  displayName: string;
  orgNodeId: string;
  roles: string[];
}

export interface CreatedStaff {
  staff: Staff;
  temporaryPassword: string;
}

/** Create when `staff` is absent, edit otherwise; the username is fixed once created. */
export function StaffFormModal({
  staff,
  defaultOrgNodeId,
  onClose,
  onCreated,
}: {
  staff?: Staff;
  defaultOrgNodeId: string | undefined;
  onClose: () => void;
  onCreated: (created: CreatedStaff) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<StaffFields>();
  const queryClient = useQueryClient();
  const showError = useShowError();
  const nodes = useOrgNodes();
  const roles = useRoles();
  const tree = useMemo(() => buildOrgTree(nodes.data ?? []), [nodes.data]);
  const idempotencyKey = useMemo(() => newIdempotencyKey(), []);

  const save = useMutation({
    mutationFn: async (fields: StaffFields): Promise<CreatedStaff | undefined> => {
      const common = {
        displayName: fields.displayName.trim(),
        orgNodeId: fields.orgNodeId,
        roles: fields.roles,
      };
      if (staff) {
        await api.patch<Staff>(`/staff/${encodeURIComponent(staff.id)}`, common);
        return undefined;
      }
      return api.post<CreatedStaff>(
        '/staff',
        { username: fields.username.trim(), ...common },
        { 'Idempotency-Key': idempotencyKey },
      );
    },
    onSuccess: async (created) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: staffKey }),
        queryClient.invalidateQueries({ queryKey: ['org-nodes'] }),
        queryClient.invalidateQueries({ queryKey: ['console-summary'] }),
      ]);
      if (created) onCreated(created);
      else {
        void message.success(t('staff.updated'));
        onClose();
      }
    },
    onError: (error) => showError(error, form),
  });

  return (
    <Modal
      open
      title={staff ? t('staff.editTitle', { name: staff.displayName }) : t('staff.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'staff-form-submit' }}
      destroyOnHidden
    >
      <Form<StaffFields>
        form={form}
        layout="vertical"
        initialValues={
          staff
            ? {
                username: staff.username,
                displayName: staff.displayName,
                orgNodeId: staff.orgNode?.id,
                roles: staff.roles,
              }
            : { orgNodeId: defaultOrgNodeId, roles: [] }
        }
        onFinish={(fields) => save.mutate(fields)}
      >
        <Form.Item
          name="username"
          label={t('staff.username')}
          extra={staff ? undefined : t('staff.usernameRule')}
          rules={[
            { required: true, message: t('common.required') },
            { pattern: /^[a-z][a-z0-9._-]{2,31}$/, message: t('staff.usernameRule') },
          ]}
        >
          <Input disabled={Boolean(staff)} autoComplete="off" data-testid="staff-form-username" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('staff.displayName')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input maxLength={60} data-testid="staff-form-display-name" />
        </Form.Item>
        <Form.Item
          name="orgNodeId"
          label={t('staff.orgNode')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <TreeSelect
            data-testid="staff-form-org-node"
            treeData={tree}
            treeDefaultExpandAll
            loading={nodes.isPending}
            showSearch={{ treeNodeFilterProp: 'title' }}
          />
        </Form.Item>
        <Form.Item
          name="roles"
          label={t('staff.roles')}
          rules={[{ required: true, type: 'array', min: 1, message: t('common.required') }]}
        >
          <Select
            mode="multiple"
            data-testid="staff-form-roles"
            loading={roles.isPending}
            options={(roles.data ?? []).map((definition) => ({
              value: definition.role,
              label: roleLabel(definition.role),
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
