import type { Me } from '../api/types';

/** Permissions the console's menus and buttons depend on; the server enforces them anyway. */
export type Permission =
  | 'dashboard:read'
  | 'org:read'
  | 'org:write'
  | 'staff:read'
  | 'staff:write'
  | 'audit:read'
  | 'merchant:read'
  | 'merchant:write'
  | 'merchant:review'
  | 'merchant:approve'
  | 'merchant:suspend'
  | 'merchant:export'
  | 'market:write'
  | 'pii:reveal'
  | 'payment:read'
  | 'payment:refund'
  | 'settlement:read'
  | 'settlement:run'
  | 'recon:read'
  | 'recon:write'
  | 'recon:approve'
  | 'farmer:read'
  | 'portal:read'
  | 'portal:stores'
  | 'portal:staff'
  | 'portal:account';

export function hasPermission(me: Me | undefined, permission: Permission): boolean {
  return me?.user.permissions.includes(permission) ?? false;
}
