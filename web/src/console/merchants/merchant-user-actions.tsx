import { useMutation } from '@tanstack/react-query';
import { App, Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api/client';
import type { MerchantUser } from '../../app/api/merchant-types';
import { useShowError } from '../../app/api/use-show-error';
import { merchantPath, useRefreshMerchant } from './merchant-api';

type Recovery = 'unlock' | 'reset-mfa';

/**
 * The counter's help for a merchant user: unlock after too many wrong tries, or clear a lost
 * authenticator so the user enrolls again at the next login.
 */
export function MerchantUserActions({
  merchantId,
  user,
}: {
  merchantId: string;
  user: MerchantUser;
}) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const showError = useShowError();
  const refresh = useRefreshMerchant();
  const recover = useMutation({
    mutationFn: (action: Recovery) =>
      api.post(`${merchantPath(merchantId)}/users/${encodeURIComponent(user.id)}/${action}`),
    onSuccess: async (_reply, action) => {
      await refresh();
      void message.success(
        t(`merchants.userActions.${action === 'unlock' ? 'unlocked' : 'mfaReset'}`),
      );
    },
    onError: (error) => showError(error),
  });
  const confirm = (action: Recovery) =>
    modal.confirm({
      title: t(
        `merchants.userActions.${action === 'unlock' ? 'unlockConfirm' : 'resetMfaConfirm'}`,
        {
          name: user.displayName,
        },
      ),
      okButtonProps: { 'data-testid': 'confirm-ok' },
      onOk: () => recover.mutateAsync(action),
    });
  return (
    <Space size="small">
      {user.locked && (
        <Button size="small" onClick={() => confirm('unlock')} data-testid={`unlock-${user.id}`}>
          {t('merchants.userActions.unlock')}
        </Button>
      )}
      {user.mfaEnabled && (
        <Button size="small" onClick={() => confirm('reset-mfa')}>
          {t('merchants.userActions.resetMfa')}
        </Button>
      )}
    </Space>
  );
}
