import { bigserial, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The append-only audit trail. Each row's hash covers its content and the previous row's hash,
 * so editing or deleting any row breaks the chain from there on. A trigger (migration 0001)
 * refuses UPDATE and DELETE.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    id: text('id').notNull().unique(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    actorId: text('actor_id'),
    actorUsername: text('actor_username'),
    actorRoles: jsonb('actor_roles').$type<string[]>().notNull(),
    actorOrgNodeId: text('actor_org_node_id'),
    /** The org node the action's target belongs to, for branch-scoped searches. */
    scopePath: text('scope_path'),
    ip: text('ip'),
    requestId: text('request_id'),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id'),
    changes: jsonb('changes')
      .$type<Record<string, { before: unknown; after: unknown }>>()
      .notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_events_actor_idx').on(t.actorUsername, t.seq),
    index('audit_events_target_idx').on(t.targetType, t.targetId),
    index('audit_events_action_idx').on(t.action, t.seq),
    index('audit_events_time_idx').on(t.occurredAt),
  ],
);
