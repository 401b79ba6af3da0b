import { Card, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Payment } from '../../app/api/payment-types';
import { emptyLocale } from '../../app/shell/query-table';
import { usePaymentList } from '../../payments/payment-api';
import {
  filtersFromParams,
  PaymentSearchForm,
  paramsFromFilters,
} from '../../payments/payment-search-form';
import { usePaymentColumns } from '../../payments/use-payment-columns';
import { PagedTable } from '../shared/paged-table';

/** Payments across the merchants of the staff member's scope; the server applies the scope. */
export function PaymentListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(searchParams), [searchParams]);
  const list = usePaymentList(filters);
  const shared = usePaymentColumns();
  const detailPath = (payment: Payment) => `/console/payments/${encodeURIComponent(payment.id)}`;

  const columns: ColumnsType<Payment> = [
    {
      ...shared.merchant,
      fixed: 'left',
      render: (name: string | null, payment) => (
        <Link to={detailPath(payment)} data-testid={`payment-link-${payment.id}`}>
          {name ?? payment.merchantId}
        </Link>
      ),
    },
    shared.store,
    shared.amount,
    shared.channel,
    shared.method,
    shared.status,
    shared.time,
    shared.reference,
  ];

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('payments.list.consoleTitle')}
      </Typography.Title>
      <Card>
        <div style={{ marginBottom: 16 }}>
          <PaymentSearchForm
            staff
            filters={filters}
            onSearch={(next) => setSearchParams(paramsFromFilters(next))}
          />
        </div>
        <PagedTable<Payment>
          list={list}
          countText={(count) => t('payments.list.shown', { count })}
          loadMoreTestId="payment-load-more"
          rowKey="id"
          size="middle"
          columns={columns}
          scroll={{ x: 1100 }}
          locale={emptyLocale(t('payments.list.empty'))}
          data-testid="payment-table"
          onRow={(payment) => ({
            onClick: () => void navigate(detailPath(payment)),
            style: { cursor: 'pointer' },
          })}
        />
      </Card>
    </>
  );
}
