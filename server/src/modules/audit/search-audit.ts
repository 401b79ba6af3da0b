import { and, desc, eq, gte, inArray, isNull, like, lt, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Principal } from '../../platform/auth/principal.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { toPage } from '../../platform/pagination.js';
import type { AuditRow } from './record-audit.js';
import type { auditEventSchema, auditSearchQuerySchema } from './schemas.js';
import { auditEvents } from './tables.js';

type AuditEventView = z.infer<typeof auditEventSchema>;

/** Audit events the caller may see: those of their scope's subtree, newest first. */
export async function searchAudit(
  db: Db,
  principal: Principal,
  query: z.infer<typeof auditSearchQuerySchema>,
) {
  const filters: SQL[] = [scopeFilter(principal)];
  if (query.actor) filters.push(eq(auditEvents.actorUsername, query.actor));
  if (query.action) filters.push(like(auditEvents.action, `${escapeLike(query.action)}%`));
  if (query.targetType) filters.push(eq(auditEvents.targetType, query.targetType));
  if (query.targetId) filters.push(eq(auditEvents.targetId, query.targetId));
  if (query.from) filters.push(gte(auditEvents.occurredAt, new Date(query.from)));
  if (query.to) filters.push(lt(auditEvents.occurredAt, new Date(query.to)));
  return pageOfEvents(db, filters, query);
}

export async function getAuditEvent(
  db: Db,
  principal: Principal,
  id: string,
): Promise<AuditEventView> {
  const [row] = await db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.id, id), scopeFilter(principal)));
  if (!row) throw new AppError('resource_not_found');
  return toAuditView(row);
}

function scopeFilter(principal: Principal): SQL {
  const scopePath = principal.scopePath ?? '/nowhere/';
  const inSubtree = like(auditEvents.scopePath, `${escapeLike(scopePath)}%`);
  // Events about no node (a login attempt for an unknown name) belong to the head office.
  const isRootScope = scopePath.split('/').filter(Boolean).length === 1;
  return isRootScope ? (or(inSubtree, isNull(auditEvents.scopePath)) as SQL) : inSubtree;
}

export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}

export function toAuditView(row: AuditRow): AuditEventView {
  return {
    id: row.id,
    seq: row.seq,
    occurredAt: row.occurredAt.toISOString(),
    actor:
      row.actorId || row.actorUsername
        ? {
            id: row.actorId,
            username: row.actorUsername,
            roles: row.actorRoles,
            orgNodeId: row.actorOrgNodeId,
          }
        : null,
    ip: row.ip,
    requestId: row.requestId,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    changes: row.changes,
  };
}

/**
 * Every audit event about some records (a merchant and its stores and users), newest first. The
 * caller has already checked that they are visible; events recorded while they belonged to
 * another branch are part of their story. Ids are prefixed by kind, so they name one record each.
 */
export async function auditTrailOf(
  db: Db,
  targetIds: string[],
  query: { limit: number; startingAfter?: string },
) {
  const filters: SQL[] = [inArray(auditEvents.targetId, targetIds)];
  return pageOfEvents(db, filters, query);
}

/** One page of events matching `filters`, newest first, after the `startingAfter` event. */
async function pageOfEvents(
  db: Db,
  filters: SQL[],
  query: { limit: number; startingAfter?: string },
) {
  if (query.startingAfter) {
    const [cursor] = await db
      .select({ seq: auditEvents.seq })
      .from(auditEvents)
      .where(eq(auditEvents.id, query.startingAfter));
    if (!cursor) throw new AppError('validation_failed', { param: 'startingAfter' });
    filters.push(lt(auditEvents.seq, cursor.seq));
  }
  const rows = await db
    .select()
    .from(auditEvents)
    .where(and(...filters))
    .orderBy(desc(auditEvents.seq))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit);
  return { data: page.data.map(toAuditView), hasMore: page.hasMore };
}
