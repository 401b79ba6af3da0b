import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Card, Empty, Flex, List, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api/client';
import { useShowError } from '../../app/api/use-show-error';
import { QueryError } from '../../app/shell/query-error';
import { formatTime } from '../../console/shared/format-time';
import { type NotificationPage, notificationsQueryKey } from '../portal-api';
import { notificationText } from './notification-text';

const pageSize = 20;

export function NotificationsPage() {
  const { t } = useTranslation();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useInfiniteQuery({
    queryKey: [...notificationsQueryKey, 'list', unreadOnly],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      api.get<NotificationPage>('/portal/notifications', {
        limit: pageSize,
        startingAfter: pageParam,
        unread: unreadOnly ? 'true' : undefined,
      }),
    getNextPageParam: (page) => (page.hasMore ? page.data[page.data.length - 1]?.id : undefined),
  });
  const markRead = useMutation({
    mutationFn: (id: string) => api.post(`/portal/notifications/${encodeURIComponent(id)}/read`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsQueryKey }),
    onError: (error) => showError(error),
  });
  const markAll = useMutation({
    // The list on screen is bounded by its pages, so this is too; one request per notification
    // keeps the server's single-item endpoint the only way to change read state.
    mutationFn: async (ids: string[]) => {
      for (const id of ids) await api.post(`/portal/notifications/${encodeURIComponent(id)}/read`);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationsQueryKey }),
    onError: (error) => showError(error),
  });

  const items = list.data?.pages.flatMap((page) => page.data) ?? [];
  const unreadCount = list.data?.pages[0]?.unreadCount ?? 0;
  const unreadIds = items.filter((item) => !item.readAt).map((item) => item.id);

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('portal.notifications.title')} <Badge count={unreadCount} />
        </Typography.Title>
        <Flex gap={8} wrap>
          <Segmented<'all' | 'unread'>
            value={unreadOnly ? 'unread' : 'all'}
            options={[
              { value: 'all', label: t('portal.notifications.all') },
              { value: 'unread', label: t('portal.notifications.unreadOnly') },
            ]}
            onChange={(value) => setUnreadOnly(value === 'unread')}
          />
          <Button
            disabled={unreadIds.length === 0}
            loading={markAll.isPending}
            onClick={() => markAll.mutate(unreadIds)}
            data-testid="notifications-mark-all"
          >
            {t('portal.notifications.markAllRead')}
          </Button>
        </Flex>
      </Flex>
      <Card>
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <List
            loading={list.isPending}
            dataSource={items}
            data-testid="notification-list"
            locale={{ emptyText: <Empty description={t('portal.notifications.empty')} /> }}
            renderItem={(item) => (
              <List.Item
                data-testid={`notification-${item.kind}`}
                data-read={item.readAt ? 'true' : 'false'}
                actions={
                  item.readAt
                    ? [
                        <Typography.Text key="read" type="secondary">
                          {t('portal.notifications.read')}
                        </Typography.Text>,
                      ]
                    : [
                        <Button
                          key="mark"
                          size="small"
                          type="link"
                          loading={markRead.isPending && markRead.variables === item.id}
                          onClick={() => markRead.mutate(item.id)}
                          data-testid={`notification-read-${item.id}`}
                        >
                          {t('portal.notifications.markRead')}
                        </Button>,
                      ]
                }
              >
                <List.Item.Meta
                  avatar={<Badge status={item.readAt ? 'default' : 'processing'} />}
                  title={
                    <Typography.Text
                      strong={!item.readAt}
                      type={item.readAt ? 'secondary' : undefined}
                    >
                      {notificationText(item)}
                    </Typography.Text>
                  }
                  description={formatTime(item.createdAt)}
                />
              </List.Item>
            )}
          />
        )}
        {list.hasNextPage && (
          <Flex justify="center" style={{ marginTop: 12 }}>
            <Button loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
              {t('common.loadMore')}
            </Button>
          </Flex>
        )}
      </Card>
    </>
  );
}
