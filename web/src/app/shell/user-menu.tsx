import { DownOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Avatar, Button, Dropdown, Flex, Typography } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, setCsrfToken } from '../api/client';
import { type Realm, realmLogin } from '../auth/realm';
import { useCurrentMe } from '../auth/use-current-me';

/** An entry of the user menu: one of the user's own pages. */
export interface UserMenuLink {
  key: string;
  path: string;
  icon: ReactNode;
  label: string;
}

/**
 * The signed-in user in a frame's header: the user's own pages, then sign-out, which ends in
 * the realm's sign-in page. Menu entries are tested by `${itemTestId}-${key}`.
 */
export function UserMenu({
  realm,
  links,
  detail,
  compact = false,
  testId,
  itemTestId,
  style,
}: {
  realm: Realm;
  links: UserMenuLink[];
  /** Shown after the name, such as the user's role. */
  detail?: string;
  /** Avatar only, for a narrow header. */
  compact?: boolean;
  testId: string;
  itemTestId: string;
  style?: CSSProperties;
}) {
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
      await navigate(realmLogin[realm], { replace: true });
      queryClient.removeQueries();
    }
  };

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          ...links.map((link) => ({
            key: link.key,
            icon: link.icon,
            label: <span data-testid={`${itemTestId}-${link.key}`}>{link.label}</span>,
          })),
          { type: 'divider' },
          {
            key: 'logout',
            icon: <LogoutOutlined />,
            label: <span data-testid={`${itemTestId}-logout`}>{t('auth.logout')}</span>,
          },
        ],
        onClick: ({ key }) => {
          const link = links.find((candidate) => candidate.key === key);
          if (link) void navigate(link.path);
          if (key === 'logout') void logout();
        },
      }}
    >
      <Button type="text" data-testid={testId} style={{ height: 40, ...style }}>
        <Flex align="center" gap={8}>
          <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1677ff' }} />
          {!compact && (
            <Typography.Text>
              {me.user.displayName}
              {detail ? ` · ${detail}` : ''}
            </Typography.Text>
          )}
          <DownOutlined style={{ fontSize: 10 }} />
        </Flex>
      </Button>
    </Dropdown>
  );
}
