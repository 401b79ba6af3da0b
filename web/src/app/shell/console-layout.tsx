import { UserOutlined } from '@ant-design/icons';
import { Flex, Layout, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentMe } from '../auth/use-current-me';
import { Brand, headerStyle, PageContent } from './frame';
import { LanguageSwitch } from './language-switch';
import { MfaDemoBanner } from './mfa-demo-banner';
import { OrgSwitcher } from './org-switcher';
import { RealmGate } from './realm-gate';
import { SideMenu } from './side-menu';
import { UserMenu } from './user-menu';

export function ConsoleLayout() {
  return (
    <RealmGate realm="staff">
      <ConsoleFrame />
    </RealmGate>
  );
}

function ConsoleFrame() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const [collapsed, setCollapsed] = useState(false);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={220}>
        {/* The sider stretches with long pages; its content stays in view while scrolling. */}
        <div style={{ position: 'sticky', top: 0 }}>
          <Brand dark collapsed={collapsed} subtitle={t('product.consoleSubtitle')} />
          <SideMenu />
        </div>
      </Layout.Sider>
      <Layout>
        {!me.settings.mfaEnforced && <MfaDemoBanner />}
        <Layout.Header style={{ ...headerStyle, padding: '0 24px', gap: 16 }}>
          <Typography.Text strong style={{ fontSize: 16, whiteSpace: 'nowrap' }}>
            {t('product.name')}
          </Typography.Text>
          <Flex align="center" gap={20}>
            <OrgSwitcher />
            <LanguageSwitch />
            <UserMenu
              realm="staff"
              links={[
                {
                  key: 'account',
                  path: '/console/account',
                  icon: <UserOutlined />,
                  label: t('shell.account'),
                },
              ]}
              testId="user-menu"
              itemTestId="user-menu"
            />
          </Flex>
        </Layout.Header>
        <PageContent padding={24} />
      </Layout>
    </Layout>
  );
}
