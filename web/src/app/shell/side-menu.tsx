import {
  AccountBookOutlined,
  ApartmentOutlined,
  AuditOutlined,
  ClusterOutlined,
  FileSearchOutlined,
  HomeOutlined,
  ReconciliationOutlined,
  ShareAltOutlined,
  ShopOutlined,
  ShoppingCartOutlined,
  TeamOutlined,
  TransactionOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { hasPermission, type Permission } from '../auth/permissions';
import { useCurrentMe } from '../auth/use-current-me';
import { type MenuEntry, SectionMenu } from './section-menu';

export function SideMenu() {
  const { t } = useTranslation();
  const me = useCurrentMe();

  const entries: (MenuEntry & { permission?: Permission })[] = [
    { key: 'home', path: '/console', icon: <HomeOutlined />, label: t('shell.home') },
    {
      key: 'org',
      path: '/console/org',
      icon: <ApartmentOutlined />,
      label: t('shell.org'),
      permission: 'org:read',
    },
    {
      key: 'staff',
      path: '/console/staff',
      icon: <TeamOutlined />,
      label: t('shell.staff'),
      permission: 'staff:read',
    },
    {
      key: 'merchants',
      path: '/console/merchants',
      icon: <ShopOutlined />,
      label: t('merchants.menu.merchants'),
      permission: 'merchant:read',
    },
    {
      key: 'review',
      path: '/console/review',
      icon: <FileSearchOutlined />,
      label: t('merchants.menu.review'),
      permission: 'merchant:review',
    },
    {
      key: 'markets',
      path: '/console/markets',
      icon: <ClusterOutlined />,
      label: t('merchants.menu.markets'),
      permission: 'merchant:read',
    },
    {
      key: 'referrals',
      path: '/console/referrals',
      icon: <ShareAltOutlined />,
      label: t('merchants.menu.referrals'),
      permission: 'merchant:read',
    },
    {
      key: 'payments',
      path: '/console/payments',
      icon: <TransactionOutlined />,
      label: t('payments.menu.consolePayments'),
      permission: 'payment:read',
    },
    {
      key: 'settlement',
      path: '/console/settlement/runs',
      icon: <AccountBookOutlined />,
      label: t('settlement.menu.console'),
      permission: 'settlement:read',
    },
    {
      key: 'reconciliation',
      path: '/console/reconciliation',
      icon: <ReconciliationOutlined />,
      label: t('reconciliation.menu'),
      permission: 'recon:read',
    },
    {
      key: 'farmers',
      path: '/console/farmers',
      icon: <ShoppingCartOutlined />,
      label: t('farmers.menu.console'),
      permission: 'farmer:read',
    },
    {
      key: 'audit',
      path: '/console/audit',
      icon: <AuditOutlined />,
      label: t('shell.audit'),
      permission: 'audit:read',
    },
    { key: 'account', path: '/console/account', icon: <UserOutlined />, label: t('shell.account') },
  ];

  return (
    <SectionMenu
      theme="dark"
      base="/console"
      homeKey="home"
      testIdPrefix="nav"
      entries={entries.filter((entry) => !entry.permission || hasPermission(me, entry.permission))}
    />
  );
}
