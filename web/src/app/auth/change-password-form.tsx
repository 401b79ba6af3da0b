import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useShowError } from '../api/use-show-error';

interface PasswordFields {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/**
 * `knownCurrentPassword` is the password typed a moment ago on the sign-in step: asking for
 * it again right after a forced-change redirect would only confuse people.
 */
export function ChangePasswordForm({
  knownCurrentPassword,
  onChanged,
}: {
  knownCurrentPassword?: string;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PasswordFields>();
  const showError = useShowError();
  const change = useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      api.post<void>('/me/password', body),
    onSuccess: () => {
      form.resetFields();
      onChanged();
    },
    onError: (error) => showError(error, form),
  });

  return (
    <Form<PasswordFields>
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={(values) =>
        change.mutate({
          currentPassword: knownCurrentPassword ?? values.currentPassword,
          newPassword: values.newPassword,
        })
      }
    >
      {knownCurrentPassword === undefined && (
        <Form.Item
          name="currentPassword"
          label={t('auth.currentPassword')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input.Password autoComplete="current-password" data-testid="current-password" />
        </Form.Item>
      )}
      <Form.Item
        name="newPassword"
        label={t('auth.newPassword')}
        extra={t('auth.passwordRule')}
        rules={[
          { required: true, message: t('common.required') },
          // Mirrors the server's rule so most mistakes show before a round trip.
          {
            validator: (_rule, value?: string) =>
              !value || (value.length >= 10 && /[A-Za-z]/.test(value) && /\d/.test(value))
                ? Promise.resolve()
                : Promise.reject(new Error(t('auth.passwordTooShort'))),
          },
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="new-password" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('auth.confirmPassword')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('common.required') },
          ({ getFieldValue }) => ({
            validator: (_rule, value) =>
              !value || value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error(t('auth.passwordMismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="confirm-password" />
      </Form.Item>
      <Button
        type="primary"
        htmlType="submit"
        block
        loading={change.isPending}
        data-testid="change-password-submit"
      >
        {t('auth.changePassword')}
      </Button>
    </Form>
  );
}
