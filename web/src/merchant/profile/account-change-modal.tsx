import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { codeLabel, useApplicationOptions } from '../../app/api/application-options';
import { api } from '../../app/api/client';
import { useShowError } from '../../app/api/use-show-error';
import { useCurrentMe } from '../../app/auth/use-current-me';
import { portalMerchantQueryKey } from '../portal-api';

interface ChangeValues {
  accountName: string;
  accountNumber: string;
  bankCode: string;
  mfaCode: string;
}

/**
 * A new settlement account is money's destination, so the request needs a fresh TOTP code and
 * takes effect after the server's hold; without MFA enrolled there is no code to give.
 */
export function AccountChangeModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const options = useApplicationOptions();
  const [form] = Form.useForm<ChangeValues>();
  const mfaEnabled = me.user.mfaEnabled;

  const request = useMutation({
    mutationFn: (values: ChangeValues) =>
      api.post('/portal/account-changes', {
        ...values,
        accountNumber: values.accountNumber.replace(/\s+/g, ''),
      }),
    onSuccess: async () => {
      void message.success(t('portal.profile.changeRequested'));
      await queryClient.invalidateQueries({ queryKey: portalMerchantQueryKey });
      onClose();
    },
    onError: (error) => showError(error, form),
  });

  return (
    <Modal
      open
      title={t('portal.profile.changeTitle')}
      okText={t('portal.profile.submitChange')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{
        disabled: !mfaEnabled,
        loading: request.isPending,
        'data-testid': 'account-change-submit',
      }}
      destroyOnHidden
    >
      <Alert
        type="info"
        showIcon
        title={t('portal.profile.changeHint')}
        style={{ marginBottom: 16 }}
      />
      {!mfaEnabled && (
        <Alert
          type="warning"
          showIcon
          data-testid="account-change-mfa-needed"
          style={{ marginBottom: 16 }}
          title={t('portal.profile.mfaNeeded')}
          action={<Link to="/merchant/security">{t('portal.profile.mfaNeededLink')}</Link>}
        />
      )}
      <Form<ChangeValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        disabled={!mfaEnabled}
        onFinish={(values) => request.mutate(values)}
      >
        <Form.Item
          name="accountName"
          label={t('portal.profile.accountName')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input maxLength={100} data-testid="account-change-name" />
        </Form.Item>
        <Form.Item
          name="accountNumber"
          label={t('portal.profile.accountNumber')}
          rules={[
            { required: true, message: t('common.required') },
            { pattern: /^[\d\s]{16,23}$/, message: t('apply.formats.accountNumber') },
          ]}
        >
          <Input inputMode="numeric" maxLength={23} data-testid="account-change-number" />
        </Form.Item>
        <Form.Item
          name="bankCode"
          label={t('portal.profile.bank')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="account-change-bank"
            options={(options.data?.banks ?? []).map((bank) => ({
              value: bank.code,
              label: codeLabel(bank),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="mfaCode"
          label={t('portal.profile.mfaCode')}
          rules={[
            { required: true, pattern: /^\d{6}$/, message: t('portal.profile.mfaCodeInvalid') },
          ]}
        >
          <Input
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            placeholder={t('portal.profile.mfaCodePlaceholder')}
            data-testid="account-change-mfa"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
