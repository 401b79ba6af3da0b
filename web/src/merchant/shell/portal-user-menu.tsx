import { DownOutlined, LogoutOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Avatar, Button, Dropdown, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, setCsrfToken } from '../../app/api/client';
import { useCurrentMe } from '../../app/auth/use-current-me';
import { roleLabelOf } from '../role-label';

export function PortalUserMenu({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const role = me.user.roles[0];

  const logout = async () => {
    try {
      await api.post<void>('/auth/logout');
    } finally {
      setCsrfToken(undefined);
      await navigate('/merchant/login', { replace: true });
      queryClient.removeQueries();
    }
  };

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          {
            key: 'security',
            icon: <SafetyOutlined />,
            label: <span data-testid="portal-user-security">{t('portal.user.security')}</span>,
          },
          { type: 'divider' },
          {
            key: 'logout',
            icon: <LogoutOutlined />,
            label: <span data-testid="portal-user-logout">{t('auth.logout')}</span>,
          },
        ],
        onClick: ({ key }) => {
          if (key === 'security') void navigate('/merchant/security');
          if (key === 'logout') void logout();
        },
      }}
    >
      <Button type="text" data-testid="portal-user-menu" style={{ height: 40, paddingInline: 4 }}>
        <Flex align="center" gap={8}>
          <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1677ff' }} />
          {!compact && (
            <Typography.Text>
              {me.user.displayName}
              {role ? ` · ${roleLabelOf(role)}` : ''}
            </Typography.Text>
          )}
          <DownOutlined style={{ fontSize: 10 }} />
        </Flex>
      </Button>
    </Dropdown>
  );
}
