import { Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Payment } from '../../app/api/payment-types';
import { usePaymentList } from '../../payments/payment-api';
import { PaymentListCard } from '../../payments/payment-list-card';
import { filtersFromParams, paramsFromFilters } from '../../payments/payment-search-form';
import { usePaymentColumns } from '../../payments/use-payment-columns';

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
      <PaymentListCard
        staff
        filters={filters}
        onSearch={(next) => setSearchParams(paramsFromFilters(next))}
        list={list}
        columns={columns}
        scrollX={1100}
        onRow={(payment) => ({
          onClick: () => void navigate(detailPath(payment)),
          style: { cursor: 'pointer' },
        })}
      />
    </>
  );
}
