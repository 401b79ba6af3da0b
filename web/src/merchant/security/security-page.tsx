import { SafetyOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Flex, Modal, Row, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChangePasswordForm } from '../../app/auth/change-password-form';
import { MfaEnrollment } from '../../app/auth/mfa-enrollment';
import { useCurrentMe } from '../../app/auth/use-current-me';
import { meQuery } from '../../app/auth/use-me';

/** 账户安全: the same MFA enrollment and password change the console uses, for merchant users. */
export function SecurityPage() {
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
    void message.success(t('portal.security.enrolled'));
    void queryClient.invalidateQueries({ queryKey: meQuery.queryKey });
  };

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('portal.security.title')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t('portal.security.mfa')} style={{ height: '100%' }}>
            <Flex vertical gap={16} align="flex-start">
              <Alert
                showIcon
                type={mfaEnabled ? 'success' : 'warning'}
                title={mfaEnabled ? t('portal.security.mfaOn') : t('portal.security.mfaOff')}
                data-testid="portal-mfa-status"
              />
              <Button
                icon={<SafetyOutlined />}
                onClick={() => setEnrolling(true)}
                data-testid="portal-mfa-enroll"
              >
                {mfaEnabled ? t('portal.security.reenroll') : t('portal.security.enroll')}
              </Button>
            </Flex>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('auth.changePasswordTitle')}>
            <ChangePasswordForm onChanged={() => void message.success(t('auth.passwordChanged'))} />
          </Card>
        </Col>
      </Row>
      {enrolling && (
        <Modal
          open
          title={codesShown ? t('auth.recoveryCodesTitle') : t('auth.mfaEnrollTitle')}
          footer={null}
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
