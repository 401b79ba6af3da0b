import { Alert, Card, Flex, Space, Tabs, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import type { Merchant } from '../../app/api/merchant-types';
import { hasPermission } from '../../app/auth/permissions';
import { useCurrentMe } from '../../app/auth/use-current-me';
import { SettlementTermsCard } from '../settlement/settlement-terms-card';
import { DetailPageFrame } from '../shared/detail-page-frame';
import { formatTime } from '../shared/format-time';
import { HistoryTab, MarketsTab, StoresTab, UsersTab } from './detail-tabs';
import { DocumentsTab } from './documents-tab';
import { feePlanLabel, kindLabel, RiskTag, StatusTag } from './labels';
import { MerchantActions } from './merchant-actions';
import { useMerchant, useMerchantHistory } from './merchant-api';
import { ProfileTab, useStaffName } from './profile-tab';

const tabKeys = ['profile', 'documents', 'stores', 'users', 'markets', 'history'] as const;
type TabKey = (typeof tabKeys)[number];

export function MerchantDetailPage() {
  const { id = '' } = useParams();
  const merchant = useMerchant(id);
  return (
    <DetailPageFrame query={merchant} texts="merchants.detail">
      {(record, back) => <MerchantDetail merchant={record} back={back} />}
    </DetailPageFrame>
  );
}

function MerchantDetail({ merchant, back }: { merchant: Merchant; back: React.ReactNode }) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const [searchParams, setSearchParams] = useSearchParams();
  const history = useMerchantHistory(merchant.id);
  // Staff are named by id in a merchant; the history knows their user names.
  const actorNames = useMemo(() => {
    const names = new Map<string, string>();
    for (const event of history.data?.pages.flatMap((page) => page.data) ?? []) {
      if (event.actor?.id && event.actor.username) names.set(event.actor.id, event.actor.username);
    }
    return names;
  }, [history.data]);
  const staffName = useStaffName(actorNames);
  const requested = searchParams.get('tab');
  const tab: TabKey = tabKeys.includes(requested as TabKey) ? (requested as TabKey) : 'profile';

  const awaitingApproval = merchant.status === 'in_review' && merchant.recommendedAt !== null;
  const reviewedByMe = merchant.reviewerUserId === me.user.id;

  return (
    <Flex vertical gap={16}>
      <div>{back}</div>
      <Card>
        <Flex justify="space-between" align="flex-start" gap={16} wrap>
          <Flex vertical gap={8}>
            <Space align="center" wrap>
              <Typography.Title level={3} style={{ margin: 0 }} data-testid="merchant-title">
                {merchant.shortName ?? t('merchants.unnamed')}
              </Typography.Title>
              <StatusTag status={merchant.status} />
              <Tag>{kindLabel(merchant.kind)}</Tag>
              {merchant.riskLevel && <RiskTag risk={merchant.riskLevel} />}
            </Space>
            <Typography.Text type="secondary">
              {[merchant.registeredName, merchant.orgNode.name, merchant.regionName]
                .filter(Boolean)
                .join(' · ')}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              ID{' '}
              <Typography.Text copyable style={{ fontSize: 12 }}>
                {merchant.id}
              </Typography.Text>
              {merchant.submittedAt &&
                ` · ${t('merchants.field.submittedAt')} ${formatTime(merchant.submittedAt)}`}
            </Typography.Text>
          </Flex>
          <MerchantActions merchant={merchant} />
        </Flex>
        <Flex vertical gap={8} style={{ marginTop: 16 }}>
          {merchant.statusReason &&
            ['needs_changes', 'rejected', 'suspended', 'closed'].includes(merchant.status) && (
              <Alert
                type={merchant.status === 'needs_changes' ? 'warning' : 'error'}
                showIcon
                data-testid="status-reason"
                title={t(`merchants.detail.reasonTitle.${merchant.status as 'needs_changes'}`)}
                description={merchant.statusReason}
              />
            )}
          {merchant.status === 'in_review' && !awaitingApproval && (
            <Alert
              type="info"
              showIcon
              title={t('merchants.detail.inReview', {
                reviewer: staffName(merchant.reviewerUserId),
              })}
            />
          )}
          {awaitingApproval && (
            <Alert
              type={reviewedByMe ? 'warning' : 'success'}
              showIcon
              data-testid="awaiting-approval"
              title={t('merchants.detail.awaitingApproval', {
                reviewer: staffName(merchant.reviewerUserId),
                risk: merchant.riskLevel ? t(`merchants.risk.${merchant.riskLevel}`) : '—',
                plan: merchant.feePlan ? feePlanLabel(merchant.feePlan) : '—',
              })}
              description={reviewedByMe ? t('merchants.detail.makerCheckerSelf') : undefined}
            />
          )}
        </Flex>
      </Card>
      {hasPermission(me, 'settlement:read') && <SettlementTermsCard merchantId={merchant.id} />}
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setSearchParams({ tab: key }, { replace: true })}
          items={[
            {
              key: 'profile',
              label: t('merchants.tabs.profile'),
              children: <ProfileTab merchant={merchant} actorNames={actorNames} />,
            },
            {
              key: 'documents',
              label: t('merchants.tabs.documents'),
              children: <DocumentsTab merchant={merchant} />,
            },
            {
              key: 'stores',
              label: t('merchants.tabs.stores'),
              children: <StoresTab merchant={merchant} />,
            },
            {
              key: 'users',
              label: t('merchants.tabs.users'),
              children: <UsersTab merchant={merchant} />,
            },
            {
              key: 'markets',
              label: t('merchants.tabs.markets'),
              children: <MarketsTab merchant={merchant} />,
            },
            {
              key: 'history',
              label: t('merchants.tabs.history'),
              children: <HistoryTab merchant={merchant} />,
            },
          ]}
          destroyOnHidden
        />
      </Card>
    </Flex>
  );
}
