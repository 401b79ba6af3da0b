import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api/client';
import { newIdempotencyKey } from '../../app/api/idempotency-key';
import type { ListReply } from '../../app/api/types';
import { useShowError } from '../../app/api/use-show-error';
import { useCurrentMe } from '../../app/auth/use-current-me';
import { PageLoading } from '../../app/shell/page-loading';
import { QueryError } from '../../app/shell/query-error';
import { emptyLocale, QueryTable } from '../../app/shell/query-table';
import type { AvailableMarket, PortalMarkets, PortalMembership } from '../merchant-types';
import { hasPortalPermission } from '../portal-permissions';
import { marketKindLabel } from '../role-label';
import { commissionText, portalMarketsKey } from './market-format';
import { MembershipTag, useMembershipColumns } from './membership-tag';
import { OperatedMarketCard } from './operated-market-card';

export function MarketsPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const canAct = hasPortalPermission(me, 'portal:account');
  const membershipColumns = useMembershipColumns<PortalMembership>();
  const markets = useQuery({
    queryKey: portalMarketsKey,
    queryFn: () => api.get<PortalMarkets>('/portal/markets'),
  });
  const available = useQuery({
    queryKey: [...portalMarketsKey, 'available'],
    queryFn: () => api.get<ListReply<AvailableMarket>>('/portal/markets/available', { limit: 100 }),
  });
  const join = useMutation({
    mutationFn: (marketId: string) =>
      api.post(`/portal/markets/${encodeURIComponent(marketId)}/join`, undefined, {
        'Idempotency-Key': newIdempotencyKey(),
      }),
    onSuccess: async () => {
      void message.success(t('portal.markets.joinRequested'));
      await queryClient.invalidateQueries({ queryKey: portalMarketsKey });
    },
    onError: (error) => showError(error),
  });

  if (markets.isPending) return <PageLoading />;
  if (markets.isError)
    return <QueryError error={markets.error} onRetry={() => void markets.refetch()} />;

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('portal.markets.title')}
      </Typography.Title>

      {markets.data.operated.map((market) => (
        <OperatedMarketCard key={market.id} market={market} canAct={canAct} />
      ))}

      <Card title={t('portal.markets.mine')}>
        <Table<PortalMembership>
          rowKey="membershipId"
          dataSource={markets.data.memberships}
          pagination={false}
          scroll={{ x: 640 }}
          data-testid="portal-memberships"
          locale={emptyLocale(t('portal.markets.noMemberships'))}
          columns={[
            { key: 'name', title: t('portal.markets.name'), render: (_, row) => row.market.name },
            {
              key: 'kind',
              title: t('portal.markets.kind'),
              render: (_, row) => marketKindLabel(row.market.kind),
            },
            {
              key: 'commission',
              title: t('portal.markets.commission'),
              render: (_, row) => commissionText(row.market.commissionBp),
            },
            ...membershipColumns,
          ]}
        />
      </Card>

      <Card title={t('portal.markets.available')}>
        <QueryTable<AvailableMarket>
          query={available}
          rowKey="id"
          dataSource={available.data?.data ?? []}
          scroll={{ x: 640 }}
          data-testid="portal-available-markets"
          locale={emptyLocale(t('portal.markets.noAvailable'))}
          columns={[
            { key: 'name', title: t('portal.markets.name'), dataIndex: 'name' },
            {
              key: 'kind',
              title: t('portal.markets.kind'),
              render: (_, row) => marketKindLabel(row.kind),
            },
            {
              key: 'operator',
              title: t('portal.markets.operator'),
              render: (_, row) => row.operatorShortName ?? '—',
            },
            {
              key: 'commission',
              title: t('portal.markets.commission'),
              render: (_, row) => commissionText(row.commissionBp),
            },
            {
              key: 'previous',
              title: t('portal.markets.status'),
              render: (_, row) =>
                row.membershipStatus ? <MembershipTag status={row.membershipStatus} /> : null,
            },
            ...(canAct
              ? [
                  {
                    key: 'join',
                    title: t('common.actions'),
                    render: (_: unknown, row: AvailableMarket) => (
                      <Button
                        size="small"
                        type="primary"
                        loading={join.isPending && join.variables === row.id}
                        onClick={() => join.mutate(row.id)}
                        data-testid={`market-join-${row.id}`}
                      >
                        {t('portal.markets.join')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </Flex>
  );
}
