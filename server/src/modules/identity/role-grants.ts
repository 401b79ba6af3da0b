import { permissionsOf } from '../../platform/auth/permissions.js';
import type { Principal } from '../../platform/auth/principal.js';
import { AppError } from '../../platform/errors/app-error.js';

/**
 * A user may only hand out roles whose permissions they hold themselves, so a branch manager
 * can make operators but not administrators or auditors: no one can grant more than they have.
 */
export function assertMayGrant(principal: Principal, roles: readonly string[]): void {
  if (!holdsAll(principal, roles)) throw new AppError('permission_denied', { param: 'roles' });
}

/**
 * The same limit for acting on another account: resetting an auditor's password and MFA would
 * hand a branch manager the auditor's login, and with it permissions they were never given.
 */
export function assertMayManage(principal: Principal, targetRoles: readonly string[]): void {
  if (!holdsAll(principal, targetRoles)) throw new AppError('permission_denied');
}

function holdsAll(principal: Principal, roles: readonly string[]): boolean {
  return [...permissionsOf(roles)].every((permission) => principal.permissions.has(permission));
}
