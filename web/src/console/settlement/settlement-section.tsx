import { Tabs, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

const sections = ['runs', 'payouts'] as const;
type SettlementSectionKey = (typeof sections)[number];

/**
 * The frame of the console's 结算 section: one side-menu entry, its runs and payouts as tabs
 * that are pages of their own (each has its URL, so a link or a reload keeps the tab).
 */
export function SettlementSection({
  active,
  extra,
  children,
}: {
  active: SettlementSectionKey;
  extra?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('settlement.menu.console')}
      </Typography.Title>
      <Tabs
        activeKey={active}
        onChange={(key) => void navigate(`/console/settlement/${key}`)}
        tabBarExtraContent={extra}
        items={sections.map((key) => ({
          key,
          label: <span data-testid={`settlement-tab-${key}`}>{t(`settlement.tabs.${key}`)}</span>,
        }))}
      />
      {children}
    </>
  );
}
