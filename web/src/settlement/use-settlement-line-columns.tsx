import { Flex, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { SettlementLine } from '../app/api/settlement-types';
import { formatCny } from '../app/money';
import { moneyColumn } from '../app/shell/money-column';
import { cycleLabel, LineStatusTag, PayoutStatusTag } from './labels';

type LineColumn = ColumnType<SettlementLine>;

/**
 * The columns of a settlement line that the console's run detail (a line per merchant) and the
 * portal's settlements (a line per date) both show.
 */
export function useSettlementLineColumns() {
  const { t } = useTranslation();
  // An amount with the count of the trades in it, so a reader sees both at a glance.
  const counted = (fen: number, count: number) => (
    <Flex vertical align="flex-end">
      <span>{formatCny(fen)}</span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('payments.today.count', { count })}
      </Typography.Text>
    </Flex>
  );

  const merchant: LineColumn = {
    title: t('settlement.field.merchant'),
    dataIndex: 'merchantName',
    width: 180,
    ellipsis: true,
    render: (name: string | null, line) => name ?? line.merchantId,
  };
  const date: LineColumn = {
    title: t('settlement.field.date'),
    dataIndex: 'settlementDate',
    width: 120,
  };
  const cycle: LineColumn = {
    title: t('settlement.field.cycle'),
    dataIndex: 'cycle',
    width: 80,
    render: (code: string) => cycleLabel(code),
  };
  const payments: LineColumn = {
    ...moneyColumn<SettlementLine>(t('settlement.field.payments'), 'paymentsFen', 130),
    render: (fen: number, line) => counted(fen, line.paymentCount),
  };
  const refunds: LineColumn = {
    ...moneyColumn<SettlementLine>(t('settlement.field.refunds'), 'refundsFen'),
    render: (fen: number, line) => counted(fen, line.refundCount),
  };
  const fees = moneyColumn<SettlementLine>(t('settlement.field.fees'), 'feesFen', 100);
  const commission = moneyColumn<SettlementLine>(
    t('settlement.field.commission'),
    'commissionFen',
    100,
  );
  const loanDeduction = moneyColumn<SettlementLine>(
    t('settlement.field.loanDeduction'),
    'loanDeductionFen',
    100,
  );
  const d0Premium = moneyColumn<SettlementLine>(
    t('settlement.field.d0Premium'),
    'd0PremiumFen',
    100,
  );
  const net: LineColumn = {
    ...moneyColumn<SettlementLine>(t('settlement.field.net'), 'netFen', 130),
    render: (fen: number) => (
      <Typography.Text strong data-testid="settlement-line-net">
        {formatCny(fen)}
      </Typography.Text>
    ),
  };
  const status: LineColumn = {
    title: t('settlement.field.status'),
    dataIndex: 'status',
    width: 100,
    render: (code: SettlementLine['status']) => <LineStatusTag status={code} />,
  };
  // A failed payout says why right under its tag: that is what the reader has to act on.
  const payout: LineColumn = {
    title: t('settlement.field.payoutStatus'),
    dataIndex: 'payoutStatus',
    width: 200,
    render: (code: string | null, line) => (
      <Flex vertical gap={2} align="flex-start">
        <PayoutStatusTag status={code} />
        {line.payoutFailure && (
          <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid="payout-failure">
            {line.payoutFailure}
          </Typography.Text>
        )}
      </Flex>
    ),
  };
  return {
    merchant,
    date,
    cycle,
    payments,
    refunds,
    fees,
    commission,
    loanDeduction,
    d0Premium,
    net,
    status,
    payout,
  };
}
