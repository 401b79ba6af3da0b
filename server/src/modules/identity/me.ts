import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Config } from '../../config.js';
import type { Actor, Principal } from '../../platform/auth/principal.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { recordAudit } from '../audit/index.js';
import { findNode, isWithin, type OrgNodeRow } from '../orgs/index.js';
import type { meSchema } from './schemas.js';
import { sessions, users } from './tables.js';

const nodeRef = (node: OrgNodeRow | undefined) =>
  node ? { id: node.id, code: node.code, name: node.name, kind: node.kind } : null;

export async function describeMe(
  db: Db,
  principal: Principal,
  config: Config,
): Promise<z.infer<typeof meSchema>> {
  const [user] = await db.select().from(users).where(eq(users.id, principal.userId));
  if (!user) throw new AppError('authentication_required');
  const home = user.orgNodeId ? await findNode(db, user.orgNodeId) : undefined;
  const current = principal.scopeOrgNodeId
    ? await findNode(db, principal.scopeOrgNodeId)
    : undefined;
  return {
    user: {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      realm: user.realm,
      roles: principal.roles,
      permissions: [...principal.permissions].sort(),
      orgNode: nodeRef(home),
      mfaEnabled: user.mfaEnabledAt !== null,
      mustChangePassword: user.mustChangePassword,
    },
    session: {
      csrfToken: principal.csrfToken,
      mfaPassed: principal.mfaPassed,
      mfaRequired: principal.mfaRequired,
      currentOrgNode: nodeRef(current),
    },
    settings: { mfaEnforced: config.mfaEnforced },
  };
}

/**
 * Narrows what the session shows to one node of the user's home subtree (the org switcher).
 * Only the home subtree counts, so switching can never widen the scope.
 */
export async function switchOrgNode(
  db: Db,
  clock: Clock,
  caller: { principal: Principal; actor: Actor },
  orgNodeId: string,
): Promise<void> {
  const home = caller.principal.homeOrgNodeId
    ? await findNode(db, caller.principal.homeOrgNodeId)
    : undefined;
  const target = await findNode(db, orgNodeId);
  if (!home || !target || !isWithin(target.path, home.path))
    throw new AppError('resource_not_found', { param: 'orgNodeId' });
  await db.transaction(async (tx) => {
    await tx
      .update(sessions)
      .set({ currentOrgNodeId: target.id })
      .where(eq(sessions.id, caller.principal.sessionId));
    await recordAudit(tx, clock, caller.actor, {
      action: 'auth.org_node_switched',
      targetType: 'session',
      targetId: caller.principal.sessionId,
      scopePath: target.path,
      before: { orgNodeId: caller.principal.scopeOrgNodeId },
      after: { orgNodeId: target.id },
    });
  });
}
