import { MenuOutlined, SafetyOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Grid, Layout, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentMe } from '../../app/auth/use-current-me';
import { Brand, headerStyle, PageContent } from '../../app/shell/frame';
import { LanguageSwitch } from '../../app/shell/language-switch';
import { RealmGate } from '../../app/shell/realm-gate';
import { UserMenu } from '../../app/shell/user-menu';
import { usePortalMerchant } from '../portal-api';
import { roleLabelOf } from '../role-label';
import { PortalMenu } from './portal-menu';

/** The merchant portal's frame: its own sign-in, menu and header, apart from the bank console. */
export function PortalLayout() {
  return (
    <RealmGate realm="merchant">
      <PortalFrame />
    </RealmGate>
  );
}

/**
 * Desktop: a fixed side menu. Phone and tablet: the menu slides in from a button in the header,
 * so the page keeps the whole width (owners often open the portal on their phone).
 */
function PortalFrame() {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const wide = screens.lg ?? true;
  const [menuOpen, setMenuOpen] = useState(false);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {wide && (
        <Layout.Sider theme="light" width={208} style={{ borderRight: '1px solid #f0f0f0' }}>
          <div style={{ position: 'sticky', top: 0 }}>
            <Brand subtitle={t('portal.title')} />
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
          <Brand subtitle={t('portal.title')} />
          <PortalMenu onNavigate={() => setMenuOpen(false)} />
        </Drawer>
      )}
      <Layout>
        <PortalHeader compact={!wide} onOpenMenu={() => setMenuOpen(true)} />
        <PageContent padding={wide ? 24 : 12} />
      </Layout>
    </Layout>
  );
}

function PortalHeader({ compact, onOpenMenu }: { compact: boolean; onOpenMenu: () => void }) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const merchant = usePortalMerchant();
  const role = me.user.roles[0];
  return (
    <Layout.Header style={{ ...headerStyle, padding: compact ? '0 8px 0 4px' : '0 24px', gap: 8 }}>
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
        <UserMenu
          realm="merchant"
          links={[
            {
              key: 'security',
              path: '/merchant/security',
              icon: <SafetyOutlined />,
              label: t('portal.user.security'),
            },
          ]}
          detail={role ? roleLabelOf(role) : undefined}
          compact={compact}
          testId="portal-user-menu"
          itemTestId="portal-user"
          style={{ paddingInline: 4 }}
        />
      </Flex>
    </Layout.Header>
  );
}
