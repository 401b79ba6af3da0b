import {
  AccountBookOutlined,
  AppstoreOutlined,
  BellOutlined,
  DashboardOutlined,
  IdcardOutlined,
  KeyOutlined,
  QrcodeOutlined,
  SafetyOutlined,
  ShopOutlined,
  ShoppingCartOutlined,
  TeamOutlined,
  TransactionOutlined,
} from '@ant-design/icons';
import { Badge } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MerchantKind } from '../../app/api/merchant-types';
import { useCurrentMe } from '../../app/auth/use-current-me';
import { type MenuEntry, SectionMenu } from '../../app/shell/section-menu';
import { useNotifications, usePortalMerchant } from '../portal-api';
import { hasPortalPermission, type PortalPermission } from '../portal-permissions';

export function PortalMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const notifications = useNotifications();
  const unread = notifications.data?.unreadCount ?? 0;

  const merchant = usePortalMerchant();

  // An entry may also be only for one kind of merchant (farmer purchases for a produce
  // purchaser); until the merchant has loaded, such entries stay hidden.
  const entries: (MenuEntry & { permission?: PortalPermission; kind?: MerchantKind })[] = [
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
      key: 'payments',
      path: '/merchant/payments',
      icon: <TransactionOutlined />,
      label: t('payments.menu.portalPayments'),
      permission: 'portal:payments',
    },
    {
      key: 'store-codes',
      path: '/merchant/store-codes',
      icon: <QrcodeOutlined />,
      label: t('payments.menu.storeCodes'),
      permission: 'portal:payments',
    },
    {
      key: 'settlements',
      path: '/merchant/settlements',
      icon: <AccountBookOutlined />,
      label: t('settlement.menu.portal'),
      permission: 'portal:settlements',
    },
    {
      key: 'farmers',
      path: '/merchant/farmers',
      icon: <ShoppingCartOutlined />,
      label: t('farmers.menu.portal'),
      permission: 'portal:farmers',
      kind: 'produce_purchaser',
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
      key: 'api-keys',
      path: '/merchant/api-keys',
      icon: <KeyOutlined />,
      label: t('apiKeys.menu'),
      permission: 'portal:api_keys',
    },
    {
      key: 'security',
      path: '/merchant/security',
      icon: <SafetyOutlined />,
      label: t('portal.menu.security'),
    },
  ];
  return (
    <SectionMenu
      style={{ borderInlineEnd: 'none' }}
      base="/merchant"
      homeKey="overview"
      testIdPrefix="portal-nav"
      entries={entries.filter(
        (entry) =>
          (!entry.permission || hasPortalPermission(me, entry.permission)) &&
          (!entry.kind || merchant.data?.kind === entry.kind),
      )}
      onNavigate={onNavigate}
    />
  );
}
