import { LockOutlined, MobileOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error';
import { api, setCsrfToken } from '../api/client';
import type { LoginReply } from '../api/types';
import { useShowError } from '../api/use-show-error';
import type { Realm } from './realm';
import { SubmitButton } from './submit-button';

interface Credentials {
  username: string;
  password: string;
}

/** Staff sign in with a username, merchant users with the mobile number they applied with. */
export function PasswordStep({
  realm = 'staff',
  onSignedIn,
}: {
  realm?: Realm;
  onSignedIn: (reply: LoginReply, password: string) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Credentials>();
  const showError = useShowError();
  const login = useMutation({
    mutationFn: (credentials: Credentials) =>
      api.post<LoginReply>('/auth/login', { ...credentials, realm }),
    onSuccess: (reply, credentials) => {
      setCsrfToken(reply.csrfToken);
      onSignedIn(reply, credentials.password);
    },
    onError: (error) => {
      // Wrong credentials, a locked account or rate limiting are shown in the card itself.
      if (!isApiError(error) || error.errors.length) showError(error, form);
    },
  });
  const merchant = realm === 'merchant';
  const credentialError =
    isApiError(login.error) && !login.error.errors.length ? login.error : null;

  return (
    <Form<Credentials>
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={(values) => login.mutate(values)}
      onValuesChange={() => login.reset()}
    >
      {credentialError && (
        <Alert
          type="error"
          showIcon
          data-testid="login-error"
          title={credentialError.message}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form.Item
        name="username"
        label={merchant ? t('portal.login.mobile') : t('auth.username')}
        rules={[
          {
            required: true,
            message: merchant ? t('portal.login.mobilePlaceholder') : t('auth.usernamePlaceholder'),
          },
        ]}
      >
        <Input
          prefix={merchant ? <MobileOutlined /> : <UserOutlined />}
          placeholder={
            merchant ? t('portal.login.mobilePlaceholder') : t('auth.usernamePlaceholder')
          }
          autoComplete="username"
          inputMode={merchant ? 'tel' : undefined}
          autoFocus
          data-testid="login-username"
        />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('auth.password')}
        rules={[{ required: true, message: t('auth.passwordPlaceholder') }]}
      >
        <Input.Password
          prefix={<LockOutlined />}
          placeholder={t('auth.passwordPlaceholder')}
          autoComplete="current-password"
          data-testid="login-password"
        />
      </Form.Item>
      <SubmitButton loading={login.isPending} testId="login-submit">
        {t('auth.login')}
      </SubmitButton>
    </Form>
  );
}
