import { Button, Empty, Flex, Skeleton, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Merchant, MerchantUser, Store } from '../../app/api/merchant-types';
import type { AuditEvent } from '../../app/api/types';
import { hasPermission } from '../../app/auth/permissions';
import { useCurrentMe } from '../../app/auth/use-current-me';
import { auditFieldLabel } from '../../app/i18n/labels';
import { QueryError } from '../../app/shell/query-error';
import { QueryTable } from '../../app/shell/query-table';
import { formatTime } from '../shared/format-time';
import {
  documentTypeLabel,
  feePlanLabel,
  fieldLabel,
  formatBasisPoints,
  historyActionLabel,
  kindLabel,
  marketKindLabel,
  marketStatusLabel,
  membershipStatusLabel,
  merchantRoleLabel,
  riskLabel,
  statusLabel,
  storeStatusLabel,
} from './labels';
import {
  useMerchantHistory,
  useMerchantMarkets,
  useMerchantStores,
  useMerchantUsers,
} from './merchant-api';
import { MerchantUserActions } from './merchant-user-actions';
import type { Market } from './types';

export function StoresTab({ merchant }: { merchant: Merchant }) {
  const { t } = useTranslation();
  const stores = useMerchantStores(merchant.id);
  return (
    <QueryTable<Store>
      query={stores}
      rowKey="id"
      size="middle"
      dataSource={stores.data ?? []}
      data-testid="merchant-stores"
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty description={t('merchants.stores.empty')} /> }}
      columns={[
        { title: t('merchants.stores.name'), dataIndex: 'name' },
        {
          title: t('merchants.field.region'),
          key: 'region',
          render: (_value, store) => store.regionName ?? store.regionCode,
        },
        { title: t('merchants.field.address'), dataIndex: 'address' },
        { title: t('merchants.stores.hours'), dataIndex: 'hours', width: 130 },
        {
          title: t('merchants.field.status'),
          dataIndex: 'status',
          width: 90,
          render: (status: string) => (
            <Tag color={status === 'open' ? 'green' : 'default'}>{storeStatusLabel(status)}</Tag>
          ),
        },
        {
          title: t('merchants.field.createdAt'),
          dataIndex: 'createdAt',
          width: 170,
          render: (value: string) => formatTime(value),
        },
      ]}
    />
  );
}

export function UsersTab({ merchant }: { merchant: Merchant }) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const users = useMerchantUsers(merchant.id);
  return (
    <QueryTable<MerchantUser>
      query={users}
      rowKey="id"
      size="middle"
      dataSource={users.data ?? []}
      data-testid="merchant-users"
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty description={t('merchants.users.empty')} /> }}
      columns={[
        { title: t('merchants.users.name'), dataIndex: 'displayName' },
        {
          title: t('merchants.field.mobile'),
          dataIndex: 'mobile',
          render: (mobile: string | null) => mobile ?? '—',
        },
        {
          title: t('merchants.users.role'),
          dataIndex: 'role',
          render: (role: string | null) => (role ? <Tag>{merchantRoleLabel(role)}</Tag> : '—'),
        },
        {
          title: t('merchants.users.store'),
          dataIndex: 'store',
          render: (store: MerchantUser['store']) => store?.name ?? '—',
        },
        {
          title: t('merchants.field.status'),
          key: 'status',
          render: (_value, user) =>
            user.disabled ? (
              <Tag>{t('merchants.userStatus.disabled')}</Tag>
            ) : user.locked ? (
              <Tag color="red">{t('merchants.userStatus.locked')}</Tag>
            ) : user.passwordSet ? (
              <Tag color="green">{t('merchants.userStatus.active')}</Tag>
            ) : (
              <Tag color="orange">{t('merchants.userStatus.passwordNotSet')}</Tag>
            ),
        },
        {
          title: t('merchants.users.mfa'),
          dataIndex: 'mfaEnabled',
          render: (enabled: boolean) => (enabled ? t('common.yes') : t('common.no')),
        },
        {
          title: t('merchants.users.lastLoginAt'),
          dataIndex: 'lastLoginAt',
          width: 170,
          render: (value: string | null) => formatTime(value),
        },
        ...(hasPermission(me, 'merchant:write')
          ? [
              {
                key: 'actions',
                render: (_value: unknown, user: MerchantUser) => (
                  <MerchantUserActions merchantId={merchant.id} user={user} />
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

interface MarketRow {
  key: string;
  market: Pick<Market, 'id' | 'name' | 'kind' | 'commissionBp' | 'status' | 'operator'>;
  role: 'operator' | 'member';
  status: string;
  since: string;
}

export function MarketsTab({ merchant }: { merchant: Merchant }) {
  const { t } = useTranslation();
  const markets = useMerchantMarkets(merchant.id);
  const rows: MarketRow[] = [
    ...(markets.data?.operated ?? []).map((market) => ({
      key: `operated-${market.id}`,
      market,
      role: 'operator' as const,
      status: market.status,
      since: market.createdAt,
    })),
    ...(markets.data?.memberships ?? []).map((membership) => ({
      key: membership.membershipId,
      market: membership.market,
      role: 'member' as const,
      status: membership.status,
      since: membership.requestedAt,
    })),
  ];
  return (
    <QueryTable<MarketRow>
      query={markets}
      rowKey="key"
      size="middle"
      dataSource={rows}
      data-testid="merchant-markets"
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty description={t('merchants.markets.noneForMerchant')} /> }}
      columns={[
        {
          title: t('merchants.markets.name'),
          key: 'name',
          render: (_value, row) => (
            <Link to={`/console/markets?open=${encodeURIComponent(row.market.id)}`}>
              {row.market.name}
            </Link>
          ),
        },
        {
          title: t('merchants.markets.kind'),
          key: 'kind',
          render: (_value, row) => marketKindLabel(row.market.kind),
        },
        {
          title: t('merchants.markets.role'),
          dataIndex: 'role',
          render: (role: MarketRow['role']) =>
            role === 'operator' ? (
              <Tag color="gold">{t('merchants.markets.roleOperator')}</Tag>
            ) : (
              <Tag>{t('merchants.markets.roleMember')}</Tag>
            ),
        },
        {
          title: t('merchants.markets.operator'),
          key: 'operator',
          render: (_value, row) => row.market.operator.shortName ?? row.market.operator.id,
        },
        {
          title: t('merchants.field.status'),
          key: 'status',
          render: (_value, row) =>
            row.role === 'operator'
              ? marketStatusLabel(row.status)
              : membershipStatusLabel(row.status),
        },
        {
          title: t('merchants.markets.commission'),
          key: 'commission',
          render: (_value, row) => formatBasisPoints(row.market.commissionBp),
        },
        {
          title: t('merchants.markets.since'),
          dataIndex: 'since',
          render: (value: string) => formatTime(value),
        },
      ]}
    />
  );
}

/** Fields whose audited values are codes: shown by their names. */
const codeLabels: Record<string, (code: string) => string> = {
  status: statusLabel,
  riskLevel: riskLabel,
  feePlan: feePlanLabel,
  kind: kindLabel,
  field: fieldLabel,
  type: documentTypeLabel,
};

/** Audit values are arbitrary JSON: strings as they are, statuses by name, the rest as JSON. */
function ChangeValue({ field, value }: { field: string; value: unknown }) {
  if (value === null || value === undefined)
    return <Typography.Text type="secondary">—</Typography.Text>;
  if (typeof value === 'string' && field in codeLabels) {
    return <span>{codeLabels[field]?.(value)}</span>;
  }
  if (typeof value === 'string' || typeof value === 'number') return <span>{value}</span>;
  return (
    <Typography.Text code style={{ whiteSpace: 'pre-wrap' }}>
      {JSON.stringify(value)}
    </Typography.Text>
  );
}

function changeFieldLabel(field: string): string {
  const label = fieldLabel(field);
  return label === field ? auditFieldLabel(field) : label;
}

function HistoryItem({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  const changes = Object.entries(event.changes ?? {});
  return (
    <Flex vertical gap={4} data-testid={`history-${event.action}`}>
      <Flex gap={8} align="baseline" wrap>
        <Typography.Text strong>{historyActionLabel(event.action)}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatTime(event.occurredAt)} · {event.actor?.username ?? t('audit.system')}
        </Typography.Text>
      </Flex>
      {changes.length > 0 && (
        <Flex vertical gap={2} style={{ fontSize: 13 }}>
          {changes.map(([field, change]) => (
            <span key={field}>
              <Typography.Text type="secondary">{changeFieldLabel(field)}：</Typography.Text>
              {change?.before !== undefined && change.before !== null && (
                <>
                  <ChangeValue field={field} value={change.before} /> →{' '}
                </>
              )}
              <ChangeValue field={field} value={change?.after} />
            </span>
          ))}
        </Flex>
      )}
    </Flex>
  );
}

function historyColor(action: string): string {
  if (/(reject|suspend|close|cancel|failed)/.test(action)) return 'red';
  if (/(approv|reinstat|activat)/.test(action)) return 'green';
  if (/reveal/.test(action)) return 'orange';
  return 'blue';
}

export function HistoryTab({ merchant }: { merchant: Merchant }) {
  const { t } = useTranslation();
  const history = useMerchantHistory(merchant.id);
  if (history.isError)
    return <QueryError error={history.error} onRetry={() => void history.refetch()} />;
  if (history.isPending) return <Skeleton active />;
  const events = history.data.pages.flatMap((page) => page.data);
  if (events.length === 0) return <Empty description={t('merchants.history.empty')} />;
  return (
    <div data-testid="merchant-history" style={{ paddingTop: 8 }}>
      <Timeline
        items={events.map((event) => ({
          key: event.id,
          color: historyColor(event.action),
          content: <HistoryItem event={event} />,
        }))}
      />
      {history.hasNextPage && (
        <Flex justify="center">
          <Button onClick={() => void history.fetchNextPage()} loading={history.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </Flex>
      )}
    </div>
  );
}
