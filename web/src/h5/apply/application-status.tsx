import { useQueryClient } from '@tanstack/react-query';
import { Button, List, Result, Steps } from 'antd-mobile';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { optionLabel, useApplicationOptions } from '../../app/api/application-options';
import type { MerchantStatus } from '../../app/api/merchant-types';
import type { ApplicationDetail } from './applicant-api';
import { ContinueLink } from './continue-link';
import { OwnerPasswordForm } from './owner-password-form';

const resultStatus: Record<MerchantStatus, 'success' | 'error' | 'info' | 'waiting' | 'warning'> = {
  draft: 'info',
  submitted: 'waiting',
  in_review: 'waiting',
  needs_changes: 'warning',
  rejected: 'error',
  active: 'success',
  suspended: 'warning',
  closed: 'info',
};

/** Where the review stands in the three steps an applicant cares about. */
function timelineIndex(status: MerchantStatus): number {
  if (status === 'draft') return 0;
  if (status === 'submitted') return 1;
  if (status === 'active' || status === 'suspended' || status === 'closed') return 2;
  return 1;
}

const formatTime = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');

/**
 * The applicant's view after submitting: the status in words, what to change or why it was
 * refused, and, once active, the owner's first password and the way to the merchant portal.
 */
export function ApplicationStatus({
  detail,
  token,
  onEdit,
}: {
  detail: ApplicationDetail;
  token: string;
  onEdit: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const options = useApplicationOptions();
  const { application } = detail;
  const { status } = application;
  const [passwordSet, setPasswordSet] = useState(false);
  const showsReason =
    (status === 'needs_changes' || status === 'rejected' || status === 'suspended') &&
    application.statusReason;
  const failedStep = status === 'rejected';
  const index = timelineIndex(status);

  return (
    <div style={{ flex: 1, paddingBottom: 24 }} data-testid="application-status">
      <div className="h5-section" style={{ padding: 0, overflow: 'hidden' }}>
        <Result
          status={resultStatus[status]}
          title={<span data-testid="application-status-title">{t(`apply.status.${status}`)}</span>}
          description={t(`apply.status.descriptions.${status}`)}
        />
        {showsReason && (
          <div
            data-testid="application-status-reason"
            style={{
              margin: '0 16px 16px',
              padding: '10px 12px',
              borderRadius: 8,
              background: status === 'rejected' ? '#fff1f0' : '#fff7e6',
              color: '#333',
              fontSize: 15,
              lineHeight: 1.6,
              whiteSpace: 'pre-wrap',
            }}
          >
            {application.statusReason}
          </div>
        )}
        {status === 'needs_changes' && (
          <div style={{ padding: '0 16px 16px' }}>
            <Button block color="primary" onClick={onEdit} data-testid="application-edit">
              {t('apply.status.edit')}
            </Button>
          </div>
        )}
        {status === 'draft' && (
          <div style={{ padding: '0 16px 16px' }}>
            <Button block color="primary" onClick={onEdit}>
              {t('apply.status.continue')}
            </Button>
          </div>
        )}
      </div>

      {status === 'active' && !detail.ownerSetUp && !passwordSet && (
        <div style={{ margin: '0 0 4px' }}>
          <div style={{ margin: '4px 16px 0', color: '#666', fontSize: 13 }}>
            {t('apply.owner.hint')}
          </div>
          <OwnerPasswordForm
            applicationId={application.id}
            token={token}
            onDone={() => {
              setPasswordSet(true);
              void queryClient.invalidateQueries({ queryKey: ['application', application.id] });
            }}
          />
        </div>
      )}
      {status === 'active' && (detail.ownerSetUp || passwordSet) && (
        <div className="h5-section" data-testid="owner-ready">
          {passwordSet && (
            <div style={{ color: '#00b578', marginBottom: 12, lineHeight: 1.6 }}>
              {t('apply.owner.done')}
            </div>
          )}
          <Button
            block
            color="primary"
            size="large"
            onClick={() => void navigate('/merchant/login')}
            data-testid="go-merchant-login"
          >
            {t('apply.owner.goLogin')}
          </Button>
        </div>
      )}

      <div className="h5-section">
        <Steps current={index} direction="vertical">
          <Steps.Step
            title={t('apply.status.timeline.submitted')}
            description={formatTime(application.submittedAt)}
            status={index >= 1 ? 'finish' : 'process'}
          />
          <Steps.Step
            title={t('apply.status.timeline.review')}
            description={
              index === 1 ? t(`apply.status.${status}`) : index > 1 ? t('apply.status.active') : ''
            }
            status={failedStep ? 'error' : index > 1 ? 'finish' : index === 1 ? 'process' : 'wait'}
          />
          <Steps.Step
            title={t('apply.status.timeline.active')}
            description={formatTime(application.activatedAt)}
            status={index >= 2 ? 'finish' : 'wait'}
          />
        </Steps>
      </div>

      <List header={t('apply.status.details')} mode="card">
        <List.Item extra={t(`apply.kinds.${application.kind}`)}>{t('apply.fields.kind')}</List.Item>
        <List.Item extra={application.shortName ?? '—'}>{t('apply.fields.shortName')}</List.Item>
        {application.registeredName && (
          <List.Item extra={application.registeredName}>
            {t('apply.fields.registeredName')}
          </List.Item>
        )}
        <List.Item extra={application.mobile ?? '—'}>{t('apply.fields.mobile')}</List.Item>
        <List.Item extra={application.regionName ?? '—'}>{t('apply.fields.region')}</List.Item>
        <List.Item extra={optionLabel(options.data?.mccs, application.mcc)}>
          {t('apply.fields.mcc')}
        </List.Item>
        <List.Item extra={optionLabel(options.data?.banks, application.settlementBankCode)}>
          {t('apply.fields.settlementBankCode')}
        </List.Item>
        <List.Item extra={application.settlementAccountNumber ?? '—'}>
          {t('apply.fields.settlementAccountNumber')}
        </List.Item>
        <List.Item extra={application.orgNode?.name ?? '—'}>{t('apply.status.branch')}</List.Item>
        <List.Item extra={formatTime(application.submittedAt)}>
          {t('apply.status.submittedAt')}
        </List.Item>
      </List>

      <ContinueLink applicationId={application.id} token={token} />
      {status === 'rejected' && (
        <div style={{ padding: '0 16px' }}>
          <Button block onClick={() => void navigate('/apply')}>
            {t('apply.status.startNew')}
          </Button>
        </div>
      )}
    </div>
  );
}
