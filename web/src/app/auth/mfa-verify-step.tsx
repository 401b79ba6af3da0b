import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { MfaVerifyReply } from '../api/types';
import { useShowError } from '../api/use-show-error';
import { SubmitButton } from './submit-button';

type VerifyBody = { code: string } | { recoveryCode: string };

export function MfaVerifyStep({ onVerified }: { onVerified: (reply: MfaVerifyReply) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ code?: string; recoveryCode?: string }>();
  const [useRecovery, setUseRecovery] = useState(false);
  const showError = useShowError();
  const verify = useMutation({
    mutationFn: (body: VerifyBody) => api.post<MfaVerifyReply>('/auth/mfa/verify', body),
    onSuccess: onVerified,
    onError: (error) => {
      form.resetFields();
      showError(error, form);
    },
  });

  return (
    <Form
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={(values) =>
        verify.mutate(
          useRecovery
            ? { recoveryCode: (values.recoveryCode ?? '').trim() }
            : { code: values.code ?? '' },
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('auth.mfaVerifyHint')}</Typography.Paragraph>
      {useRecovery ? (
        <Form.Item
          name="recoveryCode"
          label={t('auth.recoveryCode')}
          rules={[{ required: true, message: t('auth.recoveryCodePlaceholder') }]}
        >
          <Input
            placeholder={t('auth.recoveryCodePlaceholder')}
            autoComplete="off"
            autoFocus
            data-testid="recovery-code-input"
          />
        </Form.Item>
      ) : (
        <Form.Item
          name="code"
          label={t('auth.totpCode')}
          rules={[{ required: true, pattern: /^\d{6}$/, message: t('auth.totpCodeInvalid') }]}
        >
          <Input
            placeholder={t('auth.totpCodePlaceholder')}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            autoFocus
            size="large"
            data-testid="totp-code"
          />
        </Form.Item>
      )}
      <SubmitButton loading={verify.isPending} testId="mfa-verify-submit">
        {t('auth.verify')}
      </SubmitButton>
      <Button
        type="link"
        block
        style={{ marginTop: 8 }}
        onClick={() => {
          form.resetFields();
          setUseRecovery(!useRecovery);
        }}
        data-testid="toggle-recovery-code"
      >
        {useRecovery ? t('auth.useTotpCode') : t('auth.useRecoveryCode')}
      </Button>
    </Form>
  );
}
