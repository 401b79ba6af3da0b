import type { OrgNode } from '../../app/api/types';

export interface OrgTreeItem {
  key: string;
  value: string;
  title: string;
  node: OrgNode;
  children: OrgTreeItem[];
}

/**
 * The API returns the caller's scope flat, ordered by path. A node whose parent is outside
 * the scope (a branch manager's own branch) becomes a root, which is exactly what they may see.
 */
export function buildOrgTree(nodes: readonly OrgNode[]): OrgTreeItem[] {
  const items = new Map<string, OrgTreeItem>();
  for (const node of nodes) {
    items.set(node.id, {
      key: node.id,
      value: node.id,
      title: `${node.name}（${node.code}）`,
      node,
      children: [],
    });
  }
  const roots: OrgTreeItem[] = [];
  for (const node of nodes) {
    const item = items.get(node.id);
    if (!item) continue;
    const parent = node.parentId ? items.get(node.parentId) : undefined;
    if (parent) parent.children.push(item);
    else roots.push(item);
  }
  return roots;
}

/** The ids of a node and everything below it: a node cannot move under its own subtree. */
export function subtreeIds(nodes: readonly OrgNode[], rootId: string): Set<string> {
  const childrenOf = new Map<string, string[]>();
  for (const node of nodes) {
    if (!node.parentId) continue;
    const siblings = childrenOf.get(node.parentId) ?? [];
    siblings.push(node.id);
    childrenOf.set(node.parentId, siblings);
  }
  const ids = new Set<string>();
  const pending = [rootId];
  while (pending.length) {
    const id = pending.pop() as string;
    if (ids.has(id)) continue;
    ids.add(id);
    pending.push(...(childrenOf.get(id) ?? []));
  }
  return ids;
}

/** Marks the items in `disabledIds` so a TreeSelect shows but refuses them. */
export function disableItems<T extends { value: string; children: T[] }>(
  items: readonly T[],
  disabledIds: ReadonlySet<string>,
): (T & { disabled: boolean })[] {
  return items.map((item) => ({
    ...item,
    disabled: disabledIds.has(item.value),
    children: disableItems(item.children, disabledIds),
  }));
}
