import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api/api-error';
import { isStrongPassword } from '../../app/auth/password-rule';
import { applicantApi } from './applicant-api';
import { errorText } from './error-text';

interface PasswordValues {
  password: string;
  confirm: string;
}

/** Once the merchant is active, the applicant sets the owner's portal password from here. */
export function OwnerPasswordForm({
  applicationId,
  token,
  onDone,
}: {
  applicationId: string;
  token: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PasswordValues>();
  const setPassword = useMutation({
    mutationFn: (password: string) => applicantApi.setOwnerPassword(applicationId, token, password),
    onSuccess: onDone,
    onError: (failure) => {
      form.setFields([
        {
          name:
            failure instanceof ApiError && failure.param === 'password' ? 'password' : 'confirm',
          errors: [errorText(failure, t)],
        },
      ]);
    },
  });

  return (
    <Form
      form={form}
      layout="vertical"
      mode="card"
      requiredMarkStyle="none"
      data-testid="owner-password-form"
      onFinish={(values: PasswordValues) => setPassword.mutate(values.password)}
      footer={
        <Button
          block
          type="submit"
          color="primary"
          size="large"
          loading={setPassword.isPending}
          data-testid="owner-password-submit"
        >
          {t('apply.owner.submit')}
        </Button>
      }
    >
      <Form.Header>{t('apply.owner.title')}</Form.Header>
      <Form.Item
        name="password"
        label={t('apply.owner.password')}
        description={t('apply.owner.rule')}
        data-testid="owner-password"
        rules={[
          { required: true, message: t('apply.owner.rule') },
          {
            validator: async (_rule, value?: string) => {
              if (value && !isStrongPassword(value)) {
                throw new Error(t('apply.owner.rule'));
              }
            },
          },
        ]}
      >
        <Input type="password" autoComplete="new-password" clearable />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('apply.owner.confirm')}
        dependencies={['password']}
        data-testid="owner-password-confirm"
        rules={[
          { required: true, message: t('apply.owner.mismatch') },
          ({ getFieldValue }) => ({
            validator: async (_rule, value?: string) => {
              if (value && value !== getFieldValue('password')) {
                throw new Error(t('apply.owner.mismatch'));
              }
            },
          }),
        ]}
      >
        <Input type="password" autoComplete="new-password" clearable />
      </Form.Item>
    </Form>
  );
}
