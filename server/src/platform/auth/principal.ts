import type { Permission } from './permissions.js';

/** Who is calling, as established by the session, for one request. */
export type Principal = {
  userId: string;
  username: string;
  realm: 'staff' | 'merchant' | 'developer';
  roles: string[];
  permissions: Set<Permission>;
  homeOrgNodeId: string | null;
  /** The node whose subtree this request sees: the home node or one the user switched to. */
  scopeOrgNodeId: string | null;
  /** Materialised path of the scope node; a row is visible when its path starts with it. */
  scopePath: string | null;
  /** Merchant realm: the caller's merchant, and the store a cashier is tied to. */
  merchantId: string | null;
  storeId: string | null;
  sessionId: string;
  csrfToken: string;
  mfaRequired: boolean;
  mfaPassed: boolean;
  mustChangePassword: boolean;
  /**
   * Set only when a merchant's own system called with a secret API key (`Authorization: Bearer
   * sk_…`) instead of a person's session: userId is then the key's id, and no CSRF token applies.
   */
  apiKeyId?: string | null;
};

/** What an audit record says about the actor of a change. */
export type Actor = {
  userId: string | null;
  username: string | null;
  roles: string[];
  orgNodeId: string | null;
  ip: string | null;
  requestId: string | null;
};

export function actorOf(principal: Principal | null, request: { ip: string; id: string }): Actor {
  return {
    userId: principal?.userId ?? null,
    username: principal?.username ?? null,
    roles: principal?.roles ?? [],
    orgNodeId: principal?.homeOrgNodeId ?? null,
    ip: request.ip,
    requestId: request.id,
  };
}
