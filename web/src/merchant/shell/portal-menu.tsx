import {
  AppstoreOutlined,
  BellOutlined,
  DashboardOutlined,
  IdcardOutlined,
  SafetyOutlined,
  ShopOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Badge, Menu, type MenuProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useCurrentMe } from '../../app/auth/use-current-me';
import { useNotifications } from '../portal-api';
import { hasPortalPermission, type PortalPermission } from '../portal-permissions';

interface Entry {
  key: string;
  path: string;
  icon: ReactNode;
  label: ReactNode;
  permission?: PortalPermission;
}

function selectedKey(pathname: string): string {
  const section = pathname.replace(/^\/merchant\/?/, '').split('/')[0];
  return section || 'overview';
}

export function PortalMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const notifications = useNotifications();
  const unread = notifications.data?.unreadCount ?? 0;

  const entries: Entry[] = [
    {
      key: 'overview',
      path: '/merchant',
      icon: <DashboardOutlined />,
      label: t('portal.menu.overview'),
      permission: 'portal:read',
    },
    {
      key: 'profile',
      path: '/merchant/profile',
      icon: <IdcardOutlined />,
      label: t('portal.menu.profile'),
      permission: 'portal:read',
    },
    {
      key: 'stores',
      path: '/merchant/stores',
      icon: <ShopOutlined />,
      label: t('portal.menu.stores'),
      permission: 'portal:stores',
    },
    {
      key: 'staff',
      path: '/merchant/staff',
      icon: <TeamOutlined />,
      label: t('portal.menu.staff'),
      permission: 'portal:staff',
    },
    {
      key: 'markets',
      path: '/merchant/markets',
      icon: <AppstoreOutlined />,
      label: t('portal.menu.markets'),
      permission: 'portal:read',
    },
    {
      key: 'notifications',
      path: '/merchant/notifications',
      icon: <BellOutlined />,
      label: (
        <Badge count={unread} size="small" offset={[10, 0]}>
          {t('portal.menu.notifications')}
        </Badge>
      ),
      permission: 'portal:read',
    },
    {
      key: 'security',
      path: '/merchant/security',
      icon: <SafetyOutlined />,
      label: t('portal.menu.security'),
    },
  ];
  const visible = entries.filter(
    (entry) => !entry.permission || hasPortalPermission(me, entry.permission),
  );
  const items: MenuProps['items'] = visible.map((entry) => ({
    key: entry.key,
    icon: entry.icon,
    label: <span data-testid={`portal-nav-${entry.key}`}>{entry.label}</span>,
  }));

  return (
    <Menu
      mode="inline"
      selectedKeys={[selectedKey(pathname)]}
      items={items}
      style={{ borderInlineEnd: 'none' }}
      onClick={({ key }) => {
        const entry = visible.find((item) => item.key === key);
        if (entry) void navigate(entry.path);
        onNavigate?.();
      }}
    />
  );
}
