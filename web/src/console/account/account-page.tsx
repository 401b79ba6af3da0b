import { SafetyOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Modal,
  Row,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChangePasswordForm } from '../../app/auth/change-password-form';
import { MfaEnrollment } from '../../app/auth/mfa-enrollment';
import { useCurrentMe } from '../../app/auth/use-current-me';
import { meQuery } from '../../app/auth/use-me';
import { orgKindLabel, roleLabel } from '../../app/i18n/labels';

export function AccountPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [enrolling, setEnrolling] = useState(false);
  const [codesShown, setCodesShown] = useState(false);
  const { user } = me;

  const finishEnrollment = () => {
    setEnrolling(false);
    setCodesShown(false);
    void message.success(t('account.enrolled'));
    void queryClient.invalidateQueries({ queryKey: meQuery.queryKey });
  };

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('account.title')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t('account.profile')} style={{ height: '100%' }}>
            <Descriptions
              column={1}
              bordered
              size="middle"
              data-testid="account-profile"
              items={[
                { key: 'username', label: t('staff.username'), children: user.username },
                { key: 'name', label: t('staff.displayName'), children: user.displayName },
                {
                  key: 'node',
                  label: t('staff.orgNode'),
                  children: user.orgNode
                    ? `${user.orgNode.name}（${user.orgNode.code}）${
                        user.orgNode.kind ? ` · ${orgKindLabel(user.orgNode.kind)}` : ''
                      }`
                    : '—',
                },
                {
                  key: 'roles',
                  label: t('staff.roles'),
                  children: user.roles.map((role) => <Tag key={role}>{roleLabel(role)}</Tag>),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('account.mfaTitle')} style={{ height: '100%' }}>
            <Flex vertical gap={16} align="flex-start">
              <Alert
                showIcon
                type={user.mfaEnabled ? 'success' : 'warning'}
                title={user.mfaEnabled ? t('account.mfaEnabled') : t('account.mfaDisabled')}
                data-testid="account-mfa-status"
              />
              {user.mfaEnabled && (
                <Typography.Text type="secondary">{t('account.reenrollHint')}</Typography.Text>
              )}
              <Button
                icon={<SafetyOutlined />}
                onClick={() => setEnrolling(true)}
                data-testid="account-mfa-enroll"
              >
                {user.mfaEnabled ? t('account.reenroll') : t('account.enroll')}
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
