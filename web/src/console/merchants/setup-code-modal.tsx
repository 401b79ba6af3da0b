import { useTranslation } from 'react-i18next';
import { formatTime } from '../shared/format-time';
import { OneTimeSecretModal } from '../shared/one-time-secret-modal';

/** The owner's one-time setup code, in large digits to read out or copy. */
export function SetupCodeModal({
  merchantName,
  setupCode,
  expiresAt,
  onClose,
}: {
  merchantName: string;
  setupCode: string;
  expiresAt: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <OneTimeSecretModal
      title={t('merchants.setupCode.title')}
      hint={t('merchants.setupCode.hint', { name: merchantName })}
      description={t('merchants.setupCode.expires', { time: formatTime(expiresAt) })}
      secret={setupCode}
      secretLook={{ fontSize: 28, letterSpacing: 6, padding: '8px 20px' }}
      testId="setup-code"
      onClose={onClose}
    />
  );
}
