import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/**
 * The bank's organisation tree. `path` is the materialised chain of ids from the root
 * ("/org_a/org_b/"), so a subtree is one prefix match and scoping a query costs one index scan.
 */
export const orgNodes = pgTable(
  'org_nodes',
  {
    id: text('id').primaryKey(),
    parentId: text('parent_id').references((): AnyPgColumn => orgNodes.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['head_office', 'branch', 'sub_branch'] }).notNull(),
    regionCode: text('region_code').notNull(),
    path: text('path').notNull(),
    depth: integer('depth').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('org_nodes_code_uq').on(t.code),
    index('org_nodes_path_idx').on(sql`${t.path} text_pattern_ops`),
    uniqueIndex('org_nodes_single_root_uq').on(t.kind).where(sql`kind = 'head_office'`),
  ],
);
