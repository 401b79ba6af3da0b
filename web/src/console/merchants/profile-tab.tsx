import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../app/api/client';
import { useShowError } from '../../app/api/use-show-error';
import { hasPermission } from '../../app/auth/permissions';
import { useCurrentMe } from '../../app/auth/use-current-me';
import { formatTime } from '../shared/format-time';
import { feePlanLabel, flagLabel, kindLabel, RiskTag, StatusTag } from './labels';
import {
  merchantPath,
  optionLabel,
  useApplicationOptions,
  useRefreshMerchant,
} from './merchant-api';
import type { Merchant } from './types';

/** The same label width in every section, so the four tables line up. */
const descriptionStyles = { label: { width: 170 }, content: { width: '30%' } };

const dash = (value: string | null | undefined) => value || '—';

/** Staff named by id in a merchant, shown as "me" or by the name the history gives them. */
export function useStaffName(actorNames: ReadonlyMap<string, string>) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  return (userId: string | null) => {
    if (!userId) return '—';
    if (userId === me.user.id) return t('merchants.detail.me', { name: me.user.displayName });
    // Seeded or old records may have no history naming them: a colleague, by id's tail.
    return actorNames.get(userId) ?? t('merchants.detail.otherStaff', { tail: userId.slice(-6) });
  };
}

/** Every field as the API returns it: personal data masked (DOMAIN.md §9). */
export function ProfileTab({
  merchant,
  actorNames,
}: {
  merchant: Merchant;
  actorNames: ReadonlyMap<string, string>;
}) {
  const { t } = useTranslation();
  const options = useApplicationOptions();
  const staffName = useStaffName(actorNames);

  return (
    <Flex vertical gap={16} data-testid="merchant-profile">
      {merchant.reviewFlags.map((flag) => (
        <Alert
          key={flag}
          type="warning"
          showIcon
          data-testid={`review-flag-${flag}`}
          title={flagLabel(flag)}
          description={t('merchants.detail.flagHint')}
        />
      ))}
      {merchant.pendingAccountChange && <PendingAccountChange merchant={merchant} />}
      <Descriptions
        title={t('merchants.detail.sectionBusiness')}
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        styles={descriptionStyles}
        items={[
          {
            key: 'shortName',
            label: t('merchants.field.shortName'),
            children: dash(merchant.shortName),
          },
          { key: 'kind', label: t('merchants.field.kind'), children: kindLabel(merchant.kind) },
          {
            key: 'registeredName',
            label: t('merchants.field.registeredName'),
            children: dash(merchant.registeredName),
          },
          {
            key: 'creditCode',
            label: t('merchants.field.creditCode'),
            children: dash(merchant.creditCode),
          },
          {
            key: 'mcc',
            label: t('merchants.field.mcc'),
            children: optionLabel(options.data?.mccs, merchant.mcc, true),
          },
          {
            key: 'region',
            label: t('merchants.field.region'),
            children: dash(merchant.regionName),
          },
          {
            key: 'address',
            label: t('merchants.field.address'),
            children: dash(merchant.address),
            span: 2,
          },
          {
            key: 'orgNode',
            label: t('merchants.field.orgNode'),
            children: dash(merchant.orgNode.name),
          },
          {
            key: 'channel',
            label: t('merchants.field.channel'),
            children: t(`merchants.channel.${merchant.channel}`),
          },
          {
            key: 'referralCode',
            label: t('merchants.field.referralCode'),
            children: merchant.referralCode ? (
              <Typography.Text copyable>{merchant.referralCode}</Typography.Text>
            ) : (
              '—'
            ),
          },
          {
            key: 'referredBy',
            label: t('merchants.field.referredBy'),
            children: merchant.referredBy ? (
              <Link to={`/console/merchants/${merchant.referredBy.id}`}>
                {merchant.referredBy.shortName ?? merchant.referredBy.id}
              </Link>
            ) : (
              '—'
            ),
          },
        ]}
      />
      <Descriptions
        title={t('merchants.detail.sectionLegalRep')}
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        styles={descriptionStyles}
        items={[
          {
            key: 'legalRepName',
            label: t('merchants.field.legalRepName'),
            children: dash(merchant.legalRepName),
          },
          {
            key: 'legalRepIdNumber',
            label: t('merchants.field.legalRepIdNumber'),
            children: <span data-testid="masked-id-number">{dash(merchant.legalRepIdNumber)}</span>,
          },
          { key: 'mobile', label: t('merchants.field.mobile'), children: dash(merchant.mobile) },
        ]}
      />
      <Descriptions
        title={t('merchants.detail.sectionSettlement')}
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        styles={descriptionStyles}
        items={[
          {
            key: 'settlementAccountName',
            label: t('merchants.field.settlementAccountName'),
            children: dash(merchant.settlementAccountName),
          },
          {
            key: 'settlementAccountNumber',
            label: t('merchants.field.settlementAccountNumber'),
            children: dash(merchant.settlementAccountNumber),
          },
          {
            key: 'settlementBankCode',
            label: t('merchants.field.settlementBankCode'),
            children: optionLabel(options.data?.banks, merchant.settlementBankCode, true),
          },
        ]}
      />
      <Descriptions
        title={t('merchants.detail.sectionReview')}
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        styles={descriptionStyles}
        items={[
          {
            key: 'status',
            label: t('merchants.field.status'),
            children: <StatusTag status={merchant.status} />,
          },
          {
            key: 'riskLevel',
            label: t('merchants.field.riskLevel'),
            children: <RiskTag risk={merchant.riskLevel} />,
          },
          {
            key: 'feePlan',
            label: t('merchants.field.feePlan'),
            children: merchant.feePlan ? feePlanLabel(merchant.feePlan) : '—',
          },
          {
            key: 'statusReason',
            label: t('merchants.field.statusReason'),
            children: dash(merchant.statusReason),
          },
          {
            key: 'reviewer',
            label: t('merchants.field.reviewer'),
            children: staffName(merchant.reviewerUserId),
          },
          {
            key: 'recommendedAt',
            label: t('merchants.field.recommendedAt'),
            children: formatTime(merchant.recommendedAt),
          },
          {
            key: 'approver',
            label: t('merchants.field.approver'),
            children: staffName(merchant.approverUserId),
          },
          {
            key: 'submittedAt',
            label: t('merchants.field.submittedAt'),
            children: formatTime(merchant.submittedAt),
          },
          {
            key: 'activatedAt',
            label: t('merchants.field.activatedAt'),
            children: formatTime(merchant.activatedAt),
          },
          {
            key: 'createdAt',
            label: t('merchants.field.createdAt'),
            children: formatTime(merchant.createdAt),
          },
          {
            key: 'updatedAt',
            label: t('merchants.field.updatedAt'),
            children: formatTime(merchant.updatedAt),
          },
        ]}
      />
    </Flex>
  );
}

/** A settlement account change waiting out its 24 h hold; the branch may cancel it. */
function PendingAccountChange({ merchant }: { merchant: Merchant }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const me = useCurrentMe();
  const showError = useShowError();
  const refresh = useRefreshMerchant();
  const options = useApplicationOptions();
  const change = merchant.pendingAccountChange;

  const cancel = useMutation({
    mutationFn: (changeId: string) =>
      api.post(
        `${merchantPath(merchant.id)}/account-changes/${encodeURIComponent(changeId)}/cancel`,
      ),
    onSuccess: async () => {
      await refresh();
      void message.success(t('merchants.accountChange.cancelled'));
    },
    onError: (error) => showError(error),
  });

  if (!change) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="pending-account-change"
      title={t('merchants.accountChange.title', { time: formatTime(change.effectiveAt) })}
      description={
        <span>
          {t('merchants.accountChange.detail', {
            name: change.accountName,
            number: change.accountNumber,
            bank: optionLabel(options.data?.banks, change.bankCode),
            requestedAt: formatTime(change.requestedAt),
          })}
        </span>
      }
      action={
        hasPermission(me, 'merchant:write') && (
          <Button
            danger
            size="small"
            loading={cancel.isPending}
            data-testid="cancel-account-change"
            onClick={() =>
              modal.confirm({
                title: t('merchants.accountChange.confirmCancel'),
                okText: t('common.ok'),
                cancelText: t('common.cancel'),
                okButtonProps: { danger: true, 'data-testid': 'confirm-ok' },
                onOk: () => cancel.mutateAsync(change.id).catch(() => undefined),
              })
            }
          >
            {t('merchants.accountChange.cancel')}
          </Button>
        )
      }
    />
  );
}
