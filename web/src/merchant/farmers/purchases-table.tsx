import { Flex, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { formatCny } from '../../app/money';
import { moneyColumn } from '../../app/shell/money-column';
import { emptyLocale } from '../../app/shell/query-table';
import { formatTime } from '../../console/shared/format-time';
import { PagedTable } from '../../console/shared/paged-table';
import { usePurchases } from '../../farmers/farmer-api';
import { PurchasePayoutTag } from '../../farmers/farmer-labels';
import type { FarmerPurchase } from '../../farmers/farmer-types';
import { formatKg } from '../../farmers/weighed-amount';

/** A day's purchases, newest first, each with its payout and the farmer's receipt. */
export function PurchasesTable({ day }: { day: string }) {
  const { t } = useTranslation();
  const purchases = usePurchases(day);
  const columns: ColumnsType<FarmerPurchase> = [
    {
      title: t('farmers.purchases.time'),
      dataIndex: 'recordedAt',
      width: 170,
      render: (value: string) => formatTime(value),
    },
    { title: t('farmers.purchases.farmer'), dataIndex: 'farmerName', width: 110 },
    { title: t('farmers.purchases.produce'), dataIndex: 'produce', width: 110, ellipsis: true },
    {
      title: t('farmers.purchases.weight'),
      dataIndex: 'weightGrams',
      align: 'right',
      width: 120,
      render: (grams: number) => t('farmers.purchases.weightValue', { kg: formatKg(grams) }),
    },
    {
      title: t('farmers.purchases.unitPrice'),
      dataIndex: 'unitPriceFenPerKg',
      align: 'right',
      width: 120,
      render: (fen: number) => t('farmers.purchases.unitPriceValue', { price: formatCny(fen) }),
    },
    moneyColumn<FarmerPurchase>(t('farmers.purchases.amount'), 'amountFen'),
    {
      title: t('farmers.purchases.payout'),
      dataIndex: 'payoutStatus',
      width: 200,
      render: (state: FarmerPurchase['payoutStatus'], purchase) => (
        <Flex vertical gap={2} align="flex-start">
          <PurchasePayoutTag state={state} />
          {purchase.payoutFailureReason && (
            <Typography.Text type="danger" style={{ fontSize: 12 }}>
              {purchase.payoutFailureReason}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t('farmers.purchases.receipt'),
      dataIndex: 'receiptUrl',
      width: 100,
      render: (url: string, purchase) => (
        // The receipt is the farmer's page, reachable without a login; it opens apart.
        <a
          href={url}
          target="_blank"
          rel="noopener noreferrer"
          data-testid={`purchase-receipt-${purchase.id}`}
        >
          {t('farmers.purchases.openReceipt')}
        </a>
      ),
    },
  ];
  return (
    <PagedTable<FarmerPurchase>
      list={purchases}
      countText={(count) => t('farmers.purchases.shown', { count })}
      loadMoreTestId="purchase-load-more"
      rowKey="id"
      size="middle"
      columns={columns}
      scroll={{ x: 1100 }}
      locale={emptyLocale(t('farmers.purchases.empty'))}
      data-testid="purchase-table"
      onRow={(purchase) => ({
        'data-testid': `purchase-row-${purchase.id}`,
        style: purchase.payoutStatus === 'failed' ? { background: '#fff2f0' } : undefined,
      })}
    />
  );
}
