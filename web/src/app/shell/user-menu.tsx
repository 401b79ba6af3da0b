import { DownOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Avatar, Button, Dropdown, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, setCsrfToken } from '../api/client';
import { useCurrentMe } from '../auth/use-current-me';

export function UserMenu() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const logout = async () => {
    try {
      await api.post<void>('/auth/logout');
    } finally {
      // Whatever the server said, this browser must not keep showing the old session's data.
      setCsrfToken(undefined);
      await navigate('/login', { replace: true });
      queryClient.removeQueries();
    }
  };

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          {
            key: 'account',
            icon: <UserOutlined />,
            label: <span data-testid="user-menu-account">{t('shell.account')}</span>,
          },
          { type: 'divider' },
          {
            key: 'logout',
            icon: <LogoutOutlined />,
            label: <span data-testid="user-menu-logout">{t('auth.logout')}</span>,
          },
        ],
        onClick: ({ key }) => {
          if (key === 'account') void navigate('/console/account');
          if (key === 'logout') void logout();
        },
      }}
    >
      <Button type="text" data-testid="user-menu" style={{ height: 40 }}>
        <Flex align="center" gap={8}>
          <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1677ff' }} />
          <Typography.Text>{me.user.displayName}</Typography.Text>
          <DownOutlined style={{ fontSize: 10 }} />
        </Flex>
      </Button>
    </Dropdown>
  );
}
