import { Menu, type MenuProps } from 'antd';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';

/** An entry of a frame's side menu: a section of the app below the frame's base path. */
export interface MenuEntry {
  /** The section: the first path segment after the base; the home page has `homeKey`. */
  key: string;
  path: string;
  icon: ReactNode;
  label: ReactNode;
}

/**
 * A frame's side menu (entries the user may see, chosen by the caller). The first path
 * segment after `base` picks the highlighted entry, so detail URLs keep it. Entries are
 * tested by `${testIdPrefix}-${key}`.
 */
export function SectionMenu({
  base,
  homeKey,
  entries,
  testIdPrefix,
  onNavigate,
  ...menu
}: {
  base: string;
  homeKey: string;
  entries: MenuEntry[];
  testIdPrefix: string;
  onNavigate?: () => void;
} & Pick<MenuProps, 'theme' | 'style'>) {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const section = pathname.replace(new RegExp(`^${base}/?`), '').split('/')[0];

  return (
    <Menu
      {...menu}
      mode="inline"
      selectedKeys={[section || homeKey]}
      items={entries.map((entry) => ({
        key: entry.key,
        icon: entry.icon,
        label: <span data-testid={`${testIdPrefix}-${entry.key}`}>{entry.label}</span>,
      }))}
      onClick={({ key }) => {
        const entry = entries.find((candidate) => candidate.key === key);
        if (entry) void navigate(entry.path);
        onNavigate?.();
      }}
    />
  );
}
