import { App, Button, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../app/api/use-show-error';
import { hasPermission } from '../../app/auth/permissions';
import { useCurrentMe } from '../../app/auth/use-current-me';
import { BreakDecisionModal } from './break-decision-modal';
import { useDecideBreak } from './recon-api';
import { decidableStatuses, type ReconBreak } from './recon-types';

/**
 * What the reader may do with a break: a maker (recon:write) resolves an undecided one; a
 * checker (recon:approve) approves or sends back a proposal. Their own proposal they may send
 * back but not approve (four eyes, which the server enforces too), so no approve button shows.
 * A superseded import's breaks are read-only.
 */
export function BreakActions({
  reconBreak,
  editable,
}: {
  reconBreak: ReconBreak;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const me = useCurrentMe();
  const decide = useDecideBreak(reconBreak.id);
  const [decision, setDecision] = useState<'resolve' | 'reject' | null>(null);
  if (!editable) return null;

  const canResolve =
    hasPermission(me, 'recon:write') && decidableStatuses.includes(reconBreak.status);
  const canCheck = hasPermission(me, 'recon:approve') && reconBreak.status === 'pending_approval';
  const ownProposal = reconBreak.proposedByUserId === me.user.id;

  return (
    <Space size={4} wrap onClick={(event) => event.stopPropagation()}>
      {canResolve && (
        <Button
          size="small"
          type="primary"
          ghost
          onClick={() => setDecision('resolve')}
          data-testid="resolve-button"
        >
          {t('reconciliation.breaks.resolve')}
        </Button>
      )}
      {canCheck && !ownProposal && (
        <Popconfirm
          title={t('reconciliation.breaks.approveTitle')}
          description={t('reconciliation.breaks.approveHint')}
          okText={t('reconciliation.breaks.approve')}
          cancelText={t('common.cancel')}
          okButtonProps={{ loading: decide.isPending, 'data-testid': 'approve-confirm' }}
          onConfirm={() =>
            decide.mutateAsync({ kind: 'approve' }).then(
              () => void message.success(t('reconciliation.breaks.approved')),
              (error: unknown) => showError(error),
            )
          }
        >
          <Button size="small" type="primary" data-testid="approve-button">
            {t('reconciliation.breaks.approve')}
          </Button>
        </Popconfirm>
      )}
      {canCheck && ownProposal && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="self-approval">
          {t('reconciliation.breaks.selfApproval')}
        </Typography.Text>
      )}
      {canCheck && (
        <Button
          size="small"
          danger
          onClick={() => setDecision('reject')}
          data-testid="reject-button"
        >
          {t('reconciliation.breaks.reject')}
        </Button>
      )}
      {decision && (
        <BreakDecisionModal
          reconBreak={reconBreak}
          decision={decision}
          onClose={() => setDecision(null)}
        />
      )}
    </Space>
  );
}
