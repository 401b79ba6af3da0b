import { ApartmentOutlined, BankOutlined, ShopOutlined, TeamOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Card,
  Col,
  Empty,
  Flex,
  Progress,
  Row,
  Skeleton,
  Statistic,
  Table,
  Typography,
} from 'antd';
import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../app/api/client';
import type { ConsoleSummary } from '../../app/api/types';
import { hasPermission } from '../../app/auth/permissions';
import { useCurrentMe } from '../../app/auth/use-current-me';
import { roleLabel } from '../../app/i18n/labels';
import { QueryError } from '../../app/shell/query-error';
import { useAuditColumns } from '../audit/audit-columns';

// The charts bring echarts; loading them apart lets the figures above show without waiting.
const TodayPaymentCharts = lazy(() =>
  import('./today-payment-charts').then((m) => ({ default: m.TodayPaymentCharts })),
);

function StatCard({
  title,
  value,
  icon,
  testId,
}: {
  title: string;
  value: number;
  icon: ReactNode;
  testId: string;
}) {
  return (
    <Card>
      <Statistic title={title} value={value} prefix={icon} data-testid={testId} />
    </Card>
  );
}

function StaffByRole({ counts }: { counts: Record<string, number> }) {
  const entries = Object.entries(counts).sort(([, a], [, b]) => b - a);
  const total = entries.reduce((sum, [, count]) => sum + count, 0);
  if (!entries.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Flex vertical gap={12}>
      {entries.map(([role, count]) => (
        <div key={role}>
          <Flex justify="space-between">
            <Typography.Text>{roleLabel(role)}</Typography.Text>
            <Typography.Text strong>{count}</Typography.Text>
          </Flex>
          <Progress
            percent={total ? Math.round((count / total) * 100) : 0}
            showInfo={false}
            size="small"
          />
        </div>
      ))}
    </Flex>
  );
}

export function ConsoleHomePage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const canSeeSummary = hasPermission(me, 'dashboard:read');
  const summary = useQuery({
    queryKey: ['console-summary'],
    queryFn: () => api.get<ConsoleSummary>('/console/summary'),
    enabled: canSeeSummary,
  });
  const auditColumns = useAuditColumns({ compact: true });

  const header = (
    <div style={{ marginBottom: 24 }}>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('home.welcome', { name: me.user.displayName })}
      </Typography.Title>
      <Typography.Text type="secondary">
        {t('home.scope', { node: me.session.currentOrgNode?.name ?? '—' })}
      </Typography.Text>
    </div>
  );

  if (!canSeeSummary) {
    return (
      <>
        {header}
        <Card>
          <Typography.Text>{t('home.noDashboard')}</Typography.Text>
        </Card>
      </>
    );
  }
  if (summary.isError) {
    return (
      <>
        {header}
        <QueryError error={summary.error} onRetry={() => void summary.refetch()} />
      </>
    );
  }
  if (!summary.data) {
    return (
      <>
        {header}
        <Skeleton active />
      </>
    );
  }

  const data = summary.data;
  return (
    <>
      {header}
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={12} xl={6}>
          <StatCard
            title={t('home.orgNodes')}
            value={data.orgNodeCount}
            icon={<ApartmentOutlined />}
            testId="stat-org-nodes"
          />
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <StatCard
            title={t('home.branches')}
            value={data.branchCount}
            icon={<BankOutlined />}
            testId="stat-branches"
          />
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <StatCard
            title={t('home.subBranches')}
            value={data.subBranchCount}
            icon={<ShopOutlined />}
            testId="stat-sub-branches"
          />
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <StatCard
            title={t('home.staff')}
            value={data.staffCount}
            icon={<TeamOutlined />}
            testId="stat-staff"
          />
        </Col>
        <Col xs={24}>
          <Suspense fallback={<Skeleton active />}>
            <TodayPaymentCharts />
          </Suspense>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t('home.staffByRole')} style={{ height: '100%' }}>
            <StaffByRole counts={data.staffByRole} />
          </Card>
        </Col>
        <Col xs={24} xl={16}>
          <Card
            title={t('home.recentAudit')}
            style={{ height: '100%' }}
            extra={
              hasPermission(me, 'audit:read') && (
                <Link to="/console/audit">{t('home.viewAllAudit')}</Link>
              )
            }
          >
            <Table
              rowKey="id"
              size="small"
              columns={auditColumns}
              dataSource={data.recentAuditEvents}
              pagination={false}
              data-testid="recent-audit"
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
