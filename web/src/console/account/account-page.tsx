import { Card, Col, Descriptions, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { SecurityCards } from '../../app/auth/security-cards';
import { useCurrentMe } from '../../app/auth/use-current-me';
import { orgKindLabel, roleLabel } from '../../app/i18n/labels';

export function AccountPage() {
  const { t } = useTranslation();
  const { user } = useCurrentMe();

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
        <SecurityCards
          testIdPrefix="account"
          texts={{
            title: t('account.mfaTitle'),
            on: t('account.mfaEnabled'),
            off: t('account.mfaDisabled'),
            enroll: t('account.enroll'),
            reenroll: t('account.reenroll'),
            reenrollHint: t('account.reenrollHint'),
            enrolled: t('account.enrolled'),
          }}
        />
      </Row>
    </>
  );
}
