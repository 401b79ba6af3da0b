import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Grid, Layout, Result, Tag, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet } from 'react-router';
import { isApiError } from '../../app/api/api-error';
import { nextStepFor } from '../../app/auth/next-step';
import { CurrentMeContext } from '../../app/auth/use-current-me';
import { useMe } from '../../app/auth/use-me';
import { LanguageSwitch } from '../../app/shell/language-switch';
import { PageLoading } from '../../app/shell/page-loading';
import { usePortalMerchant } from '../portal-api';
import { PortalMenu } from './portal-menu';
import { PortalUserMenu } from './portal-user-menu';

/** The merchant portal's frame: its own sign-in, menu and header, apart from the bank console. */
export function PortalLayout() {
  const { t } = useTranslation();
  const me = useMe();

  if (me.isPending) return <PageLoading fullScreen />;
  if (me.isError) {
    if (isApiError(me.error) && me.error.status === 401) {
      return <Navigate to="/merchant/login" replace />;
    }
    return (
      <Result
        status="error"
        title={me.error.message}
        extra={<Button onClick={() => void me.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  // Bank staff have the console; a staff session never sees a merchant's portal.
  if (me.data.user.realm !== 'merchant') return <Navigate to="/console" replace />;
  if (nextStepFor(me.data) !== 'done') return <Navigate to="/merchant/login" replace />;

  return (
    <CurrentMeContext.Provider value={me.data}>
      <PortalFrame />
    </CurrentMeContext.Provider>
  );
}

function Brand() {
  const { t } = useTranslation();
  return (
    <Flex align="center" gap={10} style={{ height: 64, padding: '0 20px' }}>
      <img src="/favicon.svg" alt="" width={28} height={28} />
      <Flex vertical style={{ lineHeight: 1.3, whiteSpace: 'nowrap' }}>
        <Typography.Text strong style={{ fontSize: 16 }}>
          {t('product.shortName')}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('portal.title')}
        </Typography.Text>
      </Flex>
    </Flex>
  );
}

/**
 * Desktop: a fixed side menu. Phone and tablet: the menu slides in from a button in the header,
 * so the page keeps the whole width (owners often open the portal on their phone).
 */
function PortalFrame() {
  const screens = Grid.useBreakpoint();
  const wide = screens.lg ?? true;
  const [menuOpen, setMenuOpen] = useState(false);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {wide && (
        <Layout.Sider theme="light" width={208} style={{ borderRight: '1px solid #f0f0f0' }}>
          <div style={{ position: 'sticky', top: 0 }}>
            <Brand />
            <PortalMenu />
          </div>
        </Layout.Sider>
      )}
      {!wide && (
        <Drawer
          placement="left"
          open={menuOpen}
          onClose={() => setMenuOpen(false)}
          size={240}
          closable={false}
          styles={{ body: { padding: 0 } }}
        >
          <Brand />
          <PortalMenu onNavigate={() => setMenuOpen(false)} />
        </Drawer>
      )}
      <Layout>
        <PortalHeader compact={!wide} onOpenMenu={() => setMenuOpen(true)} />
        <Layout.Content style={{ padding: wide ? 24 : 12 }}>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

function PortalHeader({ compact, onOpenMenu }: { compact: boolean; onOpenMenu: () => void }) {
  const { t } = useTranslation();
  const merchant = usePortalMerchant();
  return (
    <Layout.Header
      style={{
        background: '#fff',
        padding: compact ? '0 8px 0 4px' : '0 24px',
        borderBottom: '1px solid #f0f0f0',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'space-between',
        gap: 8,
      }}
    >
      <Flex align="center" gap={8} style={{ minWidth: 0, flex: 1 }}>
        {compact && (
          <Button
            type="text"
            icon={<MenuOutlined />}
            onClick={onOpenMenu}
            aria-label={t('portal.menu.open')}
            data-testid="portal-menu-open"
          />
        )}
        <Typography.Text
          strong
          ellipsis
          style={{ fontSize: 16, minWidth: 0 }}
          data-testid="portal-merchant-name"
        >
          {merchant.data?.shortName ?? merchant.data?.registeredName ?? t('portal.title')}
        </Typography.Text>
        {merchant.data && (
          <Tag
            color={merchant.data.status === 'active' ? 'green' : 'orange'}
            style={{ marginInlineEnd: 0 }}
          >
            {t(`portal.statuses.${merchant.data.status}`)}
          </Tag>
        )}
      </Flex>
      <Flex align="center" gap={compact ? 4 : 16} style={{ flex: 'none' }}>
        <LanguageSwitch />
        <PortalUserMenu compact={compact} />
      </Flex>
    </Layout.Header>
  );
}
