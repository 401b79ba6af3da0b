import { EditOutlined, NodeIndexOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Descriptions, Flex, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrgNode } from '../../app/api/types';
import { orgKindLabel } from '../../app/i18n/labels';
import { formatTime } from '../shared/format-time';

export type OrgNodeAction = 'add' | 'rename' | 'move';

export function OrgNodeDetail({
  node,
  parent,
  canWrite,
  onAction,
}: {
  node: OrgNode;
  parent: OrgNode | undefined;
  canWrite: boolean;
  onAction: (action: OrgNodeAction) => void;
}) {
  const { t } = useTranslation();
  const isSubBranch = node.kind === 'sub_branch';
  const isRoot = node.parentId === null;

  return (
    <Flex vertical gap={16}>
      <Descriptions
        column={1}
        bordered
        size="middle"
        data-testid="org-node-detail"
        items={[
          { key: 'name', label: t('org.name'), children: node.name },
          { key: 'code', label: t('org.code'), children: node.code },
          { key: 'kind', label: t('org.kind'), children: <Tag>{orgKindLabel(node.kind)}</Tag> },
          { key: 'parent', label: t('org.parent'), children: parent?.name ?? '—' },
          {
            key: 'region',
            label: t('org.region'),
            children: node.regionName
              ? `${node.regionName}（${node.regionCode}）`
              : (node.regionCode ?? '—'),
          },
          { key: 'staff', label: t('org.staffCount'), children: node.staffCount },
          { key: 'created', label: t('org.createdAt'), children: formatTime(node.createdAt) },
        ]}
      />
      {canWrite && (
        <Flex gap={8} wrap>
          <Tooltip title={isSubBranch ? t('org.noChildForSubBranch') : undefined}>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              disabled={isSubBranch}
              onClick={() => onAction('add')}
              data-testid="org-add-child"
            >
              {t('org.addChild')}
            </Button>
          </Tooltip>
          <Button
            icon={<EditOutlined />}
            onClick={() => onAction('rename')}
            data-testid="org-rename"
          >
            {t('org.rename')}
          </Button>
          <Tooltip title={isRoot ? t('org.rootCannotMove') : undefined}>
            <Button
              icon={<NodeIndexOutlined />}
              disabled={isRoot}
              onClick={() => onAction('move')}
              data-testid="org-move"
            >
              {t('org.move')}
            </Button>
          </Tooltip>
        </Flex>
      )}
    </Flex>
  );
}
