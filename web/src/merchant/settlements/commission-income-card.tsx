import { Card, DatePicker, Empty, Flex, Statistic, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommissionIncome } from '../../app/api/settlement-types';
import { formatCny } from '../../app/money';
import { moneyColumn } from '../../app/shell/money-column';
import { QueryError } from '../../app/shell/query-error';
import { useCommissionIncome } from '../../settlement/settlement-api';

type IncomeDay = CommissionIncome['days'][number];

/** What a market operator's market took in commission, by day, this month unless chosen. */
export function CommissionIncomeCard() {
  const { t } = useTranslation();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().startOf('month'), dayjs()]);
  const income = useCommissionIncome({
    from: range[0].format('YYYY-MM-DD'),
    to: range[1].format('YYYY-MM-DD'),
  });

  return (
    <Card
      title={t('settlement.commission.title')}
      data-testid="commission-income"
      extra={
        <DatePicker.RangePicker
          value={range}
          allowClear={false}
          aria-label={t('settlement.commission.range')}
          disabledDate={(day) => day.isAfter(dayjs(), 'day')}
          onChange={(next) => {
            if (next?.[0] && next[1]) setRange([next[0], next[1]]);
          }}
          data-testid="commission-range"
        />
      }
    >
      {income.isError ? (
        <QueryError error={income.error} onRetry={() => void income.refetch()} />
      ) : (
        <Flex vertical gap={16}>
          <Statistic
            title={t('settlement.commission.total')}
            loading={income.isPending}
            value={formatCny(income.data?.totalFen ?? 0)}
            valueRender={(node) => <span data-testid="commission-total">{node}</span>}
          />
          <Table<IncomeDay>
            size="small"
            rowKey="day"
            pagination={false}
            loading={income.isPending}
            dataSource={income.data?.days ?? []}
            locale={{
              emptyText: (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={t('settlement.commission.empty')}
                />
              ),
            }}
            columns={[
              { title: t('settlement.commission.day'), dataIndex: 'day' },
              {
                title: t('settlement.commission.trades'),
                dataIndex: 'tradeCount',
                align: 'right',
              },
              moneyColumn<IncomeDay>(t('settlement.commission.amount'), 'commissionFen'),
            ]}
            scroll={{ y: 360 }}
          />
        </Flex>
      )}
    </Card>
  );
}
