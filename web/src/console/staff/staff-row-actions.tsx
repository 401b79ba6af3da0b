import { DownOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Dropdown, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api/client';
import type { Staff } from '../../app/api/types';
import { useShowError } from '../../app/api/use-show-error';
import { staffKey } from './use-staff-list';

type RowAction = 'lock' | 'unlock' | 'password-reset' | 'mfa-reset';

/** Every action here is hard to undo for the person affected, so each asks first. */
export function StaffRowActions({
  staff,
  onEdit,
  onTemporaryPassword,
}: {
  staff: Staff;
  onEdit: () => void;
  onTemporaryPassword: (password: string) => void;
}) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const showError = useShowError();
  const path = `/staff/${encodeURIComponent(staff.id)}`;

  const run = useMutation({
    mutationFn: (action: RowAction) =>
      api.post<{ temporaryPassword?: string } | undefined>(`${path}/${action}`),
    onSuccess: async (reply, action) => {
      await queryClient.invalidateQueries({ queryKey: staffKey });
      if (action === 'password-reset' && reply?.temporaryPassword) {
        onTemporaryPassword(reply.temporaryPassword);
        return;
      }
      const done: Record<RowAction, string> = {
        lock: t('staff.locked'),
        unlock: t('staff.unlocked'),
        'password-reset': t('staff.updated'),
        'mfa-reset': t('staff.mfaReset'),
      };
      void message.success(done[action]);
    },
    onError: (error) => showError(error),
  });

  const confirmations: Record<RowAction, string> = {
    lock: t('staff.confirmLock', { name: staff.displayName }),
    unlock: t('staff.confirmUnlock', { name: staff.displayName }),
    'password-reset': t('staff.confirmResetPassword', { name: staff.displayName }),
    'mfa-reset': t('staff.confirmResetMfa', { name: staff.displayName }),
  };
  const ask = (action: RowAction) => {
    modal.confirm({
      title: confirmations[action],
      okText: t('common.ok'),
      cancelText: t('common.cancel'),
      okButtonProps: { danger: action !== 'unlock', 'data-testid': 'confirm-ok' },
      onOk: () => run.mutateAsync(action).catch(() => undefined),
    });
  };

  const locked = staff.status === 'locked';
  return (
    <Flex gap={4}>
      <Button
        size="small"
        type="link"
        onClick={onEdit}
        data-testid={`staff-edit-${staff.username}`}
      >
        {t('common.edit')}
      </Button>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            locked
              ? { key: 'unlock', label: t('staff.unlock') }
              : { key: 'lock', label: t('staff.lock'), danger: true },
            { key: 'password-reset', label: t('staff.resetPassword') },
            { key: 'mfa-reset', label: t('staff.resetMfa'), disabled: !staff.mfaEnabled },
          ],
          onClick: ({ key }) => ask(key as RowAction),
        }}
      >
        <Button
          size="small"
          type="link"
          loading={run.isPending}
          data-testid={`staff-more-${staff.username}`}
        >
          {t('common.more')} <DownOutlined style={{ fontSize: 10 }} />
        </Button>
      </Dropdown>
    </Flex>
  );
}
