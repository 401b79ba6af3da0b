import { Card, Flex, Segmented, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Merchant } from '../../app/api/merchant-types';
import { useCurrentMe } from '../../app/auth/use-current-me';
import { formatTime } from '../shared/format-time';
import { PagedTable } from '../shared/paged-table';
import { flagLabel, flagShortLabel, StatusTag } from './labels';
import { useMerchantList } from './merchant-api';
import { useMerchantColumns } from './merchant-columns';
import { OrgNodeTreeSelect } from './pickers';

const queueLimit = 500;

type Stage = 'all' | 'submitted' | 'in_review' | 'awaiting_approval' | 'mine';

function stageOf(merchant: Merchant): Exclude<Stage, 'all' | 'mine'> {
  if (merchant.status === 'submitted') return 'submitted';
  return merchant.recommendedAt ? 'awaiting_approval' : 'in_review';
}

/**
 * Applications waiting for a person, oldest first: submitted ones to take, ones in review,
 * and recommended ones waiting for a second person to approve (maker-checker).
 */
export function ReviewQueuePage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const navigate = useNavigate();
  const [stage, setStage] = useState<Stage>('all');
  const [orgNodeId, setOrgNodeId] = useState<string>();
  const status =
    stage === 'submitted'
      ? 'submitted'
      : stage === 'in_review' || stage === 'awaiting_approval'
        ? 'in_review'
        : 'submitted,in_review';
  const list = useMerchantList({ status, orgNodeId }, 100);
  const loaded = list.data?.pages.reduce((sum, page) => sum + page.data.length, 0) ?? 0;

  // The API lists newest first; a queue is served oldest first, so the whole queue (a few
  // hundred at most) is loaded and sorted here.
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && loaded < queueLimit) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage, loaded]);

  const rows = useMemo(() => {
    const all = list.data?.pages.flatMap((page) => page.data) ?? [];
    const shown = all.filter((merchant) => {
      if (stage === 'mine') return merchant.reviewerUserId === me.user.id;
      if (stage === 'in_review' || stage === 'awaiting_approval')
        return stageOf(merchant) === stage;
      return true;
    });
    // First come, first served: the longest wait on top.
    return shown.sort((a, b) =>
      (a.submittedAt ?? a.createdAt).localeCompare(b.submittedAt ?? b.createdAt),
    );
  }, [list.data, stage, me.user.id]);

  const shared = useMerchantColumns('queue-link');

  const waitingLabel = (since: string): string => {
    const hours = dayjs().diff(dayjs(since), 'hour');
    if (hours < 1) return t('merchants.queue.lessThanHour');
    if (hours < 48) return t('merchants.queue.hours', { count: hours });
    return t('merchants.queue.days', { count: Math.floor(hours / 24) });
  };

  const columns: ColumnsType<Merchant> = [
    shared.name,
    shared.kind,
    {
      title: t('merchants.queue.stage'),
      key: 'stage',
      width: 110,
      render: (_value, merchant) =>
        stageOf(merchant) === 'awaiting_approval' ? (
          <Tag color="purple" data-testid="queue-awaiting-approval">
            {t('merchants.queue.awaitingApproval')}
          </Tag>
        ) : (
          <StatusTag status={merchant.status} />
        ),
    },
    {
      title: t('merchants.queue.flags'),
      dataIndex: 'reviewFlags',
      width: 160,
      render: (flags: string[]) =>
        flags.length
          ? flags.map((flag) => (
              <Tooltip key={flag} title={flagLabel(flag)}>
                <Tag color="warning">{flagShortLabel(flag)}</Tag>
              </Tooltip>
            ))
          : '—',
    },
    {
      title: t('merchants.field.reviewer'),
      dataIndex: 'reviewerUserId',
      width: 120,
      render: (userId: string | null) =>
        !userId ? (
          <Typography.Text type="secondary">{t('merchants.queue.unassigned')}</Typography.Text>
        ) : userId === me.user.id ? (
          <Tag color="blue">{t('merchants.queue.me')}</Tag>
        ) : (
          <Tooltip title={userId}>
            <span>{t('merchants.queue.otherReviewer')}</span>
          </Tooltip>
        ),
    },
    shared.orgNode,
    shared.region(170),
    {
      title: t('merchants.field.submittedAt'),
      dataIndex: 'submittedAt',
      width: 170,
      render: (value: string | null) => formatTime(value),
    },
    {
      title: t('merchants.queue.waiting'),
      key: 'waiting',
      width: 100,
      render: (_value, merchant) =>
        merchant.submittedAt ? waitingLabel(merchant.submittedAt) : '—',
    },
  ];

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 16 }}>
        {t('merchants.queue.title')}
      </Typography.Title>
      <Card>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <Segmented<Stage>
            value={stage}
            onChange={setStage}
            data-testid="queue-stage"
            options={[
              { value: 'all', label: t('merchants.queue.all') },
              { value: 'submitted', label: t('merchants.queue.toTake') },
              { value: 'in_review', label: t('merchants.queue.inReview') },
              { value: 'awaiting_approval', label: t('merchants.queue.awaitingApproval') },
              { value: 'mine', label: t('merchants.queue.mine') },
            ]}
          />
          <OrgNodeTreeSelect
            allowClear
            value={orgNodeId}
            onChange={setOrgNodeId}
            placeholder={t('merchants.list.filterBranch')}
            style={{ width: 220 }}
          />
        </Flex>
        <PagedTable<Merchant>
          list={list}
          rows={rows}
          rowKey="id"
          size="middle"
          columns={columns}
          data-testid="review-queue-table"
          scroll={{ x: 1200 }}
          onRow={(merchant) => ({
            style: { cursor: 'pointer' },
            onClick: (event) => {
              if ((event.target as HTMLElement).closest('a')) return;
              void navigate(`/console/merchants/${merchant.id}`);
            },
          })}
        />
      </Card>
    </>
  );
}
