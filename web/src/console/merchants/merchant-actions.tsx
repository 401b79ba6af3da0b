import {
  ApartmentOutlined,
  CheckCircleOutlined,
  EditOutlined,
  EyeOutlined,
  KeyOutlined,
  PauseCircleOutlined,
  PlayCircleOutlined,
  SendOutlined,
  SolutionOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Space, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api/api-error';
import { api } from '../../app/api/client';
import type { Merchant } from '../../app/api/merchant-types';
import { useShowError } from '../../app/api/use-show-error';
import { hasPermission } from '../../app/auth/permissions';
import { useCurrentMe } from '../../app/auth/use-current-me';
import { BranchModal } from './branch-modal';
import { fieldLabel } from './labels';
import { type LifecycleAction, LifecycleModal } from './lifecycle-modal';
import { merchantPath, useRefreshMerchant } from './merchant-api';
import { MerchantFormDrawer } from './merchant-form-drawer';
import { RevealModal } from './reveal-modal';
import { ReviewDecisionModal } from './review-decision-modal';
import { SetupCodeModal } from './setup-code-modal';

type Dialog =
  | { kind: 'edit' }
  | { kind: 'review' }
  | { kind: 'lifecycle'; action: LifecycleAction }
  | { kind: 'reveal' }
  | { kind: 'branch' }
  | { kind: 'setupCode'; setupCode: string; expiresAt: string };

type SimpleAction = 'submit' | 'start-review' | 'approve' | 'owner-setup-code';

/**
 * The buttons a user sees depend on their permissions and the merchant's status; the server
 * enforces the same rules (and maker-checker) whatever the page shows.
 */
export function MerchantActions({ merchant }: { merchant: Merchant }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const me = useCurrentMe();
  const showError = useShowError();
  const refresh = useRefreshMerchant();
  const [dialog, setDialog] = useState<Dialog>();
  const can = (permission: Parameters<typeof hasPermission>[1]) => hasPermission(me, permission);
  const name = merchant.shortName ?? merchant.id;
  const { status } = merchant;
  const iAmReviewer = merchant.reviewerUserId === me.user.id;

  const run = useMutation({
    mutationFn: (action: SimpleAction) =>
      api.post<Merchant | { setupCode: string; expiresAt: string }>(
        `${merchantPath(merchant.id)}/${action}`,
      ),
    onSuccess: async (reply, action) => {
      await refresh();
      if (action === 'owner-setup-code' && reply && 'setupCode' in reply) {
        setDialog({ kind: 'setupCode', setupCode: reply.setupCode, expiresAt: reply.expiresAt });
        return;
      }
      void message.success(t(`merchants.actionDone.${action}`));
    },
    onError: (error, action) => {
      if (isApiError(error, 'maker_checker_required')) {
        modal.error({
          title: t('merchants.approve.makerCheckerTitle'),
          content: (
            <div data-testid="maker-checker-error">
              <p>{error.message}</p>
              <Typography.Text type="secondary">
                {t('merchants.approve.makerCheckerHint')}
              </Typography.Text>
            </div>
          ),
          okText: t('common.ok'),
        });
        return;
      }
      if (action === 'submit' && isApiError(error, 'application_incomplete')) {
        modal.error({
          title: error.message,
          width: 520,
          content: (
            <ul data-testid="submit-errors" style={{ paddingInlineStart: 20, margin: 0 }}>
              {error.errors.map((fieldError) => (
                <li key={`${fieldError.param}-${fieldError.code}`}>
                  <strong>{fieldLabel(fieldError.param)}</strong>：{fieldError.message}
                </li>
              ))}
            </ul>
          ),
          okText: t('common.ok'),
        });
        return;
      }
      showError(error);
    },
  });

  const confirm = (action: SimpleAction, title: string, content?: ReactNode) =>
    modal.confirm({
      title,
      content,
      okText: t('common.ok'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'confirm-ok' },
      onOk: () => run.mutateAsync(action).catch(() => undefined),
    });

  const buttons: ReactNode[] = [];
  if ((status === 'draft' || status === 'needs_changes') && can('merchant:write')) {
    buttons.push(
      <Button
        key="edit"
        icon={<EditOutlined />}
        onClick={() => setDialog({ kind: 'edit' })}
        data-testid="merchant-edit"
      >
        {t('merchants.actions.edit')}
      </Button>,
      <Button
        key="submit"
        type="primary"
        icon={<SendOutlined />}
        loading={run.isPending && run.variables === 'submit'}
        onClick={() => confirm('submit', t('merchants.confirm.submit', { name }))}
        data-testid="merchant-submit"
      >
        {t('merchants.actions.submit')}
      </Button>,
    );
  }
  if (status === 'submitted' && can('merchant:review')) {
    buttons.push(
      <Button
        key="start-review"
        type="primary"
        icon={<SolutionOutlined />}
        loading={run.isPending && run.variables === 'start-review'}
        onClick={() =>
          confirm(
            'start-review',
            t('merchants.confirm.startReview', { name }),
            t('merchants.confirm.startReviewHint'),
          )
        }
        data-testid="merchant-start-review"
      >
        {t('merchants.actions.startReview')}
      </Button>,
    );
  }
  if (status === 'in_review' && can('merchant:review') && iAmReviewer) {
    buttons.push(
      <Button
        key="review"
        type={merchant.recommendedAt ? 'default' : 'primary'}
        icon={<SolutionOutlined />}
        onClick={() => setDialog({ kind: 'review' })}
        data-testid="merchant-review"
      >
        {merchant.recommendedAt
          ? t('merchants.actions.reviseReview')
          : t('merchants.actions.review')}
      </Button>,
    );
  }
  if (status === 'in_review' && merchant.recommendedAt && can('merchant:approve')) {
    buttons.push(
      <Button
        key="approve"
        type="primary"
        icon={<CheckCircleOutlined />}
        loading={run.isPending && run.variables === 'approve'}
        onClick={() =>
          confirm(
            'approve',
            t('merchants.confirm.approve', { name }),
            t('merchants.confirm.approveHint'),
          )
        }
        data-testid="merchant-approve"
      >
        {t('merchants.actions.approve')}
      </Button>,
    );
  }
  if (can('merchant:suspend')) {
    if (status === 'active') {
      buttons.push(
        <Button
          key="suspend"
          icon={<PauseCircleOutlined />}
          onClick={() => setDialog({ kind: 'lifecycle', action: 'suspend' })}
          data-testid="merchant-suspend"
        >
          {t('merchants.actions.suspend')}
        </Button>,
      );
    }
    if (status === 'suspended') {
      buttons.push(
        <Button
          key="reinstate"
          icon={<PlayCircleOutlined />}
          onClick={() => setDialog({ kind: 'lifecycle', action: 'reinstate' })}
          data-testid="merchant-reinstate"
        >
          {t('merchants.actions.reinstate')}
        </Button>,
      );
    }
    if (status === 'active' || status === 'suspended') {
      buttons.push(
        <Button
          key="close"
          danger
          icon={<StopOutlined />}
          onClick={() => setDialog({ kind: 'lifecycle', action: 'close' })}
          data-testid="merchant-close"
        >
          {t('merchants.actions.close')}
        </Button>,
      );
    }
  }
  if (status === 'active' && can('merchant:write')) {
    buttons.push(
      <Button
        key="setup-code"
        icon={<KeyOutlined />}
        loading={run.isPending && run.variables === 'owner-setup-code'}
        onClick={() =>
          confirm(
            'owner-setup-code',
            t('merchants.confirm.setupCode', { name }),
            t('merchants.confirm.setupCodeHint'),
          )
        }
        data-testid="merchant-setup-code"
      >
        {t('merchants.actions.setupCode')}
      </Button>,
    );
  }
  if (can('pii:reveal')) {
    buttons.push(
      <Button
        key="reveal"
        icon={<EyeOutlined />}
        onClick={() => setDialog({ kind: 'reveal' })}
        data-testid="merchant-reveal"
      >
        {t('merchants.actions.reveal')}
      </Button>,
    );
  }
  if (can('merchant:write') && status !== 'closed') {
    buttons.push(
      <Button
        key="branch"
        icon={<ApartmentOutlined />}
        onClick={() => setDialog({ kind: 'branch' })}
        data-testid="merchant-branch"
      >
        {t('merchants.actions.branch')}
      </Button>,
    );
  }

  const close = () => setDialog(undefined);
  return (
    <>
      <Space wrap data-testid="merchant-actions">
        {buttons}
      </Space>
      {dialog?.kind === 'edit' && (
        <MerchantFormDrawer merchant={merchant} onClose={close} onSaved={close} />
      )}
      {dialog?.kind === 'review' && <ReviewDecisionModal merchant={merchant} onClose={close} />}
      {dialog?.kind === 'lifecycle' && (
        <LifecycleModal merchant={merchant} action={dialog.action} onClose={close} />
      )}
      {dialog?.kind === 'reveal' && <RevealModal merchant={merchant} onClose={close} />}
      {dialog?.kind === 'branch' && <BranchModal merchant={merchant} onClose={close} />}
      {dialog?.kind === 'setupCode' && (
        <SetupCodeModal
          merchantName={name}
          setupCode={dialog.setupCode}
          expiresAt={dialog.expiresAt}
          onClose={close}
        />
      )}
    </>
  );
}
