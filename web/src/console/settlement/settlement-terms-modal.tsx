import { App, Form, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  type SettlementCycle,
  type SettlementTerms,
  settlementCycles,
} from '../../app/api/settlement-types';
import { useShowError } from '../../app/api/use-show-error';
import { cycleLabel } from '../../settlement/labels';
import { useSetSettlementTerms } from '../../settlement/settlement-api';

interface TermsFields {
  cycle: SettlementCycle;
  d0PremiumBp?: number | null;
}

/**
 * Moves a merchant to T+1, D+1 or D0. Only D0 costs a premium, so its rate is asked for only
 * then; the server bounds it (0–1000 bp) and audits the change.
 */
export function SettlementTermsModal({
  terms,
  onClose,
}: {
  terms: SettlementTerms;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<TermsFields>();
  const cycle = Form.useWatch('cycle', form);
  const save = useSetSettlementTerms(terms.merchantId);

  const submit = (fields: TermsFields) =>
    save.mutate(
      fields.cycle === 'd0'
        ? { cycle: fields.cycle, d0PremiumBp: fields.d0PremiumBp ?? 0 }
        : { cycle: fields.cycle },
      {
        onSuccess: () => {
          void message.success(t('settlement.terms.saved'));
          onClose();
        },
        onError: (error) => showError(error, form),
      },
    );

  return (
    <Modal
      open
      title={t('settlement.terms.editTitle')}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'settlement-terms-save' }}
      destroyOnHidden
    >
      <Form<TermsFields>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ cycle: terms.cycle, d0PremiumBp: terms.d0PremiumBp }}
      >
        <Form.Item
          name="cycle"
          label={t('settlement.field.cycle')}
          extra={cycle && t(`settlement.cycleHint.${cycle}`)}
        >
          <Select
            data-testid="settlement-terms-cycle"
            options={settlementCycles.map((code) => ({ value: code, label: cycleLabel(code) }))}
          />
        </Form.Item>
        {cycle === 'd0' && (
          <Form.Item
            name="d0PremiumBp"
            label={t('settlement.terms.premiumBp')}
            extra={t('settlement.terms.premiumBpHint')}
            rules={[
              {
                required: true,
                type: 'integer',
                min: 0,
                max: 1000,
                message: t('settlement.terms.premiumBpInvalid'),
              },
            ]}
          >
            <InputNumber
              min={0}
              max={1000}
              precision={0}
              suffix="bp"
              style={{ width: 160 }}
              data-testid="settlement-terms-premium"
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
