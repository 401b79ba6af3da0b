import { PlusOutlined, UserAddOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Flex, Row, Space, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DayTotalsCard } from './day-totals-card';
import { FarmerFormModal } from './farmer-form-modal';
import { FarmersTable } from './farmers-table';
import { PurchaseFormModal } from './purchase-form-modal';
import { PurchaserBalanceCard } from './purchaser-balance-card';
import { PurchasesTable } from './purchases-table';

const tabKeys = ['purchases', 'farmers'] as const;
type TabKey = (typeof tabKeys)[number];
const dayFormat = 'YYYY-MM-DD';

/**
 * A produce purchaser's field purchases: the funds farmers are paid from, the purchases of a
 * day with their receipts, and the farmers it buys from. The tab and the day live in the URL.
 */
export function FarmersPage() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const [open, setOpen] = useState<'farmer' | 'purchase' | null>(null);
  const requested = searchParams.get('tab');
  const tab: TabKey = tabKeys.includes(requested as TabKey) ? (requested as TabKey) : 'purchases';
  const requestedDay = searchParams.get('day') ?? '';
  const day =
    /^\d{4}-\d{2}-\d{2}$/.test(requestedDay) && dayjs(requestedDay).isValid()
      ? requestedDay
      : dayjs().format(dayFormat);

  const setParam = (name: 'tab' | 'day', value: string) => {
    const next = new URLSearchParams(searchParams);
    next.set(name, value);
    setSearchParams(next, { replace: true });
  };

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('farmers.menu.portal')}
        </Typography.Title>
        <Space wrap>
          <Button
            icon={<UserAddOutlined />}
            onClick={() => setOpen('farmer')}
            data-testid="register-farmer"
          >
            {t('farmers.farmers.register')}
          </Button>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setOpen('purchase')}
            data-testid="record-purchase"
          >
            {t('farmers.purchase.record')}
          </Button>
        </Space>
      </Flex>
      <Row gutter={[12, 12]}>
        <Col xs={24} md={12}>
          <PurchaserBalanceCard />
        </Col>
        <Col xs={24} md={12}>
          <DayTotalsCard day={day} />
        </Col>
      </Row>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParam('tab', key)}
          destroyOnHidden
          tabBarExtraContent={
            tab === 'purchases' && (
              <DatePicker
                value={dayjs(day)}
                allowClear={false}
                aria-label={t('farmers.purchases.day')}
                disabledDate={(candidate) => candidate.isAfter(dayjs(), 'day')}
                onChange={(next) => next && setParam('day', next.format(dayFormat))}
                data-testid="purchase-day"
              />
            )
          }
          items={[
            {
              key: 'purchases',
              label: <span data-testid="farmers-tab-purchases">{t('farmers.tabs.purchases')}</span>,
              children: <PurchasesTable day={day} />,
            },
            {
              key: 'farmers',
              label: <span data-testid="farmers-tab-farmers">{t('farmers.tabs.farmers')}</span>,
              children: <FarmersTable />,
            },
          ]}
        />
      </Card>
      {open === 'farmer' && <FarmerFormModal onClose={() => setOpen(null)} />}
      {open === 'purchase' && <PurchaseFormModal onClose={() => setOpen(null)} />}
    </Flex>
  );
}
