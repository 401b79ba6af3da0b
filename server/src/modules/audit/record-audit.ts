import { desc, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/principal.js';
import { canonicalJson } from '../../platform/canonical-json.js';
import type { Clock } from '../../platform/clock.js';
import { sha256Hex } from '../../platform/crypto/tokens.js';
import type { Db } from '../../platform/db/database.js';
import { newId } from '../../platform/ids.js';
import { maskField } from '../../platform/masking.js';
import { auditEvents } from './tables.js';

export type AuditChanges = Record<string, { before: unknown; after: unknown }>;

export type AuditEntry = {
  action: string;
  targetType: string;
  targetId: string | null;
  /** Path of the org node the target belongs to, so branch staff can search their own. */
  scopePath: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
};

/** The first link points at this; a chain is verified from it. */
export const genesisHash = '0'.repeat(64);

// Appends take this transaction lock so the chain has one order; it is held only until the
// business transaction commits, which for audited staff actions is milliseconds.
const chainLockKey = 7_305_118_002;

/** Only the fields whose value changed, with personal data masked on both sides. */
export function diffChanges(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
): AuditChanges {
  const changes: AuditChanges = {};
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const field of fields) {
    const was = before?.[field] ?? null;
    const now = after?.[field] ?? null;
    if (canonicalJson(was) !== canonicalJson(now)) {
      changes[field] = { before: maskField(field, was), after: maskField(field, now) };
    }
  }
  return changes;
}

export type AuditRow = typeof auditEvents.$inferSelect;

/** The content a link's hash covers: everything but the sequence number and the hash itself. */
export function linkHash(row: Omit<AuditRow, 'seq' | 'hash'>): string {
  return sha256Hex(
    canonicalJson({
      prevHash: row.prevHash,
      id: row.id,
      occurredAt: row.occurredAt,
      actorId: row.actorId,
      actorUsername: row.actorUsername,
      actorRoles: row.actorRoles,
      actorOrgNodeId: row.actorOrgNodeId,
      scopePath: row.scopePath,
      ip: row.ip,
      requestId: row.requestId,
      action: row.action,
      targetType: row.targetType,
      targetId: row.targetId,
      changes: row.changes,
    }),
  );
}

/** Appends one audit record in the caller's transaction: it commits with the change it records. */
export async function recordAudit(
  tx: Db,
  clock: Clock,
  actor: Actor,
  entry: AuditEntry,
): Promise<string> {
  await tx.execute(sql`select pg_advisory_xact_lock(${chainLockKey})`);
  const [last] = await tx
    .select({ hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  const now = clock.now();
  const row = {
    id: newId('auditEvent', now.getTime()),
    occurredAt: now,
    actorId: actor.userId,
    actorUsername: actor.username,
    actorRoles: actor.roles,
    actorOrgNodeId: actor.orgNodeId,
    scopePath: entry.scopePath,
    ip: actor.ip,
    requestId: actor.requestId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    changes: diffChanges(entry.before, entry.after),
    prevHash: last?.hash ?? genesisHash,
  };
  await tx.insert(auditEvents).values({ ...row, hash: linkHash(row) });
  return row.id;
}
