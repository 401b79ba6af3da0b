import { Flex, Layout, Typography } from 'antd';
import { type CSSProperties, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { PageLoading } from './page-loading';

/** The logo and product name atop a side menu, light on the console's dark one. */
export function Brand({
  subtitle,
  dark = false,
  collapsed = false,
}: {
  subtitle: string;
  dark?: boolean;
  /** A collapsed menu shows the logo alone. */
  collapsed?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Flex
      align="center"
      gap={10}
      style={{ height: 64, padding: dark ? '0 24px' : '0 20px', overflow: 'hidden' }}
    >
      <img src="/favicon.svg" alt="" width={28} height={28} />
      {!collapsed && (
        <Flex vertical style={{ lineHeight: 1.3, whiteSpace: 'nowrap' }}>
          <Typography.Text strong style={{ fontSize: 16, ...(dark && { color: '#fff' }) }}>
            {t('product.shortName')}
          </Typography.Text>
          <Typography.Text
            type={dark ? undefined : 'secondary'}
            style={{ fontSize: 12, ...(dark && { color: 'rgba(255,255,255,0.65)' }) }}
          >
            {subtitle}
          </Typography.Text>
        </Flex>
      )}
    </Flex>
  );
}

/** The header bar's look; each frame adds its own padding and gap. */
export const headerStyle: CSSProperties = {
  background: '#fff',
  borderBottom: '1px solid #f0f0f0',
  display: 'flex',
  alignItems: 'center',
  justifyContent: 'space-between',
};

/** Where a frame shows the current page, lazily loaded ones behind a spinner. */
export function PageContent({ padding }: { padding: number }) {
  return (
    <Layout.Content style={{ padding }}>
      <Suspense fallback={<PageLoading />}>
        <Outlet />
      </Suspense>
    </Layout.Content>
  );
}
