/**
 * Named permissions and the staff roles that bundle them. Routes declare one permission each;
 * roles are the only way users get permissions.
 */
export const permissions = {
  'dashboard:read': 'See the console home figures',
  'org:read': 'See the organisation tree of one’s scope',
  'org:write': 'Add, rename and move organisation nodes',
  'staff:read': 'See staff users',
  'staff:write': 'Create staff, assign roles and nodes, lock, unlock, reset passwords and MFA',
  'audit:read': 'Search the audit log and verify its hash chain',
  'merchant:approve': 'Approve merchant applications (maker-checker checker)',
} as const;

export type Permission = keyof typeof permissions;

export const staffRoles = [
  'admin',
  'branch_manager',
  'operator',
  'risk',
  'marketing',
  'auditor',
] as const;
export type StaffRole = (typeof staffRoles)[number];

const allPermissions = Object.keys(permissions) as Permission[];

export const rolePermissions: Record<StaffRole, readonly Permission[]> = {
  admin: allPermissions,
  branch_manager: [
    'dashboard:read',
    'org:read',
    'org:write',
    'staff:read',
    'staff:write',
    'merchant:approve',
  ],
  operator: ['dashboard:read', 'org:read'],
  risk: ['dashboard:read', 'org:read', 'merchant:approve'],
  marketing: ['dashboard:read', 'org:read'],
  auditor: ['dashboard:read', 'org:read', 'staff:read', 'audit:read'],
};

export function isStaffRole(value: string): value is StaffRole {
  return (staffRoles as readonly string[]).includes(value);
}

export function permissionsOf(roles: readonly string[]): Set<Permission> {
  const result = new Set<Permission>();
  for (const role of roles) {
    if (isStaffRole(role)) for (const permission of rolePermissions[role]) result.add(permission);
  }
  return result;
}

/** MFA is required for admins and for anyone who may approve (the checker of maker-checker). */
export function needsMfa(roles: readonly string[]): boolean {
  if (roles.includes('admin')) return true;
  return [...permissionsOf(roles)].some((permission) => permission.endsWith(':approve'));
}
