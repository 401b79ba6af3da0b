import { useTranslation } from 'react-i18next';
import { OneTimeSecretModal } from '../shared/one-time-secret-modal';

/** A new or reset staff password, shown once. */
export function TemporaryPasswordModal({
  name,
  password,
  onClose,
}: {
  name: string;
  password: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <OneTimeSecretModal
      title={t('staff.temporaryPasswordTitle')}
      hint={t('staff.temporaryPasswordHint', { name })}
      secret={password}
      testId="temporary-password"
      onClose={onClose}
    />
  );
}
