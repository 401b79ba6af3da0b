import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../shell/language-switch';

/**
 * The centred frame shared by every sign-in step, with the product name above it. The subtitle
 * names the audience (staff console or merchant portal); the console's is the default.
 */
export function AuthCard({
  title,
  subtitle,
  children,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{
        minHeight: '100vh',
        padding: 24,
        background: 'linear-gradient(160deg, #e6f0ff 0%, #f5f7fa 55%, #ffffff 100%)',
      }}
    >
      <div style={{ position: 'absolute', top: 16, right: 24 }}>
        <LanguageSwitch />
      </div>
      <Flex vertical align="center" gap={4} style={{ marginBottom: 24 }}>
        <img src="/favicon.svg" alt="" width={48} height={48} />
        <Typography.Title level={3} style={{ margin: '8px 0 0' }}>
          {t('product.name')}
        </Typography.Title>
        <Typography.Text type="secondary">
          {t('product.shortName')} · {subtitle ?? t('product.consoleSubtitle')}
        </Typography.Text>
      </Flex>
      <Card title={title} style={{ width: '100%', maxWidth: 440 }}>
        {children}
      </Card>
    </Flex>
  );
}
