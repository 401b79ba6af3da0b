// Wire shapes of the parts of the API the console uses, as documented in docs/api.md.

export type OrgNodeKind = 'head_office' | 'branch' | 'sub_branch';

export interface OrgNodeRef {
  id: string;
  code: string;
  name: string;
  kind?: OrgNodeKind;
}

export interface Me {
  user: {
    id: string;
    username: string;
    displayName: string;
    /** Staff use the console, merchant users the merchant portal; each sends the other away. */
    realm: 'staff' | 'merchant';
    roles: string[];
    permissions: string[];
    /** Null only for an account whose unit was removed; the console then shows no scope. */
    orgNode: OrgNodeRef | null;
    mfaEnabled: boolean;
    mustChangePassword: boolean;
  };
  session: {
    csrfToken: string;
    mfaPassed: boolean;
    mfaRequired: boolean;
    currentOrgNode: OrgNodeRef | null;
  };
  settings: { mfaEnforced: boolean };
}

export type LoginNext = 'done' | 'mfa_verify' | 'mfa_enroll' | 'change_password';

export interface LoginReply {
  next: LoginNext;
  csrfToken: string;
}

export interface MfaVerifyReply {
  next: 'done' | 'change_password';
}

export interface MfaEnrollment {
  secret: string;
  otpauthUrl: string;
  qrCodeDataUrl: string;
}

export interface OrgNode {
  id: string;
  parentId: string | null;
  code: string;
  name: string;
  kind: OrgNodeKind;
  regionCode: string;
  regionName: string;
  depth: number;
  staffCount: number;
  createdAt: string;
}

export interface Region {
  code: string;
  name: string;
  level: 'province' | 'city' | 'county';
  hasChildren: boolean;
}

export type StaffStatus = 'active' | 'locked';

export interface Staff {
  id: string;
  username: string;
  displayName: string;
  orgNode: OrgNodeRef | null;
  roles: string[];
  status: StaffStatus;
  mfaEnabled: boolean;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}

export interface RoleDefinition {
  role: string;
  permissions: string[];
}

export interface AuditEvent {
  id: string;
  seq: number;
  occurredAt: string;
  /** A failed login for an unknown name has an actor without id or username. */
  actor: {
    id: string | null;
    username: string | null;
    roles: string[];
    orgNodeId: string | null;
  } | null;
  ip: string | null;
  requestId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  changes: Record<string, { before: unknown; after: unknown }>;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  firstBrokenId?: string;
}

export interface ConsoleSummary {
  orgNodeCount: number;
  branchCount: number;
  subBranchCount: number;
  staffCount: number;
  staffByRole: Record<string, number>;
  recentAuditEvents: AuditEvent[];
}

export interface ListReply<T> {
  data: T[];
  hasMore: boolean;
}
