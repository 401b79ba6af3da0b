import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, type DescriptionsProps, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { optionLabel, useApplicationOptions } from '../../app/api/application-options';
import { api } from '../../app/api/client';
import type { Merchant } from '../../app/api/merchant-types';
import { useShowError } from '../../app/api/use-show-error';
import { hasPermission } from '../../app/auth/permissions';
import { useCurrentMe } from '../../app/auth/use-current-me';
import { formatTime } from '../shared/format-time';
import { feePlanLabel, fieldLabel, flagLabel, kindLabel, RiskTag, StatusTag } from './labels';
import { merchantPath, useRefreshMerchant } from './merchant-api';

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

  const field = (key: string, children: ReactNode, span?: number) => ({
    key,
    label: fieldLabel(key),
    children,
    ...(span && { span }),
  });

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
      <Section
        title={t('merchants.detail.sectionBusiness')}
        items={[
          field('shortName', dash(merchant.shortName)),
          field('kind', kindLabel(merchant.kind)),
          field('registeredName', dash(merchant.registeredName)),
          field('creditCode', dash(merchant.creditCode)),
          field('mcc', optionLabel(options.data?.mccs, merchant.mcc, true)),
          field('region', dash(merchant.regionName)),
          field('address', dash(merchant.address), 2),
          field('orgNode', dash(merchant.orgNode.name)),
          field('channel', t(`merchants.channel.${merchant.channel}`)),
          field(
            'referralCode',
            merchant.referralCode ? (
              <Typography.Text copyable>{merchant.referralCode}</Typography.Text>
            ) : (
              '—'
            ),
          ),
          field(
            'referredBy',
            merchant.referredBy ? (
              <Link to={`/console/merchants/${merchant.referredBy.id}`}>
                {merchant.referredBy.shortName ?? merchant.referredBy.id}
              </Link>
            ) : (
              '—'
            ),
          ),
        ]}
      />
      <Section
        title={t('merchants.detail.sectionLegalRep')}
        items={[
          field('legalRepName', dash(merchant.legalRepName)),
          field(
            'legalRepIdNumber',
            <span data-testid="masked-id-number">{dash(merchant.legalRepIdNumber)}</span>,
          ),
          field('mobile', dash(merchant.mobile)),
        ]}
      />
      <Section
        title={t('merchants.detail.sectionSettlement')}
        items={[
          field('settlementAccountName', dash(merchant.settlementAccountName)),
          field('settlementAccountNumber', dash(merchant.settlementAccountNumber)),
          field(
            'settlementBankCode',
            optionLabel(options.data?.banks, merchant.settlementBankCode, true),
          ),
        ]}
      />
      <Section
        title={t('merchants.detail.sectionReview')}
        items={[
          field('status', <StatusTag status={merchant.status} />),
          field('riskLevel', <RiskTag risk={merchant.riskLevel} />),
          field('feePlan', merchant.feePlan ? feePlanLabel(merchant.feePlan) : '—'),
          field('statusReason', dash(merchant.statusReason)),
          field('reviewer', staffName(merchant.reviewerUserId)),
          field('recommendedAt', formatTime(merchant.recommendedAt)),
          field('approver', staffName(merchant.approverUserId)),
          field('submittedAt', formatTime(merchant.submittedAt)),
          field('activatedAt', formatTime(merchant.activatedAt)),
          field('createdAt', formatTime(merchant.createdAt)),
          field('updatedAt', formatTime(merchant.updatedAt)),
        ]}
      />
    </Flex>
  );
}

/** One titled table of the profile; every section has the same label width, so they line up. */
function Section({ title, items }: { title: string; items: DescriptionsProps['items'] }) {
  return (
    <Descriptions
      title={title}
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      styles={descriptionStyles}
      items={items}
    />
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
