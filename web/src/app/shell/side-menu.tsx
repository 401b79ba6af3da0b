import {
  ApartmentOutlined,
  AuditOutlined,
  ClusterOutlined,
  FileSearchOutlined,
  HomeOutlined,
  ShareAltOutlined,
  ShopOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Menu, type MenuProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { hasPermission, type Permission } from '../auth/permissions';
import { useCurrentMe } from '../auth/use-current-me';

interface Entry {
  path: string;
  icon: ReactNode;
  label: string;
  permission?: Permission;
}

/** The first path segment after /console picks the highlighted entry, so detail URLs keep it. */
function selectedKey(pathname: string): string {
  const section = pathname.replace(/^\/console\/?/, '').split('/')[0];
  return section ? `/console/${section}` : '/console';
}

export function SideMenu() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const navigate = useNavigate();
  const { pathname } = useLocation();

  const entries: Entry[] = [
    { path: '/console', icon: <HomeOutlined />, label: t('shell.home') },
    {
      path: '/console/org',
      icon: <ApartmentOutlined />,
      label: t('shell.org'),
      permission: 'org:read',
    },
    {
      path: '/console/staff',
      icon: <TeamOutlined />,
      label: t('shell.staff'),
      permission: 'staff:read',
    },
    {
      path: '/console/merchants',
      icon: <ShopOutlined />,
      label: t('merchants.menu.merchants'),
      permission: 'merchant:read',
    },
    {
      path: '/console/review',
      icon: <FileSearchOutlined />,
      label: t('merchants.menu.review'),
      permission: 'merchant:review',
    },
    {
      path: '/console/markets',
      icon: <ClusterOutlined />,
      label: t('merchants.menu.markets'),
      permission: 'merchant:read',
    },
    {
      path: '/console/referrals',
      icon: <ShareAltOutlined />,
      label: t('merchants.menu.referrals'),
      permission: 'merchant:read',
    },
    {
      path: '/console/audit',
      icon: <AuditOutlined />,
      label: t('shell.audit'),
      permission: 'audit:read',
    },
    { path: '/console/account', icon: <UserOutlined />, label: t('shell.account') },
  ];
  const items: MenuProps['items'] = entries
    .filter((entry) => !entry.permission || hasPermission(me, entry.permission))
    .map((entry) => ({
      key: entry.path,
      icon: entry.icon,
      label: <span data-testid={`nav-${entry.path.split('/')[2] ?? 'home'}`}>{entry.label}</span>,
    }));

  return (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={[selectedKey(pathname)]}
      items={items}
      onClick={({ key }) => void navigate(key)}
    />
  );
}
