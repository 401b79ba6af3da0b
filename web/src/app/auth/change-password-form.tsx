import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useShowError } from '../api/use-show-error';
import { NewPasswordFields } from './new-password-fields';

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
      <NewPasswordFields
        name="newPassword"
        testIds={{ password: 'new-password', confirm: 'confirm-password' }}
      />
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
