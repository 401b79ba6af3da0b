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
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { optionLabel, useApplicationOptions } from '../../app/api/application-options';
import { api } from '../../app/api/client';
import { useShowError } from '../../app/api/use-show-error';
import { useCurrentMe } from '../../app/auth/use-current-me';
import { PageLoading } from '../../app/shell/page-loading';
import { QueryError } from '../../app/shell/query-error';
import { merchantStatusColor } from '../../app/shell/status-colors';
import { formatTime } from '../../console/shared/format-time';
import { portalMerchantQueryKey, usePortalMerchant } from '../portal-api';
import { hasPortalPermission } from '../portal-permissions';
import { feePlanLabelOf } from '../role-label';
import type { portalZh } from '../texts';
import { AccountChangeModal } from './account-change-modal';

type ProfileLabel = keyof typeof portalZh.profile;

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
  const bank = (code: string | null) => optionLabel(options.data?.banks, code);
  const field = (key: ProfileLabel, children: ReactNode) => ({
    key,
    label: t(`portal.profile.${key}`),
    children,
  });

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
                    <Tag color={merchantStatusColor[profile.status]}>
                      {t(`portal.statuses.${profile.status}`)}
                    </Tag>
                  ),
                },
                field('kind', t(`portal.kinds.${profile.kind}`)),
                profile.registeredName ? field('registeredName', profile.registeredName) : null,
                field('shortName', profile.shortName ?? '—'),
                profile.creditCode ? field('creditCode', profile.creditCode) : null,
                field('legalRepName', profile.legalRepName ?? '—'),
                field('legalRepIdNumber', profile.legalRepIdNumber ?? '—'),
                field('mobile', profile.mobile ?? '—'),
                field('region', profile.regionName ?? '—'),
                field('address', profile.address ?? '—'),
                field('mcc', optionLabel(options.data?.mccs, profile.mcc)),
                field('branch', profile.orgNode?.name ?? '—'),
                field('feePlan', profile.feePlan ? feePlanLabelOf(profile.feePlan) : '—'),
                field('activatedAt', formatTime(profile.activatedAt)),
                field('referralCode', profile.referralCode ?? '—'),
                profile.referredBy
                  ? field('referredBy', profile.referredBy.shortName ?? profile.referredBy.id)
                  : null,
              ].filter((item) => item !== null)}
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
                field('accountName', profile.settlementAccountName ?? '—'),
                field('accountNumber', profile.settlementAccountNumber ?? '—'),
                field('bank', bank(profile.settlementBankCode)),
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
