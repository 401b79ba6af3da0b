import type { Me } from '../app/api/types';

/** What merchant users may do in the portal (server: merchantRolePermissions). */
export type PortalPermission =
  | 'portal:read'
  | 'portal:stores'
  | 'portal:staff'
  | 'portal:account'
  | 'portal:payments'
  | 'portal:refund'
  | 'portal:api_keys'
  | 'portal:settlements'
  | 'portal:farmers';

export function hasPortalPermission(me: Me | undefined, permission: PortalPermission): boolean {
  return me?.user.permissions.includes(permission) ?? false;
}
