import { SwapOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Popconfirm,
  Row,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api/client';
import { useShowError } from '../../app/api/use-show-error';
import { useCurrentMe } from '../../app/auth/use-current-me';
import { PageLoading } from '../../app/shell/page-loading';
import { QueryError } from '../../app/shell/query-error';
import { formatTime } from '../../console/shared/format-time';
import { labelOfCode, useApplicationOptions } from '../application-options';
import { portalMerchantQueryKey, usePortalMerchant } from '../portal-api';
import { hasPortalPermission } from '../portal-permissions';
import { feePlanLabelOf } from '../role-label';
import { statusColor } from '../status-color';
import { AccountChangeModal } from './account-change-modal';

export function ProfilePage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const merchant = usePortalMerchant();
  const options = useApplicationOptions();
  const [changing, setChanging] = useState(false);
  const canChangeAccount = hasPortalPermission(me, 'portal:account');

  const cancel = useMutation({
    mutationFn: (changeId: string) =>
      api.post<void>(`/portal/account-changes/${encodeURIComponent(changeId)}/cancel`),
    onSuccess: async () => {
      void message.success(t('portal.profile.cancelled'));
      await queryClient.invalidateQueries({ queryKey: portalMerchantQueryKey });
    },
    onError: (error) => showError(error),
  });

  if (merchant.isPending) return <PageLoading />;
  if (merchant.isError) {
    return <QueryError error={merchant.error} onRetry={() => void merchant.refetch()} />;
  }
  const profile = merchant.data;
  const pending =
    profile.pendingAccountChange?.status === 'pending' ? profile.pendingAccountChange : null;
  const bank = (code: string | null) => labelOfCode(options.data?.banks, code);

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('portal.profile.title')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title={t('portal.profile.basic')}>
            <Descriptions
              column={1}
              bordered
              size="small"
              data-testid="portal-profile"
              items={[
                {
                  key: 'status',
                  label: t('portal.overview.merchantStatus'),
                  children: (
                    <Tag color={statusColor[profile.status]}>
                      {t(`portal.statuses.${profile.status}`)}
                    </Tag>
                  ),
                },
                {
                  key: 'kind',
                  label: t('portal.profile.kind'),
                  children: t(`portal.kinds.${profile.kind}`),
                },
                ...(profile.registeredName
                  ? [
                      {
                        key: 'registered',
                        label: t('portal.profile.registeredName'),
                        children: profile.registeredName,
                      },
                    ]
                  : []),
                {
                  key: 'short',
                  label: t('portal.profile.shortName'),
                  children: profile.shortName ?? '—',
                },
                ...(profile.creditCode
                  ? [
                      {
                        key: 'credit',
                        label: t('portal.profile.creditCode'),
                        children: profile.creditCode,
                      },
                    ]
                  : []),
                {
                  key: 'rep',
                  label: t('portal.profile.legalRepName'),
                  children: profile.legalRepName ?? '—',
                },
                {
                  key: 'id',
                  label: t('portal.profile.legalRepIdNumber'),
                  children: profile.legalRepIdNumber ?? '—',
                },
                {
                  key: 'mobile',
                  label: t('portal.profile.mobile'),
                  children: profile.mobile ?? '—',
                },
                {
                  key: 'region',
                  label: t('portal.profile.region'),
                  children: profile.regionName ?? '—',
                },
                {
                  key: 'address',
                  label: t('portal.profile.address'),
                  children: profile.address ?? '—',
                },
                {
                  key: 'mcc',
                  label: t('portal.profile.mcc'),
                  children: labelOfCode(options.data?.mccs, profile.mcc),
                },
                {
                  key: 'branch',
                  label: t('portal.profile.branch'),
                  children: profile.orgNode?.name ?? '—',
                },
                {
                  key: 'fee',
                  label: t('portal.profile.feePlan'),
                  children: profile.feePlan ? feePlanLabelOf(profile.feePlan) : '—',
                },
                {
                  key: 'activated',
                  label: t('portal.profile.activatedAt'),
                  children: formatTime(profile.activatedAt),
                },
                {
                  key: 'referral',
                  label: t('portal.profile.referralCode'),
                  children: profile.referralCode ?? '—',
                },
                ...(profile.referredBy
                  ? [
                      {
                        key: 'referredBy',
                        label: t('portal.profile.referredBy'),
                        children: profile.referredBy.shortName ?? profile.referredBy.id,
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card
            title={t('portal.profile.settlement')}
            extra={
              canChangeAccount && (
                <Button
                  icon={<SwapOutlined />}
                  disabled={Boolean(pending)}
                  onClick={() => setChanging(true)}
                  data-testid="account-change-open"
                >
                  {t('portal.profile.requestChange')}
                </Button>
              )
            }
          >
            <Descriptions
              column={1}
              size="small"
              data-testid="portal-settlement"
              items={[
                {
                  key: 'name',
                  label: t('portal.profile.accountName'),
                  children: profile.settlementAccountName ?? '—',
                },
                {
                  key: 'number',
                  label: t('portal.profile.accountNumber'),
                  children: profile.settlementAccountNumber ?? '—',
                },
                {
                  key: 'bank',
                  label: t('portal.profile.bank'),
                  children: bank(profile.settlementBankCode),
                },
              ]}
            />
            {pending && (
              <Alert
                type="warning"
                showIcon
                data-testid="account-change-pending"
                style={{ marginTop: 12 }}
                title={t('portal.profile.pending')}
                description={
                  <Flex vertical gap={4}>
                    <span>
                      {pending.accountName} · {pending.accountNumber} · {bank(pending.bankCode)}
                    </span>
                    <span>
                      {t('portal.profile.pendingHint', { time: formatTime(pending.effectiveAt) })}
                    </span>
                  </Flex>
                }
                action={
                  canChangeAccount && (
                    <Popconfirm
                      title={t('portal.profile.cancelConfirm')}
                      okText={t('common.ok')}
                      cancelText={t('common.cancel')}
                      onConfirm={() => cancel.mutate(pending.id)}
                    >
                      <Button
                        size="small"
                        danger
                        loading={cancel.isPending}
                        data-testid="account-change-cancel"
                      >
                        {t('portal.profile.cancelChange')}
                      </Button>
                    </Popconfirm>
                  )
                }
              />
            )}
          </Card>
        </Col>
      </Row>
      {changing && <AccountChangeModal onClose={() => setChanging(false)} />}
    </>
  );
}
