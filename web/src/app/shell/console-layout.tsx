import { Button, Flex, Layout, Result, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet } from 'react-router';
import { isApiError } from '../api/api-error';
import { nextStepFor } from '../auth/next-step';
import { CurrentMeContext } from '../auth/use-current-me';
import { useMe } from '../auth/use-me';
import { LanguageSwitch } from './language-switch';
import { MfaDemoBanner } from './mfa-demo-banner';
import { OrgSwitcher } from './org-switcher';
import { PageLoading } from './page-loading';
import { SideMenu } from './side-menu';
import { UserMenu } from './user-menu';

export function ConsoleLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const [collapsed, setCollapsed] = useState(false);

  if (me.isPending) return <PageLoading fullScreen />;
  if (me.isError) {
    // 401 and the pending-step 403s are turned into redirects by the API client's listener.
    if (isApiError(me.error) && me.error.status === 401) return <Navigate to="/login" replace />;
    return (
      <Result
        status="error"
        title={me.error.message}
        extra={<Button onClick={() => void me.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  // A merchant user's session belongs to the merchant portal, never to the console.
  if (me.data.user.realm !== 'staff') return <Navigate to="/merchant" replace />;
  if (nextStepFor(me.data) !== 'done') return <Navigate to="/login" replace />;

  return (
    <CurrentMeContext.Provider value={me.data}>
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={220}>
          {/* The sider stretches with long pages; its content stays in view while scrolling. */}
          <div style={{ position: 'sticky', top: 0 }}>
            <Flex
              align="center"
              gap={10}
              style={{ height: 64, padding: '0 24px', overflow: 'hidden' }}
            >
              <img src="/favicon.svg" alt="" width={28} height={28} />
              {!collapsed && (
                <Flex vertical style={{ lineHeight: 1.3, whiteSpace: 'nowrap' }}>
                  <Typography.Text strong style={{ color: '#fff', fontSize: 16 }}>
                    {t('product.shortName')}
                  </Typography.Text>
                  <Typography.Text style={{ color: 'rgba(255,255,255,0.65)', fontSize: 12 }}>
                    {t('product.consoleSubtitle')}
                  </Typography.Text>
                </Flex>
              )}
            </Flex>
            <SideMenu />
          </div>
        </Layout.Sider>
        <Layout>
          {!me.data.settings.mfaEnforced && <MfaDemoBanner />}
          <Layout.Header
            style={{
              background: '#fff',
              padding: '0 24px',
              borderBottom: '1px solid #f0f0f0',
              display: 'flex',
              alignItems: 'center',
              justifyContent: 'space-between',
              gap: 16,
            }}
          >
            <Typography.Text strong style={{ fontSize: 16, whiteSpace: 'nowrap' }}>
              {t('product.name')}
            </Typography.Text>
            <Flex align="center" gap={20}>
              <OrgSwitcher />
              <LanguageSwitch />
              <UserMenu />
            </Flex>
          </Layout.Header>
          <Layout.Content style={{ padding: 24 }}>
            <Suspense fallback={<PageLoading />}>
              <Outlet />
            </Suspense>
          </Layout.Content>
        </Layout>
      </Layout>
    </CurrentMeContext.Provider>
  );
}
