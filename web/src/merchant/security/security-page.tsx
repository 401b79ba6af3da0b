import { Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { SecurityCards } from '../../app/auth/security-cards';

/** 账户安全: the same MFA enrollment and password change the console uses, for merchant users. */
export function SecurityPage() {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('portal.security.title')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <SecurityCards
          testIdPrefix="portal"
          texts={{
            title: t('portal.security.mfa'),
            on: t('portal.security.mfaOn'),
            off: t('portal.security.mfaOff'),
            enroll: t('portal.security.enroll'),
            reenroll: t('portal.security.reenroll'),
            enrolled: t('portal.security.enrolled'),
          }}
        />
      </Row>
    </>
  );
}
