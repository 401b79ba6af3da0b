import { Card, Col, DatePicker, Flex, Row, Statistic, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCny } from '../../app/money';
import { moneyColumn } from '../../app/shell/money-column';
import { emptyLocale, QueryTable } from '../../app/shell/query-table';
import { usePurchaseVolume } from '../../farmers/farmer-api';
import { type RegionVolumeNode, regionVolumeTree } from './region-volume-tree';

/**
 * Field purchases from farmers of the reader's branch subtree by the farmers' province, city
 * and county: the bank sees where its purchasers buy and how much reaches each area.
 */
export function PurchaseVolumePage() {
  const { t } = useTranslation();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().startOf('month'), dayjs()]);
  const volume = usePurchaseVolume({
    from: range[0].format('YYYY-MM-DD'),
    to: range[1].format('YYYY-MM-DD'),
  });
  const rows = useMemo(() => (volume.data ? regionVolumeTree(volume.data) : []), [volume.data]);

  const columns: ColumnsType<RegionVolumeNode> = [
    {
      title: t('farmers.volume.region'),
      dataIndex: 'name',
      render: (name: string, region) => (
        <span data-testid={`volume-region-${region.code}`}>{name}</span>
      ),
    },
    { title: t('farmers.volume.count'), dataIndex: 'count', align: 'right', width: 140 },
    moneyColumn<RegionVolumeNode>(t('farmers.volume.amount'), 'amountFen', 180),
  ];

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('farmers.volume.title')}
        </Typography.Title>
        <DatePicker.RangePicker
          value={range}
          allowClear={false}
          aria-label={t('farmers.volume.range')}
          // The server answers at most a year (366 days) at a time.
          disabledDate={(day, { from }) =>
            day.isAfter(dayjs(), 'day') || (from ? Math.abs(day.diff(from, 'day')) > 365 : false)
          }
          onChange={(next) => {
            if (next?.[0] && next[1]) setRange([next[0], next[1]]);
          }}
          data-testid="volume-range"
        />
      </Flex>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Card size="small" loading={volume.isPending}>
            <Statistic
              title={t('farmers.volume.total')}
              value={formatCny(volume.data?.total.amountFen ?? 0)}
              valueRender={(node) => <span data-testid="volume-total-amount">{node}</span>}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" loading={volume.isPending}>
            <Statistic
              title={t('farmers.volume.count')}
              value={volume.data?.total.count ?? 0}
              valueRender={(node) => <span data-testid="volume-total-count">{node}</span>}
            />
          </Card>
        </Col>
      </Row>
      <Card>
        <QueryTable<RegionVolumeNode>
          query={volume}
          rowKey="code"
          size="middle"
          columns={columns}
          dataSource={rows}
          locale={emptyLocale(t('farmers.volume.empty'))}
          data-testid="volume-table"
        />
      </Card>
    </>
  );
}
