import { lazy } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { RequirePortalPermission } from '../merchant/shell/require-portal-permission';
import { ConsoleLayout } from './shell/console-layout';
import { NotFoundPage } from './shell/not-found-page';
import { RequirePermission } from './shell/require-permission';

// Pages load on demand so the sign-in screen does not pay for tables and trees.
const LoginPage = lazy(() => import('./auth/login-page').then((m) => ({ default: m.LoginPage })));
const ConsoleHomePage = lazy(() =>
  import('../console/home/console-home-page').then((m) => ({ default: m.ConsoleHomePage })),
);
const OrgPage = lazy(() => import('../console/org/org-page').then((m) => ({ default: m.OrgPage })));
const StaffPage = lazy(() =>
  import('../console/staff/staff-page').then((m) => ({ default: m.StaffPage })),
);
const AuditPage = lazy(() =>
  import('../console/audit/audit-page').then((m) => ({ default: m.AuditPage })),
);
const MerchantListPage = lazy(() =>
  import('../console/merchants/merchant-list-page').then((m) => ({ default: m.MerchantListPage })),
);
const MerchantDetailPage = lazy(() =>
  import('../console/merchants/merchant-detail-page').then((m) => ({
    default: m.MerchantDetailPage,
  })),
);
const ReviewQueuePage = lazy(() =>
  import('../console/merchants/review-queue-page').then((m) => ({ default: m.ReviewQueuePage })),
);
const MarketsPage = lazy(() =>
  import('../console/merchants/markets-page').then((m) => ({ default: m.MarketsPage })),
);
const ReferralsPage = lazy(() =>
  import('../console/merchants/referrals-page').then((m) => ({ default: m.ReferralsPage })),
);
const PaymentListPage = lazy(() =>
  import('../console/payments/payment-list-page').then((m) => ({ default: m.PaymentListPage })),
);
const PaymentDetailPage = lazy(() =>
  import('../console/payments/payment-detail-page').then((m) => ({
    default: m.PaymentDetailPage,
  })),
);
const SettlementRunsPage = lazy(() =>
  import('../console/settlement/settlement-runs-page').then((m) => ({
    default: m.SettlementRunsPage,
  })),
);
const RunDetailPage = lazy(() =>
  import('../console/settlement/run-detail-page').then((m) => ({ default: m.RunDetailPage })),
);
const PayoutsPage = lazy(() =>
  import('../console/settlement/payouts-page').then((m) => ({ default: m.PayoutsPage })),
);
const ReconImportsPage = lazy(() =>
  import('../console/reconciliation/imports-page').then((m) => ({ default: m.ImportsPage })),
);
const ReconImportDetailPage = lazy(() =>
  import('../console/reconciliation/import-detail-page').then((m) => ({
    default: m.ImportDetailPage,
  })),
);
const PurchaseVolumePage = lazy(() =>
  import('../console/farmers/purchase-volume-page').then((m) => ({
    default: m.PurchaseVolumePage,
  })),
);
const AccountPage = lazy(() =>
  import('../console/account/account-page').then((m) => ({ default: m.AccountPage })),
);

// The applicant's H5 form (antd-mobile) and the merchant portal are separate chunks: staff never
// download them, and a phone opening /apply never downloads the console.
const ApplyPage = lazy(() =>
  import('../h5/apply/apply-page').then((m) => ({ default: m.ApplyPage })),
);
const MerchantLoginPage = lazy(() =>
  import('../merchant/auth/merchant-login-page').then((m) => ({ default: m.MerchantLoginPage })),
);
const MerchantSetupPage = lazy(() =>
  import('../merchant/auth/merchant-setup-page').then((m) => ({ default: m.MerchantSetupPage })),
);
const PortalLayout = lazy(() =>
  import('../merchant/shell/portal-layout').then((m) => ({ default: m.PortalLayout })),
);
const PortalOverviewPage = lazy(() =>
  import('../merchant/overview/overview-page').then((m) => ({ default: m.OverviewPage })),
);
const PortalProfilePage = lazy(() =>
  import('../merchant/profile/profile-page').then((m) => ({ default: m.ProfilePage })),
);
const PortalStoresPage = lazy(() =>
  import('../merchant/stores/stores-page').then((m) => ({ default: m.StoresPage })),
);
const PortalStaffPage = lazy(() =>
  import('../merchant/staff/staff-page').then((m) => ({ default: m.StaffPage })),
);
const PortalMarketsPage = lazy(() =>
  import('../merchant/markets/markets-page').then((m) => ({ default: m.MarketsPage })),
);
const PortalNotificationsPage = lazy(() =>
  import('../merchant/notifications/notifications-page').then((m) => ({
    default: m.NotificationsPage,
  })),
);
const PortalApiKeysPage = lazy(() =>
  import('../merchant/api-keys/api-keys-page').then((m) => ({ default: m.ApiKeysPage })),
);
const PortalPaymentsPage = lazy(() =>
  import('../merchant/payments/payments-page').then((m) => ({ default: m.PaymentsPage })),
);
const PortalStoreCodesPage = lazy(() =>
  import('../merchant/store-codes/store-codes-page').then((m) => ({
    default: m.StoreCodesPage,
  })),
);
const PortalSettlementsPage = lazy(() =>
  import('../merchant/settlements/settlements-page').then((m) => ({
    default: m.SettlementsPage,
  })),
);
const PortalFarmersPage = lazy(() =>
  import('../merchant/farmers/farmers-page').then((m) => ({ default: m.FarmersPage })),
);
const PortalSecurityPage = lazy(() =>
  import('../merchant/security/security-page').then((m) => ({ default: m.SecurityPage })),
);

export const router = createBrowserRouter([
  { path: '/', element: <Navigate to="/console" replace /> },
  { path: '/login', element: <LoginPage /> },
  {
    path: '/console',
    element: <ConsoleLayout />,
    children: [
      { index: true, element: <ConsoleHomePage /> },
      {
        path: 'org',
        element: (
          <RequirePermission permission="org:read">
            <OrgPage />
          </RequirePermission>
        ),
      },
      {
        path: 'staff',
        element: (
          <RequirePermission permission="staff:read">
            <StaffPage />
          </RequirePermission>
        ),
      },
      {
        path: 'audit',
        element: (
          <RequirePermission permission="audit:read">
            <AuditPage />
          </RequirePermission>
        ),
      },
      {
        path: 'merchants',
        element: (
          <RequirePermission permission="merchant:read">
            <MerchantListPage />
          </RequirePermission>
        ),
      },
      {
        path: 'merchants/:id',
        element: (
          <RequirePermission permission="merchant:read">
            <MerchantDetailPage />
          </RequirePermission>
        ),
      },
      {
        path: 'review',
        element: (
          <RequirePermission permission="merchant:review">
            <ReviewQueuePage />
          </RequirePermission>
        ),
      },
      {
        path: 'markets',
        element: (
          <RequirePermission permission="merchant:read">
            <MarketsPage />
          </RequirePermission>
        ),
      },
      {
        path: 'referrals',
        element: (
          <RequirePermission permission="merchant:read">
            <ReferralsPage />
          </RequirePermission>
        ),
      },
      {
        path: 'payments',
        element: (
          <RequirePermission permission="payment:read">
            <PaymentListPage />
          </RequirePermission>
        ),
      },
      {
        path: 'payments/:id',
        element: (
          <RequirePermission permission="payment:read">
            <PaymentDetailPage />
          </RequirePermission>
        ),
      },
      { path: 'settlement', element: <Navigate to="/console/settlement/runs" replace /> },
      {
        path: 'settlement/runs',
        element: (
          <RequirePermission permission="settlement:read">
            <SettlementRunsPage />
          </RequirePermission>
        ),
      },
      {
        path: 'settlement/runs/:date',
        element: (
          <RequirePermission permission="settlement:read">
            <RunDetailPage />
          </RequirePermission>
        ),
      },
      {
        path: 'settlement/payouts',
        element: (
          <RequirePermission permission="settlement:read">
            <PayoutsPage />
          </RequirePermission>
        ),
      },
      {
        path: 'reconciliation',
        element: (
          <RequirePermission permission="recon:read">
            <ReconImportsPage />
          </RequirePermission>
        ),
      },
      {
        path: 'reconciliation/imports/:id',
        element: (
          <RequirePermission permission="recon:read">
            <ReconImportDetailPage />
          </RequirePermission>
        ),
      },
      {
        path: 'farmers',
        element: (
          <RequirePermission permission="farmer:read">
            <PurchaseVolumePage />
          </RequirePermission>
        ),
      },
      { path: 'account', element: <AccountPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
  { path: '/apply/:id?', element: <ApplyPage /> },
  { path: '/merchant/login', element: <MerchantLoginPage /> },
  { path: '/merchant/setup', element: <MerchantSetupPage /> },
  {
    path: '/merchant',
    element: <PortalLayout />,
    children: [
      { index: true, element: <PortalOverviewPage /> },
      { path: 'profile', element: <PortalProfilePage /> },
      { path: 'stores', element: <PortalStoresPage /> },
      { path: 'staff', element: <PortalStaffPage /> },
      { path: 'markets', element: <PortalMarketsPage /> },
      { path: 'notifications', element: <PortalNotificationsPage /> },
      { path: 'payments', element: <PortalPaymentsPage /> },
      { path: 'store-codes', element: <PortalStoreCodesPage /> },
      { path: 'api-keys', element: <PortalApiKeysPage /> },
      {
        path: 'settlements',
        element: (
          <RequirePortalPermission permission="portal:settlements">
            <PortalSettlementsPage />
          </RequirePortalPermission>
        ),
      },
      {
        path: 'farmers',
        element: (
          <RequirePortalPermission permission="portal:farmers">
            <PortalFarmersPage />
          </RequirePortalPermission>
        ),
      },
      { path: 'security', element: <PortalSecurityPage /> },
      { path: '*', element: <Navigate to="/merchant" replace /> },
    ],
  },
  { path: '*', element: <Navigate to="/console" replace /> },
]);
