import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { isApiError } from '../api/api-error';
import { nextStepFor } from '../auth/next-step';
import { type Realm, realmHome, realmLogin } from '../auth/realm';
import { CurrentMeContext } from '../auth/use-current-me';
import { useMe } from '../auth/use-me';
import { PageLoading } from './page-loading';

/**
 * Renders a realm's frame once /me has loaded for a signed-in session of that realm, and
 * provides that user to its pages (useCurrentMe). Without a session, or with a sign-in step
 * still pending, the browser goes to the realm's sign-in page; a session of the other realm
 * goes to its own home (staff have the console, merchant users the portal).
 */
export function RealmGate({ realm, children }: { realm: Realm; children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();

  if (me.isPending) return <PageLoading fullScreen />;
  if (me.isError) {
    // 401 and the pending-step 403s are turned into redirects by the API client's listener.
    if (isApiError(me.error) && me.error.status === 401) {
      return <Navigate to={realmLogin[realm]} replace />;
    }
    return (
      <Result
        status="error"
        title={me.error.message}
        extra={<Button onClick={() => void me.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  if (me.data.user.realm !== realm) return <Navigate to={realmHome[me.data.user.realm]} replace />;
  if (nextStepFor(me.data) !== 'done') return <Navigate to={realmLogin[realm]} replace />;

  return <CurrentMeContext.Provider value={me.data}>{children}</CurrentMeContext.Provider>;
}
