import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Flex, Form, Input, Skeleton, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { MfaEnrollment as Enrollment } from '../api/types';
import { useShowError } from '../api/use-show-error';
import { RecoveryCodes } from './recovery-codes';
import { SubmitButton } from './submit-button';

/**
 * Starts an enrollment on mount, shows the QR code and the secret, confirms with a code and
 * then shows the recovery codes once. Used by the sign-in flow and by "My account".
 */
export function MfaEnrollment({
  onConfirmed,
  onFinished,
}: {
  onConfirmed?: () => void;
  onFinished: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ code: string }>();
  const showError = useShowError();
  const start = useMutation({
    mutationFn: () => api.post<Enrollment>('/me/mfa/enrollment'),
  });
  const confirm = useMutation({
    mutationFn: (code: string) =>
      api.post<{ recoveryCodes: string[] }>('/me/mfa/enrollment/confirm', { code }),
    onSuccess: () => onConfirmed?.(),
    onError: (error) => {
      form.resetFields();
      showError(error, form);
    },
  });

  // Each start issues a new secret and voids the previous one, so React's development
  // double-run of effects must not start twice: the page would show a dead secret.
  const started = useRef(false);
  const startEnrollment = start.mutate;
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    startEnrollment();
  }, [startEnrollment]);

  if (confirm.data) {
    return <RecoveryCodes codes={confirm.data.recoveryCodes} onSaved={onFinished} />;
  }
  if (start.isError) {
    return (
      <Alert
        type="error"
        showIcon
        title={start.error.message}
        action={
          <Button size="small" onClick={() => start.mutate()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  if (!start.data) return <Skeleton active />;

  return (
    <Flex vertical gap={12}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('auth.mfaEnrollHint')}
      </Typography.Paragraph>
      <Flex justify="center">
        <img
          src={start.data.qrCodeDataUrl}
          alt={t('auth.mfaQrAlt')}
          width={200}
          height={200}
          style={{ border: '1px solid #f0f0f0', borderRadius: 8 }}
          data-testid="mfa-qr"
        />
      </Flex>
      <Flex vertical align="center">
        <Typography.Text type="secondary">{t('auth.mfaSecret')}</Typography.Text>
        <Typography.Text
          code
          copyable={{ text: start.data.secret }}
          style={{ fontSize: 15, letterSpacing: 1, wordBreak: 'break-all' }}
        >
          <span data-testid="mfa-secret">{start.data.secret}</span>
        </Typography.Text>
      </Flex>
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => confirm.mutate(values.code)}
      >
        <Form.Item
          name="code"
          label={t('auth.mfaConfirmHint')}
          rules={[{ required: true, pattern: /^\d{6}$/, message: t('auth.totpCodeInvalid') }]}
        >
          <Input
            placeholder={t('auth.totpCodePlaceholder')}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            size="large"
            data-testid="mfa-enroll-code"
          />
        </Form.Item>
        <SubmitButton loading={confirm.isPending} testId="mfa-enroll-submit">
          {t('auth.mfaConfirm')}
        </SubmitButton>
      </Form>
    </Flex>
  );
}
