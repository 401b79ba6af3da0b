import { Card, Flex, Tabs, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { SettlementLine } from '../../app/api/settlement-types';
import { emptyLocale } from '../../app/shell/query-table';
import { type PagedList, PagedTable } from '../../console/shared/paged-table';
import { usePayoutList, usePortalSettlements } from '../../settlement/settlement-api';
import { failedPayoutRow, usePayoutColumns } from '../../settlement/use-payout-columns';
import { useSettlementLineColumns } from '../../settlement/use-settlement-line-columns';
import { usePortalMerchant } from '../portal-api';
import { CommissionIncomeCard } from './commission-income-card';
import { StatementDownloads } from './statement-downloads';

const tabKeys = ['settlements', 'payouts'] as const;
type TabKey = (typeof tabKeys)[number];

/**
 * The merchant's settlements, each with its statement to download, and the payouts that
 * brought the money to its account. A market operator also sees its commission income.
 */
export function SettlementsPage() {
  const { t } = useTranslation();
  const merchant = usePortalMerchant();
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = searchParams.get('tab');
  const tab: TabKey = tabKeys.includes(requested as TabKey) ? (requested as TabKey) : 'settlements';

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('settlement.portal.title')}
      </Typography.Title>
      {merchant.data?.kind === 'market_operator' && <CommissionIncomeCard />}
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setSearchParams({ tab: key }, { replace: true })}
          destroyOnHidden
          items={[
            {
              key: 'settlements',
              label: (
                <span data-testid="settlements-tab-settlements">
                  {t('settlement.portal.settlements')}
                </span>
              ),
              children: <SettlementLines />,
            },
            {
              key: 'payouts',
              label: (
                <span data-testid="settlements-tab-payouts">{t('settlement.portal.payouts')}</span>
              ),
              children: <OwnPayouts />,
            },
          ]}
        />
      </Card>
    </Flex>
  );
}

function SettlementLines() {
  const { t } = useTranslation();
  const list = usePortalSettlements();
  const shared = useSettlementLineColumns();
  const columns: ColumnsType<SettlementLine> = [
    { ...shared.date, fixed: 'left' },
    shared.cycle,
    // What reaches the bank account first, then how it was made up.
    shared.net,
    shared.payout,
    shared.payments,
    shared.refunds,
    shared.fees,
    shared.commission,
    shared.d0Premium,
    shared.loanDeduction,
    {
      title: t('settlement.portal.statement'),
      key: 'statement',
      width: 170,
      fixed: 'right',
      render: (_value, line) => <StatementDownloads date={line.settlementDate} />,
    },
  ];
  return (
    <PortalList
      list={list}
      columns={columns}
      empty={t('settlement.portal.settlementsEmpty')}
      scrollX={1400}
      testId="settlement-table"
      onRow={(line) => ({ 'data-testid': `settlement-row-${line.settlementDate}` })}
    />
  );
}

function OwnPayouts() {
  const { t } = useTranslation();
  // The server answers a merchant user with its own merchant's payouts only.
  const list = usePayoutList({});
  const shared = usePayoutColumns();
  return (
    <PortalList
      list={list}
      columns={[
        shared.createdAt,
        shared.purpose,
        shared.date,
        shared.amount,
        shared.payee,
        shared.status,
        shared.completedAt,
      ]}
      empty={t('settlement.portal.payoutsEmpty')}
      scrollX={1100}
      testId="portal-payout-table"
      onRow={failedPayoutRow}
    />
  );
}

/** The two tabs' tables: paged, with the count of rows loaded and a "load more". */
function PortalList<T extends { id: string }>({
  list,
  columns,
  empty,
  scrollX,
  testId,
  onRow,
}: {
  list: PagedList<T>;
  columns: ColumnsType<T>;
  empty: string;
  scrollX: number;
  testId: string;
  onRow: (row: T) => Record<string, unknown>;
}) {
  const { t } = useTranslation();
  return (
    <PagedTable<T>
      list={list}
      countText={(count) => t('payments.list.shown', { count })}
      loadMoreTestId={`${testId}-load-more`}
      rowKey="id"
      size="middle"
      columns={columns}
      scroll={{ x: scrollX }}
      locale={emptyLocale(empty)}
      data-testid={testId}
      onRow={onRow}
    />
  );
}
