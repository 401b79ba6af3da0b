import { lazy } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
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
const AccountPage = lazy(() =>
  import('../console/account/account-page').then((m) => ({ default: m.AccountPage })),
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
      { path: 'account', element: <AccountPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
  { path: '*', element: <Navigate to="/console" replace /> },
]);
