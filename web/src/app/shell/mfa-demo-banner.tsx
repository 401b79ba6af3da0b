import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';

/** The embedded demo runs with MFA enforcement off; nobody should mistake it for production. */
export function MfaDemoBanner() {
  const { t } = useTranslation();
  return (
    <Alert banner type="warning" title={t('shell.mfaOffBanner')} data-testid="mfa-off-banner" />
  );
}
