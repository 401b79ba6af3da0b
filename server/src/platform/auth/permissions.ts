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
  'merchant:read': 'See merchants, applications, stores, documents and history of one’s scope',
  'merchant:write': 'File and edit applications, manage stores, move a merchant to a branch',
  'merchant:review': 'Review applications: take one, send it back, reject or recommend approval',
  'merchant:approve': 'Approve merchant applications (maker-checker checker)',
  'merchant:suspend': 'Suspend, reinstate and close merchants',
  'merchant:export': 'Export merchant lists to Excel',
  'market:write': 'Open markets for market operators and set their commission',
  'pii:reveal': 'Reveal one masked personal field, with a stated reason',
  'payment:read': 'See payments, refunds and their journals of one’s scope',
  'payment:refund': 'Refund a payment of one’s scope',
  'ledger:read': 'See the trial balance, account statements and journals',
  'fee_plan:write': 'Change the rates of the fee plans',
  'settlement:read': 'See settlement runs, their lines, payouts and the payout files',
  'settlement:run': 'Start a settlement run, retry a held payout, fund a purchaser’s balance',
  'recon:read': 'See channel statements, reconciliation runs and their breaks',
  'recon:write': 'Import channel statements and resolve breaks (maker)',
  'recon:approve': 'Approve the adjusting journal of a resolved break (checker)',
  'farmer:read': 'See farmers and field purchase volume of one’s scope',
  // The merchant realm: what merchant users may do in the merchant portal, always within
  // their own merchant.
  'portal:read': 'See one’s own merchant, stores, markets and notifications',
  'portal:stores': 'Add and edit the merchant’s stores',
  'portal:staff': 'Add, edit and disable the merchant’s users',
  'portal:account': 'Change the merchant’s settlement account and run its markets',
  'portal:payments': 'See the merchant’s payments, totals and store codes',
  'portal:collect': 'Take payments at the till: order codes, payment codes, cards',
  'portal:refund': 'Refund the merchant’s payments',
  'portal:api_keys': 'Create and revoke the merchant’s secret API keys',
  'portal:settlements': 'See the merchant’s settlements, payouts, statements and commission income',
  'portal:farmers': 'Register farmers and pay them for field purchases from the purchaser’s funds',
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

export const merchantRoles = ['merchant_owner', 'merchant_manager', 'merchant_cashier'] as const;
export type MerchantRole = (typeof merchantRoles)[number];

const allPermissions = Object.keys(permissions) as Permission[];
const staffPermissions = allPermissions.filter((permission) => !permission.startsWith('portal:'));

export const rolePermissions: Record<StaffRole, readonly Permission[]> = {
  admin: staffPermissions,
  branch_manager: [
    'dashboard:read',
    'org:read',
    'org:write',
    'staff:read',
    'staff:write',
    'merchant:read',
    'merchant:write',
    'merchant:review',
    'merchant:approve',
    'merchant:suspend',
    'merchant:export',
    'market:write',
    'payment:read',
    'payment:refund',
    'ledger:read',
    'settlement:read',
    'settlement:run',
    'recon:read',
    'recon:write',
    'recon:approve',
    'farmer:read',
  ],
  operator: [
    'dashboard:read',
    'org:read',
    'merchant:read',
    'merchant:write',
    'merchant:review',
    'payment:read',
    'settlement:read',
    'settlement:run',
    'recon:read',
    'recon:write',
    'farmer:read',
  ],
  risk: [
    'dashboard:read',
    'org:read',
    'merchant:read',
    'merchant:review',
    'merchant:approve',
    'merchant:suspend',
    'pii:reveal',
    'payment:read',
    'ledger:read',
    'settlement:read',
    'recon:read',
    'recon:approve',
    'farmer:read',
  ],
  marketing: ['dashboard:read', 'org:read', 'merchant:read'],
  auditor: [
    'dashboard:read',
    'org:read',
    'staff:read',
    'audit:read',
    'merchant:read',
    'merchant:export',
    'payment:read',
    'ledger:read',
    'settlement:read',
    'recon:read',
    'farmer:read',
  ],
};

export const merchantRolePermissions: Record<MerchantRole, readonly Permission[]> = {
  merchant_owner: [
    'portal:read',
    'portal:stores',
    'portal:staff',
    'portal:account',
    'portal:payments',
    'portal:collect',
    'portal:refund',
    'portal:api_keys',
    'portal:settlements',
    'portal:farmers',
  ],
  merchant_manager: [
    'portal:read',
    'portal:stores',
    'portal:payments',
    'portal:collect',
    'portal:refund',
    'portal:settlements',
    'portal:farmers',
  ],
  merchant_cashier: ['portal:read', 'portal:payments', 'portal:collect'],
};

export function isStaffRole(value: string): value is StaffRole {
  return (staffRoles as readonly string[]).includes(value);
}

export function isMerchantRole(value: string): value is MerchantRole {
  return (merchantRoles as readonly string[]).includes(value);
}

export function permissionsOf(roles: readonly string[]): Set<Permission> {
  const result = new Set<Permission>();
  for (const role of roles) {
    const granted = isStaffRole(role)
      ? rolePermissions[role]
      : isMerchantRole(role)
        ? merchantRolePermissions[role]
        : [];
    for (const permission of granted) result.add(permission);
  }
  return result;
}

/** MFA is required for admins and for anyone who may approve (the checker of maker-checker). */
export function needsMfa(roles: readonly string[]): boolean {
  if (roles.includes('admin')) return true;
  return [...permissionsOf(roles)].some((permission) => permission.endsWith(':approve'));
}
