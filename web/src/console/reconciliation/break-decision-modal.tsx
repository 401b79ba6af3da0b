import { App, Form, Input, Modal, Radio, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../app/shell/query-error';
import { useDecideBreak } from './recon-api';
import { resolutionActionLabel } from './recon-labels';
import { type ReconBreak, type ResolutionAction, resolutionActions } from './recon-types';

interface DecisionFields {
  action: ResolutionAction;
  reason: string;
}

/**
 * A decision on a break that needs a reason: the maker's resolution (with its action) or the
 * checker's rejection of a proposal. The reason is required by the server as well; a refusal
 * (the break moved on meanwhile) stays in the modal with its message.
 */
export function BreakDecisionModal({
  reconBreak,
  decision,
  onClose,
}: {
  reconBreak: ReconBreak;
  decision: 'resolve' | 'reject';
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<DecisionFields>();
  const action = Form.useWatch('action', form);
  const decide = useDecideBreak(reconBreak.id);
  const resolving = decision === 'resolve';

  const submit = ({ action: chosen, reason }: DecisionFields) => {
    const trimmed = reason.trim();
    decide.mutate(
      resolving
        ? { kind: 'resolve', action: chosen, reason: trimmed }
        : { kind: 'reject', reason: trimmed },
      {
        onSuccess: () => {
          void message.success(
            resolving ? t('reconciliation.breaks.resolved') : t('reconciliation.breaks.rejected'),
          );
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      open
      title={
        resolving ? t('reconciliation.breaks.resolveTitle') : t('reconciliation.breaks.rejectTitle')
      }
      okText={resolving ? t('common.submit') : t('reconciliation.breaks.reject')}
      okButtonProps={{ danger: !resolving, 'data-testid': `${decision}-submit` }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={decide.isPending}
      destroyOnHidden
    >
      {decide.isError && (
        <div style={{ marginBottom: 16 }} data-testid={`${decision}-error`}>
          <QueryError error={decide.error} />
        </div>
      )}
      <Form<DecisionFields>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ action: 'accept_channel' }}
      >
        {resolving && (
          <Form.Item
            name="action"
            label={t('reconciliation.breaks.actionLabel')}
            extra={action && t(`reconciliation.actionHint.${action}`)}
          >
            <Radio.Group data-testid="resolve-action">
              <Space vertical>
                {resolutionActions.map((code) => (
                  <Radio key={code} value={code} data-testid={`resolve-action-${code}`}>
                    {resolutionActionLabel(code)}
                  </Radio>
                ))}
              </Space>
            </Radio.Group>
          </Form.Item>
        )}
        {!resolving && reconBreak.resolutionReason && (
          <Typography.Paragraph type="secondary">
            {resolutionActionLabel(reconBreak.resolutionAction ?? '')}：
            {reconBreak.resolutionReason}
          </Typography.Paragraph>
        )}
        <Form.Item
          name="reason"
          label={t('reconciliation.breaks.reason')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('reconciliation.breaks.reasonRequired'),
            },
          ]}
        >
          <Input.TextArea
            maxLength={500}
            showCount
            autoSize={{ minRows: 3, maxRows: 6 }}
            placeholder={
              resolving
                ? t('reconciliation.breaks.reasonPlaceholder')
                : t('reconciliation.breaks.rejectReasonPlaceholder')
            }
            data-testid={`${decision}-reason`}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
