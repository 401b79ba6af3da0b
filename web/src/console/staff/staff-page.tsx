import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Select, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Staff, StaffStatus } from '../../app/api/types';
import { hasPermission } from '../../app/auth/permissions';
import { useCurrentMe } from '../../app/auth/use-current-me';
import { roleLabel } from '../../app/i18n/labels';
import { formatTime } from '../shared/format-time';
import { PagedTable } from '../shared/paged-table';
import { type CreatedStaff, StaffFormModal } from './staff-form-modal';
import { StaffRowActions } from './staff-row-actions';
import { TemporaryPasswordModal } from './temporary-password-modal';
import { useRoles } from './use-roles';
import { type StaffFilters, useStaffList } from './use-staff-list';

type Editing = { mode: 'create' } | { mode: 'edit'; staff: Staff };

export function StaffPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const canWrite = hasPermission(me, 'staff:write');
  const [filters, setFilters] = useState<StaffFilters>({});
  const [editing, setEditing] = useState<Editing>();
  const [revealed, setRevealed] = useState<{ name: string; password: string }>();
  const list = useStaffList(filters);
  const roles = useRoles();

  const columns: ColumnsType<Staff> = [
    { title: t('staff.username'), dataIndex: 'username', width: 160 },
    { title: t('staff.displayName'), dataIndex: 'displayName', width: 120 },
    {
      title: t('staff.orgNode'),
      key: 'orgNode',
      render: (_value, staff) => staff.orgNode?.name ?? '—',
    },
    {
      title: t('staff.roles'),
      dataIndex: 'roles',
      render: (staffRoles: string[]) =>
        staffRoles.map((role) => <Tag key={role}>{roleLabel(role)}</Tag>),
    },
    {
      title: t('staff.status'),
      dataIndex: 'status',
      width: 90,
      render: (status: StaffStatus) =>
        status === 'locked' ? (
          <Tag color="red">{t('staff.statusLocked')}</Tag>
        ) : (
          <Tag color="green">{t('staff.statusActive')}</Tag>
        ),
    },
    {
      title: t('staff.mfa'),
      dataIndex: 'mfaEnabled',
      width: 90,
      render: (enabled: boolean) => (enabled ? t('staff.mfaOn') : t('staff.mfaOff')),
    },
    {
      title: t('staff.lastLoginAt'),
      dataIndex: 'lastLoginAt',
      width: 170,
      render: (value: string | null) => formatTime(value),
    },
  ];
  if (canWrite) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 150,
      render: (_value, staff) => (
        <StaffRowActions
          staff={staff}
          onEdit={() => setEditing({ mode: 'edit', staff })}
          onTemporaryPassword={(password) => setRevealed({ name: staff.displayName, password })}
        />
      ),
    });
  }

  const onCreated = (created: CreatedStaff) => {
    setEditing(undefined);
    setRevealed({ name: created.staff.displayName, password: created.temporaryPassword });
  };

  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('staff.title')}
        </Typography.Title>
        {canWrite && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing({ mode: 'create' })}
            data-testid="staff-create"
          >
            {t('staff.create')}
          </Button>
        )}
      </Flex>
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder={t('staff.searchPlaceholder')}
            style={{ width: 260 }}
            onSearch={(q) => setFilters((current) => ({ ...current, q: q.trim() || undefined }))}
            data-testid="staff-search"
          />
          <Select
            allowClear
            placeholder={t('staff.filterRole')}
            style={{ width: 160 }}
            value={filters.role}
            onChange={(role?: string) => setFilters((current) => ({ ...current, role }))}
            options={(roles.data ?? []).map((definition) => ({
              value: definition.role,
              label: roleLabel(definition.role),
            }))}
          />
          <Select<StaffStatus>
            allowClear
            placeholder={t('staff.filterStatus')}
            style={{ width: 140 }}
            value={filters.status}
            onChange={(status?: StaffStatus) => setFilters((current) => ({ ...current, status }))}
            options={[
              { value: 'active', label: t('staff.statusActive') },
              { value: 'locked', label: t('staff.statusLocked') },
            ]}
          />
        </Flex>
        <PagedTable<Staff>
          list={list}
          countText={(count) => t('staff.total', { count })}
          loadMoreTestId="staff-load-more"
          rowKey="id"
          columns={columns}
          data-testid="staff-table"
          scroll={{ x: 1000 }}
        />
      </Card>
      {editing && (
        <StaffFormModal
          staff={editing.mode === 'edit' ? editing.staff : undefined}
          defaultOrgNodeId={me.session.currentOrgNode?.id}
          onClose={() => setEditing(undefined)}
          onCreated={onCreated}
        />
      )}
      {revealed && (
        <TemporaryPasswordModal
          name={revealed.name}
          password={revealed.password}
          onClose={() => setRevealed(undefined)}
        />
      )}
    </>
  );
}
