import { Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission, type Permission } from '../auth/permissions';
import { useCurrentMe } from '../auth/use-current-me';

/** Typing a URL must not show a page's frame to someone the menu hides it from. */
export function RequirePermission({
  permission,
  children,
}: {
  permission: Permission;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  if (hasPermission(me, permission)) return children;
  return (
    <Result
      status="403"
      title={t('common.forbiddenTitle')}
      subTitle={t('common.forbiddenDescription')}
    />
  );
}
