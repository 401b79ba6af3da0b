import { Card, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Payout } from '../../app/api/settlement-types';
import { hasPermission } from '../../app/auth/permissions';
import { useCurrentMe } from '../../app/auth/use-current-me';
import { emptyLocale } from '../../app/shell/query-table';
import { usePayoutList } from '../../settlement/settlement-api';
import { failedPayoutRow, usePayoutColumns } from '../../settlement/use-payout-columns';
import { PagedTable } from '../shared/paged-table';
import {
  PayoutSearchForm,
  paramsFromPayoutFilters,
  payoutFiltersFromParams,
} from './payout-search-form';
import { RetryPayoutButton } from './retry-payout-button';
import { SettlementSection } from './settlement-section';

/** Payouts of the reader's scope: settlements and farmer purchases; failed ones can be retried. */
export function PayoutsPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => payoutFiltersFromParams(searchParams), [searchParams]);
  const list = usePayoutList(filters);
  const shared = usePayoutColumns();

  const columns: ColumnsType<Payout> = [
    {
      title: t('settlement.payouts.id'),
      dataIndex: 'id',
      width: 200,
      fixed: 'left',
      render: (id: string, payout) => (
        <Typography.Text copyable={{ text: id }} style={{ fontSize: 12 }}>
          {id}
          {payout.attempt > 1 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {' '}
              #{payout.attempt}
            </Typography.Text>
          )}
        </Typography.Text>
      ),
    },
    shared.merchant,
    shared.purpose,
    shared.date,
    shared.amount,
    shared.payee,
    shared.status,
    shared.createdAt,
    shared.completedAt,
  ];
  if (hasPermission(me, 'settlement:run')) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 120,
      fixed: 'right',
      render: (_value, payout) =>
        payout.status === 'failed' && (
          <RetryPayoutButton
            payoutId={payout.id}
            amountFen={payout.amountFen}
            reason={payout.failureMessage ?? payout.failureCode}
          />
        ),
    });
  }

  return (
    <SettlementSection active="payouts">
      <Card>
        <div style={{ marginBottom: 16 }}>
          <PayoutSearchForm
            filters={filters}
            onSearch={(next) => setSearchParams(paramsFromPayoutFilters(next))}
          />
        </div>
        <PagedTable<Payout>
          list={list}
          countText={(count) => t('settlement.payouts.shown', { count })}
          loadMoreTestId="payout-load-more"
          rowKey="id"
          size="middle"
          columns={columns}
          scroll={{ x: 1600 }}
          locale={emptyLocale(t('settlement.payouts.empty'))}
          data-testid="payout-table"
          onRow={failedPayoutRow}
        />
      </Card>
    </SettlementSection>
  );
}
