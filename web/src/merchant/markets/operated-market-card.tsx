import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Tabs, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { optionLabel, useApplicationOptions } from '../../app/api/application-options';
import { api } from '../../app/api/client';
import type { BuyerMember, MarketMember } from '../../app/api/merchant-types';
import type { ListReply } from '../../app/api/types';
import { useShowError } from '../../app/api/use-show-error';
import { emptyLocale, QueryTable } from '../../app/shell/query-table';
import { formatTime } from '../../console/shared/format-time';
import type { OperatedMarket } from '../merchant-types';
import { marketKindLabel } from '../role-label';
import { BuyerFormModal } from './buyer-form-modal';
import { commissionText, portalMarketsKey } from './market-format';
import { useMembershipColumns } from './membership-tag';

/** A market the merchant runs: requests to decide, members, and the buyers it registered. */
export function OperatedMarketCard({
  market,
  canAct,
}: {
  market: OperatedMarket;
  canAct: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const options = useApplicationOptions();
  const [addingBuyer, setAddingBuyer] = useState(false);
  const membershipColumns = useMembershipColumns<MarketMember>();
  const base = `/portal/markets/${encodeURIComponent(market.id)}`;
  const members = useQuery({
    queryKey: [...portalMarketsKey, market.id, 'members'],
    queryFn: () => api.get<ListReply<MarketMember>>(`${base}/members`, { limit: 100 }),
  });
  const buyers = useQuery({
    queryKey: [...portalMarketsKey, market.id, 'buyers'],
    queryFn: () => api.get<ListReply<BuyerMember>>(`${base}/buyers`, { limit: 100 }),
  });
  const decide = useMutation({
    mutationFn: ({
      membershipId,
      action,
    }: {
      membershipId: string;
      action: 'accept' | 'decline';
    }) => api.post(`${base}/members/${encodeURIComponent(membershipId)}/${action}`),
    onSuccess: async (_reply, { action }) => {
      void message.success(
        action === 'accept' ? t('portal.markets.accepted') : t('portal.markets.declined'),
      );
      await queryClient.invalidateQueries({ queryKey: portalMarketsKey });
    },
    onError: (error) => showError(error),
  });

  return (
    <Card
      title={`${t('portal.markets.operated')} · ${market.name}`}
      data-testid={`operated-market-${market.id}`}
      extra={
        <Flex gap={4} wrap>
          <Tag>{marketKindLabel(market.kind)}</Tag>
          <Tag>{commissionText(market.commissionBp)}</Tag>
          <Tag color="green">{t('portal.markets.memberCount', { count: market.memberCount })}</Tag>
          {market.pendingRequests > 0 && (
            <Tag color="blue">
              {t('portal.markets.pendingRequests', { count: market.pendingRequests })}
            </Tag>
          )}
        </Flex>
      }
    >
      <Tabs
        items={[
          {
            key: 'members',
            label: t('portal.markets.members'),
            children: (
              <QueryTable<MarketMember>
                query={members}
                rowKey="membershipId"
                size="small"
                dataSource={members.data?.data ?? []}
                scroll={{ x: 600 }}
                locale={emptyLocale(t('portal.markets.noMembers'))}
                columns={[
                  {
                    key: 'merchant',
                    title: t('portal.markets.member'),
                    render: (_, row) => row.merchant.shortName ?? row.merchant.id,
                  },
                  ...membershipColumns,
                  {
                    key: 'actions',
                    title: t('common.actions'),
                    render: (_, row) =>
                      canAct && row.status === 'requested' ? (
                        <Flex gap={8}>
                          <Button
                            size="small"
                            type="primary"
                            onClick={() =>
                              decide.mutate({ membershipId: row.membershipId, action: 'accept' })
                            }
                            data-testid={`member-accept-${row.membershipId}`}
                          >
                            {t('portal.markets.accept')}
                          </Button>
                          <Button
                            size="small"
                            danger
                            onClick={() =>
                              decide.mutate({ membershipId: row.membershipId, action: 'decline' })
                            }
                            data-testid={`member-decline-${row.membershipId}`}
                          >
                            {t('portal.markets.decline')}
                          </Button>
                        </Flex>
                      ) : null,
                  },
                ]}
              />
            ),
          },
          {
            key: 'buyers',
            label: t('portal.markets.buyers'),
            children: (
              <Flex vertical gap={12}>
                {canAct && (
                  <div>
                    <Button
                      icon={<PlusOutlined />}
                      onClick={() => setAddingBuyer(true)}
                      data-testid="buyer-add"
                    >
                      {t('portal.markets.addBuyer')}
                    </Button>
                  </div>
                )}
                <QueryTable<BuyerMember>
                  query={buyers}
                  rowKey="id"
                  size="small"
                  dataSource={buyers.data?.data ?? []}
                  scroll={{ x: 600 }}
                  locale={emptyLocale(t('portal.markets.noBuyers'))}
                  columns={[
                    { key: 'name', title: t('portal.markets.buyerName'), dataIndex: 'name' },
                    {
                      key: 'id',
                      title: t('portal.markets.buyerIdNumber'),
                      dataIndex: 'idNumber',
                    },
                    {
                      key: 'account',
                      title: t('portal.markets.buyerAccountNumber'),
                      render: (_, row) =>
                        row.accountLuhnOk ? (
                          row.accountNumber
                        ) : (
                          <Tooltip title={t('portal.markets.luhnWarning')}>
                            <Tag color="orange">{row.accountNumber}</Tag>
                          </Tooltip>
                        ),
                    },
                    {
                      key: 'bank',
                      title: t('portal.markets.buyerBank'),
                      render: (_, row) => optionLabel(options.data?.banks, row.bankCode),
                    },
                    {
                      key: 'createdAt',
                      title: t('portal.markets.requestedAt'),
                      render: (_, row) => formatTime(row.createdAt),
                    },
                  ]}
                />
              </Flex>
            ),
          },
        ]}
      />
      {addingBuyer && <BuyerFormModal marketId={market.id} onClose={() => setAddingBuyer(false)} />}
    </Card>
  );
}
