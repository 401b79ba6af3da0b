/** The actions the console knows how to name; the filter offers them, the server may add more. */
export const knownAuditActions = [
  'org.node.created',
  'org.node.renamed',
  'org.node.moved',
  'org.node.updated',
  'staff.created',
  'staff.updated',
  'staff.locked',
  'staff.unlocked',
  'staff.password_reset',
  'staff.mfa_reset',
  'auth.login_succeeded',
  'auth.password_verified',
  'auth.login_failed',
  'auth.mfa_enrolled',
  'auth.password_changed',
  'auth.account_locked',
  'auth.org_node_switched',
  'system.demo_seeded',
] as const;

export const knownTargetTypes = ['org_node', 'user', 'session', 'system'] as const;
