import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { isApiError } from '../../app/api/api-error';
import { api } from '../../app/api/client';
import { useShowError } from '../../app/api/use-show-error';
import { AuthCard } from '../../app/auth/auth-card';
import { NewPasswordFields } from '../../app/auth/new-password-fields';
import { SubmitButton } from '../../app/auth/submit-button';

interface SetupValues {
  mobile: string;
  setupCode: string;
  password: string;
  confirmPassword: string;
}

/** A merchant user redeems the 8-digit code their branch (or owner) handed them. */
export function MerchantSetupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const showError = useShowError();
  const [form] = Form.useForm<SetupValues>();
  const setup = useMutation({
    mutationFn: (values: SetupValues) =>
      api.post<void>('/merchant-auth/setup-password', {
        mobile: values.mobile.replace(/\s+/g, ''),
        setupCode: values.setupCode.trim(),
        password: values.password,
      }),
    onError: (error) => {
      // A wrong or expired code is shown in the card; field problems go under their fields.
      if (!isApiError(error) || error.errors.length || error.param) showError(error, form);
    },
  });
  const cardError =
    isApiError(setup.error) && !setup.error.errors.length && !setup.error.param
      ? setup.error
      : null;

  if (setup.isSuccess) {
    return (
      <AuthCard title={t('portal.setup.title')} subtitle={t('portal.subtitle')}>
        <Result
          status="success"
          title={t('portal.setup.done')}
          subTitle={t('portal.setup.doneHint')}
          extra={
            <Button
              type="primary"
              onClick={() => void navigate('/merchant/login')}
              data-testid="merchant-setup-login"
            >
              {t('portal.setup.goLogin')}
            </Button>
          }
        />
      </AuthCard>
    );
  }

  return (
    <AuthCard title={t('portal.setup.title')} subtitle={t('portal.subtitle')}>
      <Alert type="info" showIcon title={t('portal.setup.hint')} style={{ marginBottom: 16 }} />
      {cardError && (
        <Alert
          type="error"
          showIcon
          title={cardError.message}
          data-testid="setup-error"
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<SetupValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => setup.mutate(values)}
        onValuesChange={() => setup.reset()}
      >
        <Form.Item
          name="mobile"
          label={t('portal.setup.mobile')}
          rules={[
            { required: true, message: t('portal.login.mobilePlaceholder') },
            { pattern: /^1\d{10}$/, message: t('apply.formats.mobile') },
          ]}
        >
          <Input
            inputMode="tel"
            maxLength={11}
            autoComplete="username"
            data-testid="setup-mobile"
          />
        </Form.Item>
        <Form.Item
          name="setupCode"
          label={t('portal.setup.setupCode')}
          rules={[
            { required: true, pattern: /^\d{8}$/, message: t('portal.setup.setupCodeInvalid') },
          ]}
        >
          <Input
            inputMode="numeric"
            maxLength={8}
            autoComplete="one-time-code"
            placeholder={t('portal.setup.setupCodePlaceholder')}
            data-testid="setup-code"
          />
        </Form.Item>
        <NewPasswordFields
          name="password"
          testIds={{ password: 'setup-password', confirm: 'setup-confirm-password' }}
        />
        <SubmitButton loading={setup.isPending} testId="setup-submit">
          {t('portal.setup.submit')}
        </SubmitButton>
      </Form>
      <Link to="/merchant/login" style={{ display: 'block', textAlign: 'center', marginTop: 16 }}>
        {t('auth.backToLogin')}
      </Link>
    </AuthCard>
  );
}
