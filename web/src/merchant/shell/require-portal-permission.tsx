import { Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentMe } from '../../app/auth/use-current-me';
import { hasPortalPermission, type PortalPermission } from '../portal-permissions';

/** Typing a portal URL must not show a page's frame to a user the menu hides it from. */
export function RequirePortalPermission({
  permission,
  children,
}: {
  permission: PortalPermission;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  if (hasPortalPermission(me, permission)) return children;
  return (
    <Result
      status="403"
      title={t('common.forbiddenTitle')}
      subTitle={t('common.forbiddenDescription')}
    />
  );
}
