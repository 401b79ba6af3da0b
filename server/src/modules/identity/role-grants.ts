import { permissionsOf } from '../../platform/auth/permissions.js';
import type { Principal } from '../../platform/auth/principal.js';
import { AppError } from '../../platform/errors/app-error.js';

/**
 * A user may only hand out roles whose permissions they hold themselves, so a branch manager
 * can make operators but not administrators or auditors: no one can grant more than they have.
 */
export function assertMayGrant(principal: Principal, roles: readonly string[]): void {
  for (const permission of permissionsOf(roles)) {
    if (!principal.permissions.has(permission))
      throw new AppError('permission_denied', { param: 'roles' });
  }
}
