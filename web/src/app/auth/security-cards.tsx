import { SafetyOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Flex, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChangePasswordForm } from './change-password-form';
import { MfaEnrollment } from './mfa-enrollment';
import { useCurrentMe } from './use-current-me';
import { meQuery } from './use-me';

/** The words of the MFA card, which the console and the merchant portal each put their own way. */
export interface MfaTexts {
  title: string;
  on: string;
  off: string;
  enroll: string;
  reenroll: string;
  /** Below the status when MFA is on. */
  reenrollHint?: string;
  enrolled: string;
}

/**
 * The signed-in user's own security, as two columns of a Row: MFA (enrol, or enrol again) and
 * a password change. The MFA card's status and button are tested by `${testIdPrefix}-mfa-status`
 * and `${testIdPrefix}-mfa-enroll`.
 */
export function SecurityCards({ texts, testIdPrefix }: { texts: MfaTexts; testIdPrefix: string }) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [enrolling, setEnrolling] = useState(false);
  const [codesShown, setCodesShown] = useState(false);
  const { mfaEnabled } = me.user;

  const finishEnrollment = () => {
    setEnrolling(false);
    setCodesShown(false);
    void message.success(texts.enrolled);
    void queryClient.invalidateQueries({ queryKey: meQuery.queryKey });
  };

  return (
    <>
      <Col xs={24} xl={12}>
        <Card title={texts.title} style={{ height: '100%' }}>
          <Flex vertical gap={16} align="flex-start">
            <Alert
              showIcon
              type={mfaEnabled ? 'success' : 'warning'}
              title={mfaEnabled ? texts.on : texts.off}
              data-testid={`${testIdPrefix}-mfa-status`}
            />
            {mfaEnabled && texts.reenrollHint && (
              <Typography.Text type="secondary">{texts.reenrollHint}</Typography.Text>
            )}
            <Button
              icon={<SafetyOutlined />}
              onClick={() => setEnrolling(true)}
              data-testid={`${testIdPrefix}-mfa-enroll`}
            >
              {mfaEnabled ? texts.reenroll : texts.enroll}
            </Button>
          </Flex>
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card title={t('auth.changePasswordTitle')}>
          <ChangePasswordForm onChanged={() => void message.success(t('auth.passwordChanged'))} />
        </Card>
      </Col>
      {enrolling && (
        <Modal
          open
          title={codesShown ? t('auth.recoveryCodesTitle') : t('auth.mfaEnrollTitle')}
          footer={null}
          // Once the codes are on screen, closing by accident would lose them for good.
          closable={!codesShown}
          mask={{ closable: false }}
          onCancel={() => setEnrolling(false)}
          destroyOnHidden
        >
          <MfaEnrollment onConfirmed={() => setCodesShown(true)} onFinished={finishEnrollment} />
        </Modal>
      )}
    </>
  );
}
