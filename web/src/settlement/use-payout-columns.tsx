import { Flex, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { optionLabel, useApplicationOptions } from '../app/api/application-options';
import type { Payout } from '../app/api/settlement-types';
import { moneyColumn } from '../app/shell/money-column';
import { formatTime } from '../console/shared/format-time';
import { PayoutStatusTag, payoutPurposeLabel } from './labels';

type PayoutColumn = ColumnType<Payout>;

/** The columns of a payout that the console's payouts page and the portal's payouts tab show. */
export function usePayoutColumns() {
  const { t } = useTranslation();
  const options = useApplicationOptions();

  const createdAt: PayoutColumn = {
    title: t('settlement.payouts.createdAt'),
    dataIndex: 'createdAt',
    width: 170,
    render: (value: string) => formatTime(value),
  };
  const completedAt: PayoutColumn = {
    title: t('settlement.payouts.completedAt'),
    dataIndex: 'completedAt',
    width: 170,
    render: (value: string | null) => formatTime(value),
  };
  const merchant: PayoutColumn = {
    title: t('settlement.field.merchant'),
    dataIndex: 'merchantName',
    width: 160,
    ellipsis: true,
    render: (name: string | null, payout) => name ?? payout.merchantId,
  };
  const purpose: PayoutColumn = {
    title: t('settlement.payouts.purpose'),
    dataIndex: 'purpose',
    width: 100,
    render: (code: string) => payoutPurposeLabel(code),
  };
  const date: PayoutColumn = {
    title: t('settlement.field.date'),
    dataIndex: 'settlementDate',
    width: 110,
    render: (value: string | null) => value ?? '—',
  };
  const amount = moneyColumn<Payout>(t('settlement.payouts.amount'), 'amountFen', 120);
  const payee: PayoutColumn = {
    title: t('settlement.payouts.payee'),
    key: 'payee',
    width: 220,
    render: (_value, payout) => (
      <Flex vertical>
        <span>{payout.payeeName}</span>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {payout.payeeAccount} · {optionLabel(options.data?.banks, payout.payeeBankCode)}
        </Typography.Text>
      </Flex>
    ),
  };
  // A failed payout shows its reason under the tag: the reader needs it to decide on a retry.
  const status: PayoutColumn = {
    title: t('settlement.field.status'),
    dataIndex: 'status',
    width: 220,
    render: (code: Payout['status'], payout) => (
      <Flex vertical gap={2} align="flex-start">
        <PayoutStatusTag status={code} />
        {payout.status === 'failed' && (
          <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid="payout-failure">
            {payout.failureMessage ?? payout.failureCode ?? '—'}
          </Typography.Text>
        )}
      </Flex>
    ),
  };
  return { createdAt, completedAt, merchant, purpose, date, amount, payee, status };
}

/** Failed payouts stand out in a list, so no one scrolls past money that did not arrive. */
export function failedPayoutRow(payout: Payout) {
  return {
    'data-testid': `payout-row-${payout.id}`,
    'data-status': payout.status,
    style: payout.status === 'failed' ? { background: '#fff2f0' } : undefined,
  };
}
