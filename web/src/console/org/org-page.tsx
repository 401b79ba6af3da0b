import { Card, Col, Empty, Row, Skeleton, Tag, Tree, Typography } from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgNode, OrgNodeKind } from '../../app/api/types';
import { hasPermission } from '../../app/auth/permissions';
import { useCurrentMe } from '../../app/auth/use-current-me';
import { QueryError } from '../../app/shell/query-error';
import { AddOrgNodeModal } from './add-org-node-modal';
import { MoveOrgNodeModal } from './move-org-node-modal';
import { type OrgNodeAction, OrgNodeDetail } from './org-node-detail';
import { buildOrgTree, type OrgTreeItem } from './org-tree';
import { RenameOrgNodeModal } from './rename-org-node-modal';
import { useOrgNodes } from './use-org-nodes';

const kindColor: Record<string, string> = {
  head_office: 'gold',
  branch: 'blue',
  sub_branch: 'default',
};

interface TreeRow {
  key: string;
  title: ReactNode;
  children: TreeRow[];
}

function toTreeRows(items: OrgTreeItem[], kindLabel: (kind: OrgNodeKind) => string): TreeRow[] {
  return items.map((item) => ({
    key: item.key,
    title: (
      <span data-testid={`org-tree-node-${item.node.code}`}>
        {item.node.name}{' '}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {item.node.code}
        </Typography.Text>{' '}
        <Tag color={kindColor[item.node.kind]} style={{ marginInlineStart: 4 }}>
          {kindLabel(item.node.kind)}
        </Tag>
      </span>
    ),
    children: toTreeRows(item.children, kindLabel),
  }));
}

export function OrgPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const nodes = useOrgNodes();
  const [selectedId, setSelectedId] = useState<string>();
  const [action, setAction] = useState<OrgNodeAction>();
  // Tracking what was collapsed, not what is expanded, keeps new units visible after a change.
  const [collapsedIds, setCollapsedIds] = useState<ReadonlySet<string>>(new Set());

  const byId = useMemo(
    () => new Map((nodes.data ?? []).map((node) => [node.id, node])),
    [nodes.data],
  );
  // The labels carry translated kind names, so the rows are rebuilt when `t` (the language) changes.
  const treeRows = useMemo(
    () => toTreeRows(buildOrgTree(nodes.data ?? []), (kind) => t(`orgKind.${kind}`)),
    [nodes.data, t],
  );

  if (nodes.isError) return <QueryError error={nodes.error} onRetry={() => void nodes.refetch()} />;
  if (!nodes.data) return <Skeleton active />;

  const selected: OrgNode | undefined =
    (selectedId ? byId.get(selectedId) : undefined) ??
    (me.session.currentOrgNode ? byId.get(me.session.currentOrgNode.id) : undefined) ??
    nodes.data[0];
  const canWrite = hasPermission(me, 'org:write');

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('org.title')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card title={t('org.tree')}>
            {treeRows.length ? (
              <Tree
                data-testid="org-tree"
                treeData={treeRows}
                expandedKeys={nodes.data
                  .map((node) => node.id)
                  .filter((id) => !collapsedIds.has(id))}
                onExpand={(_keys, { expanded, node }) => {
                  const next = new Set(collapsedIds);
                  if (expanded) next.delete(String(node.key));
                  else next.add(String(node.key));
                  setCollapsedIds(next);
                }}
                showLine
                blockNode
                selectedKeys={selected ? [selected.id] : []}
                onSelect={(keys) => {
                  const key = keys[0];
                  if (key !== undefined) setSelectedId(String(key));
                }}
              />
            ) : (
              <Empty />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title={t('org.detail')}>
            {selected ? (
              <OrgNodeDetail
                node={selected}
                parent={selected.parentId ? byId.get(selected.parentId) : undefined}
                canWrite={canWrite}
                onAction={setAction}
              />
            ) : (
              <Typography.Text type="secondary">{t('org.selectHint')}</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
      {selected && action === 'add' && (
        <AddOrgNodeModal
          parent={selected}
          onClose={() => setAction(undefined)}
          onCreated={(node) => {
            setAction(undefined);
            setSelectedId(node.id);
          }}
        />
      )}
      {selected && action === 'rename' && (
        <RenameOrgNodeModal node={selected} onClose={() => setAction(undefined)} />
      )}
      {selected && action === 'move' && (
        <MoveOrgNodeModal node={selected} nodes={nodes.data} onClose={() => setAction(undefined)} />
      )}
    </>
  );
}
