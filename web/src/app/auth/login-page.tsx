import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import { api, setCsrfToken } from '../api/client';
import type { LoginNext } from '../api/types';
import { AuthCard } from './auth-card';
import { ChangePasswordForm } from './change-password-form';
import { MfaEnrollment } from './mfa-enrollment';
import { MfaVerifyStep } from './mfa-verify-step';
import { nextStepFor } from './next-step';
import { PasswordStep } from './password-step';
import { type Realm, realmHome } from './realm';
import { meQuery } from './use-me';

type Step = 'password' | Exclude<LoginNext, 'done'>;

/**
 * Sign-in is a small state machine driven by the server's `next`. A session that is already
 * half-way (redirected here by a 403 `mfa_required`) resumes at its step, read from /me.
 * Staff and merchant users share the steps; the realm picks the login name (username or
 * mobile), the wording and where a finished sign-in lands. A session of the other realm is
 * not resumed here: signing in replaces it.
 */
export function LoginPage({ realm = 'staff' }: { realm?: Realm }) {
  const { t } = useTranslation();
  const home = realmHome[realm];
  const subtitle = realm === 'merchant' ? t('portal.subtitle') : undefined;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useQuery({ ...meQuery, retry: false, staleTime: 0 });
  const [step, setStep] = useState<Step | undefined>();
  const [typedPassword, setTypedPassword] = useState<string>();
  const [showingRecoveryCodes, setShowingRecoveryCodes] = useState(false);

  const goTo = (next: LoginNext) => {
    if (next === 'done') {
      // Fresh data for the new session: nothing cached from a previous user may show.
      queryClient.removeQueries();
      void navigate(home, { replace: true });
    } else {
      setStep(next);
    }
  };

  const advanceFromMe = async () => {
    const fresh = await queryClient.fetchQuery({ ...meQuery, staleTime: 0 });
    goTo(nextStepFor(fresh));
  };

  const startOver = async () => {
    try {
      await api.post<void>('/auth/logout');
    } catch {
      // The session may already be gone; starting over is what matters.
    }
    setCsrfToken(undefined);
    setTypedPassword(undefined);
    queryClient.removeQueries();
    setStep('password');
  };

  let current: Step | 'loading' | 'done';
  if (step) current = step;
  else if (me.isPending) current = 'loading';
  else if (me.isError || me.data.user.realm !== realm) current = 'password';
  else current = nextStepFor(me.data);

  if (current === 'done') return <Navigate to={home} replace />;
  if (current === 'loading') {
    return (
      <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
        <Spin size="large" />
      </Flex>
    );
  }

  const backLink = (
    <Button type="link" block onClick={() => void startOver()} style={{ marginTop: 8 }}>
      {t('auth.backToLogin')}
    </Button>
  );

  switch (current) {
    case 'password':
      return (
        <AuthCard
          title={realm === 'merchant' ? t('portal.login.title') : t('auth.loginTitle')}
          subtitle={subtitle}
        >
          <PasswordStep
            realm={realm}
            onSignedIn={(reply, password) => {
              queryClient.removeQueries();
              setTypedPassword(password);
              goTo(reply.next);
            }}
          />
          {realm === 'merchant' && (
            <Flex justify="space-between" wrap gap={8} style={{ marginTop: 16 }}>
              <Link to="/merchant/setup" data-testid="merchant-setup-link">
                {t('portal.login.setupLink')}
              </Link>
              <Link to="/apply">{t('portal.login.applyLink')}</Link>
            </Flex>
          )}
        </AuthCard>
      );
    case 'mfa_verify':
      return (
        <AuthCard title={t('auth.mfaVerifyTitle')} subtitle={subtitle}>
          <MfaVerifyStep onVerified={(reply) => goTo(reply.next)} />
          {backLink}
        </AuthCard>
      );
    case 'mfa_enroll':
      return (
        <AuthCard
          title={showingRecoveryCodes ? t('auth.recoveryCodesTitle') : t('auth.mfaEnrollTitle')}
          subtitle={subtitle}
        >
          <MfaEnrollment
            onConfirmed={() => setShowingRecoveryCodes(true)}
            onFinished={() => void advanceFromMe()}
          />
          {!showingRecoveryCodes && backLink}
        </AuthCard>
      );
    case 'change_password':
      return (
        <AuthCard title={t('auth.changePasswordTitle')} subtitle={subtitle}>
          <Alert
            type="info"
            showIcon
            title={t('auth.changePasswordRequiredHint')}
            style={{ marginBottom: 16 }}
          />
          <ChangePasswordForm
            knownCurrentPassword={typedPassword}
            onChanged={() => void advanceFromMe()}
          />
          {backLink}
        </AuthCard>
      );
  }
}
