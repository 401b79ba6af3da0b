import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Flex, TreeSelect, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { buildOrgTree } from '../../console/org/org-tree';
import { useOrgNodes } from '../../console/org/use-org-nodes';
import { api, setCsrfToken } from '../api/client';
import type { Me } from '../api/types';
import { useShowError } from '../api/use-show-error';
import { hasPermission } from '../auth/permissions';
import { useCurrentMe } from '../auth/use-current-me';
import { meQuery } from '../auth/use-me';

/**
 * Staff whose scope spans several units pick which subtree the console shows. Someone with a
 * single unit just sees its name: a switcher with one choice would be noise.
 */
export function OrgSwitcher() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const showError = useShowError();
  const nodes = useOrgNodes(hasPermission(me, 'org:read'), 'home');
  const current = me.session.currentOrgNode;

  const tree = useMemo(() => buildOrgTree(nodes.data ?? []), [nodes.data]);

  const switchNode = useMutation({
    mutationFn: (orgNodeId: string) => api.post<Me>('/me/org-node', { orgNodeId }),
    onSuccess: async (next) => {
      setCsrfToken(next.session.csrfToken);
      queryClient.setQueryData(meQuery.queryKey, next);
      // Every list and count depends on the chosen subtree.
      await queryClient.invalidateQueries();
      void message.success(t('shell.nodeSwitched', { name: next.session.currentOrgNode?.name }));
    },
    onError: (error) => showError(error),
  });

  if (!current) return null;
  const canSwitch = tree.length > 1 || (tree[0]?.children.length ?? 0) > 0;

  return (
    <Flex align="center" gap={8}>
      <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
        {t('shell.currentNode')}
      </Typography.Text>
      {canSwitch ? (
        <TreeSelect
          data-testid="org-switcher"
          style={{ minWidth: 220 }}
          value={current.id}
          treeData={tree}
          treeDefaultExpandAll
          showSearch={{ treeNodeFilterProp: 'title' }}
          popupMatchSelectWidth={false}
          loading={switchNode.isPending}
          aria-label={t('shell.switchNode')}
          onChange={(orgNodeId: string) => {
            if (orgNodeId !== current.id) switchNode.mutate(orgNodeId);
          }}
        />
      ) : (
        <Typography.Text strong data-testid="current-org-node">
          {current.name}
        </Typography.Text>
      )}
    </Flex>
  );
}
