import { Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { Refund } from '../app/api/payment-types';
import { formatCny } from '../app/money';
import { emptyLocale, QueryTable, type TableQuery } from '../app/shell/query-table';
import { formatTime } from '../console/shared/format-time';
import { RefundStatusTag } from './labels';

/** A payment's refunds, newest as the server orders them; a failed one says why. */
export function RefundsTable({ refunds, query }: { refunds: Refund[]; query: TableQuery }) {
  const { t } = useTranslation();
  const columns: ColumnsType<Refund> = [
    {
      title: t('payments.field.amount'),
      dataIndex: 'amountFen',
      align: 'right',
      width: 110,
      render: (fen: number) => formatCny(fen),
    },
    {
      title: t('payments.field.status'),
      dataIndex: 'status',
      width: 100,
      render: (status: Refund['status'], refund) => (
        <>
          <RefundStatusTag status={status} />
          {refund.failureMessage && (
            <Typography.Text type="danger" style={{ fontSize: 12 }}>
              {refund.failureMessage}
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      title: t('payments.refund.reason'),
      dataIndex: 'reason',
      render: (reason: string | null) => reason ?? '—',
    },
    {
      title: t('payments.refund.feeReturned'),
      dataIndex: 'feeReturnedFen',
      align: 'right',
      width: 110,
      render: (fen: number) => formatCny(fen),
    },
    {
      title: t('payments.field.createdAt'),
      dataIndex: 'createdAt',
      width: 170,
      render: (value: string) => formatTime(value),
    },
  ];
  return (
    <QueryTable<Refund>
      query={query}
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={refunds}
      scroll={{ x: 640 }}
      locale={emptyLocale(t('payments.detail.noRefunds'))}
      data-testid="payment-refunds"
    />
  );
}
