import { useMutation } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApplicationOptions } from '../../app/api/application-options';
import { api } from '../../app/api/client';
import { type Merchant, type RiskLevel, riskLevels } from '../../app/api/merchant-types';
import { useShowError } from '../../app/api/use-show-error';
import { feePlanLabel, flagLabel, riskLabel } from './labels';
import { merchantPath, useRefreshMerchant } from './merchant-api';

type Outcome = 'recommend_approval' | 'needs_changes' | 'reject';

interface DecisionFields {
  outcome: Outcome;
  riskLevel?: RiskLevel;
  feePlan?: string;
  reason?: string;
}

/**
 * The reviewer's conclusion (the maker's half of maker-checker): recommend approval with a
 * risk level and a fee plan, send the application back with what to change, or reject it.
 */
export function ReviewDecisionModal({
  merchant,
  onClose,
}: {
  merchant: Merchant;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<DecisionFields>();
  const showError = useShowError();
  const refresh = useRefreshMerchant();
  const options = useApplicationOptions();
  const outcome = Form.useWatch('outcome', form) ?? 'recommend_approval';

  const decide = useMutation({
    mutationFn: (fields: DecisionFields) =>
      api.post<Merchant>(
        `${merchantPath(merchant.id)}/review`,
        fields.outcome === 'recommend_approval'
          ? { outcome: fields.outcome, riskLevel: fields.riskLevel, feePlan: fields.feePlan }
          : { outcome: fields.outcome, reason: fields.reason?.trim() },
      ),
    onSuccess: async (_reply, fields) => {
      await refresh();
      void message.success(t(`merchants.review.done.${fields.outcome}`));
      onClose();
    },
    onError: (error) => showError(error, form),
  });

  const feePlans = options.data?.feePlans ?? [];
  return (
    <Modal
      open
      title={t('merchants.review.title', { name: merchant.shortName ?? merchant.id })}
      okText={t('common.submit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={decide.isPending}
      okButtonProps={{
        danger: outcome === 'reject',
        'data-testid': 'review-decision-submit',
      }}
      destroyOnHidden
      width={560}
    >
      {merchant.reviewFlags.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('merchants.review.flagsTitle')}
          description={merchant.reviewFlags.map(flagLabel).join('；')}
        />
      )}
      <Form<DecisionFields>
        form={form}
        layout="vertical"
        initialValues={{
          outcome: 'recommend_approval',
          riskLevel: merchant.riskLevel ?? undefined,
          feePlan: merchant.feePlan ?? undefined,
        }}
        onFinish={(fields) => decide.mutate(fields)}
      >
        <Form.Item name="outcome" label={t('merchants.review.outcome')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            data-testid="review-outcome"
            options={[
              { value: 'recommend_approval', label: t('merchants.review.recommend') },
              { value: 'needs_changes', label: t('merchants.review.needsChanges') },
              { value: 'reject', label: t('merchants.review.reject') },
            ]}
          />
        </Form.Item>
        {outcome === 'recommend_approval' ? (
          <>
            <Form.Item
              name="riskLevel"
              label={t('merchants.field.riskLevel')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <Radio.Group
                data-testid="review-risk-level"
                options={(options.data?.riskLevels ?? riskLevels).map((risk) => ({
                  value: risk,
                  label: riskLabel(risk),
                }))}
              />
            </Form.Item>
            <Form.Item
              name="feePlan"
              label={t('merchants.field.feePlan')}
              rules={[{ required: true, message: t('common.required') }]}
              extra={t('merchants.review.feePlanHint')}
            >
              <Select
                data-testid="review-fee-plan"
                loading={options.isPending}
                options={feePlans.map((plan) => ({ value: plan, label: feePlanLabel(plan) }))}
              />
            </Form.Item>
            <Alert type="info" showIcon title={t('merchants.review.makerCheckerHint')} />
          </>
        ) : (
          <Form.Item
            name="reason"
            label={
              outcome === 'reject'
                ? t('merchants.review.rejectReason')
                : t('merchants.review.changesReason')
            }
            extra={outcome === 'needs_changes' ? t('merchants.review.changesHint') : undefined}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input.TextArea rows={4} maxLength={500} showCount data-testid="review-reason" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
