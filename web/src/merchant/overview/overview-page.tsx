import { BellOutlined } from '@ant-design/icons';
import { Alert, Badge, Card, Col, Descriptions, Empty, List, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { optionLabel, useApplicationOptions } from '../../app/api/application-options';
import { useCurrentMe } from '../../app/auth/use-current-me';
import { PageLoading } from '../../app/shell/page-loading';
import { QueryError } from '../../app/shell/query-error';
import { merchantStatusColor } from '../../app/shell/status-colors';
import { formatTime } from '../../console/shared/format-time';
import { notificationText } from '../notifications/notification-text';
import { useNotifications, usePortalMerchant } from '../portal-api';
import { roleLabelOf } from '../role-label';

/** The first page after sign-in: the merchant's state, what is new, and the referral code. */
export function OverviewPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const merchant = usePortalMerchant();
  const notifications = useNotifications();
  const options = useApplicationOptions();

  if (merchant.isPending) return <PageLoading />;
  if (merchant.isError) {
    return <QueryError error={merchant.error} onRetry={() => void merchant.refetch()} />;
  }
  const profile = merchant.data;
  const unread = (notifications.data?.data ?? []).filter((item) => !item.readAt);
  const pending = profile.pendingAccountChange;

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('portal.overview.welcome', { name: me.user.displayName })}
        <Tag style={{ marginLeft: 12, verticalAlign: 'middle' }}>
          {roleLabelOf(profile.me?.role ?? me.user.roles[0] ?? '')}
        </Tag>
      </Typography.Title>
      {pending?.status === 'pending' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('portal.overview.pendingChange', {
            account: `${pending.accountName} ${pending.accountNumber}`,
            time: formatTime(pending.effectiveAt),
          })}
          action={<Link to="/merchant/profile">{t('portal.overview.viewProfile')}</Link>}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title={t('portal.overview.profile')} data-testid="portal-overview-profile">
            <Descriptions
              column={{ xs: 1, sm: 2 }}
              size="middle"
              items={[
                {
                  key: 'status',
                  label: t('portal.overview.merchantStatus'),
                  children: (
                    <Tag
                      color={merchantStatusColor[profile.status]}
                      data-testid="portal-merchant-status"
                    >
                      {t(`portal.statuses.${profile.status}`)}
                    </Tag>
                  ),
                },
                {
                  key: 'name',
                  label: t('portal.profile.shortName'),
                  children: profile.shortName ?? '—',
                },
                {
                  key: 'kind',
                  label: t('portal.profile.kind'),
                  children: t(`portal.kinds.${profile.kind}`),
                },
                {
                  key: 'mcc',
                  label: t('portal.profile.mcc'),
                  children: optionLabel(options.data?.mccs, profile.mcc),
                },
                {
                  key: 'region',
                  label: t('portal.profile.region'),
                  children: profile.regionName ?? '—',
                },
                {
                  key: 'branch',
                  label: t('portal.profile.branch'),
                  children: profile.orgNode?.name ?? '—',
                },
                {
                  key: 'activated',
                  label: t('portal.profile.activatedAt'),
                  children: formatTime(profile.activatedAt),
                },
                ...(profile.statusReason && profile.status !== 'active'
                  ? [
                      {
                        key: 'reason',
                        label: t('portal.overview.statusReason'),
                        children: profile.statusReason,
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card
            title={
              <span>
                <BellOutlined /> {t('portal.overview.unread')}{' '}
                <Badge count={unread.length} style={{ marginLeft: 4 }} />
              </span>
            }
            extra={<Link to="/merchant/notifications">{t('portal.overview.viewAll')}</Link>}
            data-testid="portal-unread"
          >
            {notifications.isError ? (
              <QueryError
                error={notifications.error}
                onRetry={() => void notifications.refetch()}
              />
            ) : unread.length === 0 ? (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={t('portal.overview.noUnread')}
              />
            ) : (
              <List
                size="small"
                dataSource={unread.slice(0, 5)}
                renderItem={(item) => (
                  <List.Item data-testid={`portal-unread-${item.kind}`}>
                    <List.Item.Meta
                      title={notificationText(item)}
                      description={formatTime(item.createdAt)}
                    />
                  </List.Item>
                )}
              />
            )}
          </Card>
          {profile.referralCode && (
            <Card title={t('portal.overview.referral')} style={{ marginTop: 16 }}>
              <Typography.Text
                copyable
                strong
                style={{ fontSize: 20, letterSpacing: 2 }}
                data-testid="portal-referral-code"
              >
                {profile.referralCode}
              </Typography.Text>
              <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
                {t('portal.overview.referralHint')}
              </Typography.Paragraph>
            </Card>
          )}
        </Col>
      </Row>
    </>
  );
}
