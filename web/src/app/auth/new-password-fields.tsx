import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { isStrongPassword } from './password-rule';

/**
 * A new password and its confirmation (`confirmPassword`), checked as the server checks them.
 * `name` is the new password's field in the form.
 */
export function NewPasswordFields({
  name,
  testIds,
}: {
  name: string;
  testIds: { password: string; confirm: string };
}) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name={name}
        label={t('auth.newPassword')}
        extra={t('auth.passwordRule')}
        rules={[
          { required: true, message: t('common.required') },
          {
            validator: (_rule, value?: string) =>
              !value || isStrongPassword(value)
                ? Promise.resolve()
                : Promise.reject(new Error(t('auth.passwordTooShort'))),
          },
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid={testIds.password} />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('auth.confirmPassword')}
        dependencies={[name]}
        rules={[
          { required: true, message: t('common.required') },
          ({ getFieldValue }) => ({
            validator: (_rule, value) =>
              !value || value === getFieldValue(name)
                ? Promise.resolve()
                : Promise.reject(new Error(t('auth.passwordMismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid={testIds.confirm} />
      </Form.Item>
    </>
  );
}
