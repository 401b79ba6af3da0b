import { Flex, Form, Select, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type HTMLAttributes, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { emptyLocale } from '../../app/shell/query-table';
import { useStaffName } from '../merchants/profile-tab';
import { formatTime } from '../shared/format-time';
import { PagedTable } from '../shared/paged-table';
import { BreakActions } from './break-actions';
import { BreakDifference, BreakSubject, OurSide, TheirSide } from './break-sides';
import { useBreaks } from './recon-api';
import {
  BreakKindTag,
  BreakStatusTag,
  breakKindLabel,
  breakStatusLabel,
  resolutionActionLabel,
} from './recon-labels';
import {
  type BreakFilters,
  type BreakKind,
  type BreakStatus,
  breakKinds,
  breakStatuses,
  type ReconBreak,
  type StatementImportDetail,
} from './recon-types';

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  values.includes(value as T) ? (value as T) : undefined;

/** The maker's proposal and the checker's approval, with who made them and when. */
function Resolution({ reconBreak }: { reconBreak: ReconBreak }) {
  const { t } = useTranslation();
  // Staff are known here only by id: the reader themselves by name, colleagues by id's tail.
  const staffName = useStaffName(new Map());
  if (!reconBreak.resolutionAction && !reconBreak.resolutionReason) return <>—</>;
  return (
    <Flex vertical gap={2}>
      {reconBreak.resolutionAction && (
        <Typography.Text>{resolutionActionLabel(reconBreak.resolutionAction)}</Typography.Text>
      )}
      {reconBreak.resolutionReason && (
        <Typography.Text style={{ fontSize: 12 }} data-testid="break-reason">
          {reconBreak.resolutionReason}
        </Typography.Text>
      )}
      {reconBreak.proposedByUserId && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="break-proposer">
          {t('reconciliation.breaks.proposedBy', {
            name: staffName(reconBreak.proposedByUserId),
            time: formatTime(reconBreak.proposedAt),
          })}
        </Typography.Text>
      )}
      {reconBreak.approvedByUserId && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('reconciliation.breaks.approvedBy', {
            name: staffName(reconBreak.approvedByUserId),
            time: formatTime(reconBreak.approvedAt),
          })}
        </Typography.Text>
      )}
    </Flex>
  );
}

/**
 * The break workbench of one import: its breaks filtered by kind and status (the filters live
 * in the URL, each option with its count), each with the statement's line and our record side
 * by side. Rows are tested by `break-row-${id}`.
 */
export function BreakTable({ statementImport }: { statementImport: StatementImportDetail }) {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters: BreakFilters = useMemo(
    () => ({
      kind: oneOf(breakKinds, searchParams.get('kind')),
      status: oneOf(breakStatuses, searchParams.get('status')),
    }),
    [searchParams],
  );
  const breaks = useBreaks(statementImport.id, filters);
  const editable = statementImport.status === 'matched';

  const setFilter = (name: 'kind' | 'status', value: string | undefined) => {
    const next = new URLSearchParams(searchParams);
    if (value) next.set(name, value);
    else next.delete(name);
    setSearchParams(next, { replace: true });
  };

  const columns: ColumnsType<ReconBreak> = [
    {
      title: t('reconciliation.breaks.kind'),
      dataIndex: 'kind',
      width: 230,
      fixed: 'left',
      render: (kind: BreakKind, row) => (
        <Flex vertical gap={2} align="flex-start">
          <BreakKindTag kind={kind} />
          <BreakSubject reconBreak={row} />
        </Flex>
      ),
    },
    {
      title: t('reconciliation.breaks.theirs'),
      key: 'theirs',
      width: 240,
      render: (_value, row) => <TheirSide reconBreak={row} />,
    },
    {
      title: t('reconciliation.breaks.ours'),
      key: 'ours',
      width: 260,
      render: (_value, row) => <OurSide reconBreak={row} />,
    },
    {
      title: t('reconciliation.breaks.difference'),
      key: 'difference',
      align: 'right',
      width: 120,
      render: (_value, row) => <BreakDifference reconBreak={row} />,
    },
    {
      title: t('reconciliation.breaks.status'),
      dataIndex: 'status',
      width: 110,
      render: (status: BreakStatus) => <BreakStatusTag status={status} />,
    },
    {
      title: t('reconciliation.breaks.resolution'),
      key: 'resolution',
      width: 280,
      render: (_value, row) => <Resolution reconBreak={row} />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 170,
      fixed: 'right',
      render: (_value, row) => <BreakActions reconBreak={row} editable={editable} />,
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Form layout="inline" style={{ rowGap: 12 }}>
        <Form.Item label={t('reconciliation.importDetail.byKind')}>
          <Select
            allowClear
            value={filters.kind}
            onChange={(value?: string) => setFilter('kind', value)}
            placeholder={t('reconciliation.breaks.filterKind')}
            aria-label={t('reconciliation.breaks.filterKind')}
            style={{ width: 180 }}
            data-testid="break-filter-kind"
            options={breakKinds.map((kind) => ({
              value: kind,
              label: `${breakKindLabel(kind)} (${statementImport.breaksByKind[kind] ?? 0})`,
            }))}
          />
        </Form.Item>
        <Form.Item label={t('reconciliation.importDetail.byStatus')}>
          <Select
            allowClear
            value={filters.status}
            onChange={(value?: string) => setFilter('status', value)}
            placeholder={t('reconciliation.breaks.filterStatus')}
            aria-label={t('reconciliation.breaks.filterStatus')}
            style={{ width: 180 }}
            data-testid="break-filter-status"
            options={breakStatuses.map((status) => ({
              value: status,
              label: `${breakStatusLabel(status)} (${statementImport.breaksByStatus[status] ?? 0})`,
            }))}
          />
        </Form.Item>
      </Form>
      <PagedTable<ReconBreak>
        list={breaks}
        countText={(count) => t('reconciliation.breaks.shown', { count })}
        loadMoreTestId="break-load-more"
        rowKey="id"
        size="middle"
        columns={columns}
        scroll={{ x: 1500 }}
        locale={emptyLocale(t('reconciliation.breaks.empty'))}
        data-testid="break-table"
        onRow={(row) =>
          ({
            'data-testid': `break-row-${row.id}`,
            'data-status': row.status,
            'data-kind': row.kind,
          }) as HTMLAttributes<HTMLElement>
        }
      />
    </Flex>
  );
}
