import { Badge, Button, Flex, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Payment } from '../../app/api/payment-types';
import { PaymentListCard } from '../../payments/payment-list-card';
import { filtersFromParams, paramsFromFilters } from '../../payments/payment-search-form';
import { amountCell, usePaymentColumns } from '../../payments/use-payment-columns';
import { PaymentDrawer } from './payment-drawer';
import { TodayTotalsCards } from './today-totals-cards';
import { useLivePayments } from './use-live-payments';

/** The merchant's takings today and the payments as they arrive; a row opens its detail. */
export function PaymentsPage() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  // The open payment is in the URL too, so a link or a reload shows the same drawer.
  const openId = searchParams.get('payment');
  const filters = useMemo(() => filtersFromParams(searchParams), [searchParams]);
  const { list, rows, fresh, pollFailed } = useLivePayments(filters);
  const shared = usePaymentColumns();

  const open = (id: string | null) => {
    const next = new URLSearchParams(searchParams);
    if (id) next.set('payment', id);
    else next.delete('payment');
    setSearchParams(next);
  };

  const columns: ColumnsType<Payment> = [
    shared.time,
    {
      ...shared.amount,
      render: (fen: number, payment) => (
        <Flex justify="flex-end" align="center" gap={6}>
          {fresh.has(payment.id) && (
            <Tag color="green" style={{ marginInlineEnd: 0 }}>
              {t('payments.list.new')}
            </Tag>
          )}
          {amountCell(fen)}
        </Flex>
      ),
    },
    shared.channel,
    shared.method,
    shared.status,
    shared.store,
    shared.reference,
    {
      title: t('common.actions'),
      key: 'actions',
      width: 80,
      fixed: 'right',
      // The row opens on a click too; the button is the way in for keyboards and screen readers.
      render: (_value, payment) => (
        <Button
          type="link"
          size="small"
          onClick={(event) => {
            event.stopPropagation();
            open(payment.id);
          }}
          data-testid={`payment-view-${payment.id}`}
        >
          {t('payments.list.view')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('payments.list.title')}
        </Typography.Title>
        <Tooltip title={t('payments.list.liveHint')}>
          <Badge
            status={pollFailed ? 'error' : 'processing'}
            text={t('payments.list.live')}
            data-testid="payments-live"
          />
        </Tooltip>
      </Flex>
      <TodayTotalsCards />
      <PaymentListCard
        filters={filters}
        onSearch={(next) => setSearchParams(paramsFromFilters(next))}
        list={list}
        rows={rows}
        columns={columns}
        scrollX={980}
        onRow={(payment) => ({
          onClick: () => open(payment.id),
          style: {
            cursor: 'pointer',
            transition: 'background-color 1s',
            ...(fresh.has(payment.id) && { backgroundColor: '#f6ffed' }),
          },
          'data-payment-id': payment.id,
        })}
      />
      {openId && <PaymentDrawer paymentId={openId} onClose={() => open(null)} />}
    </>
  );
}
