/** Which user population a screen serves: bank staff (console) or merchant users (portal). */
export type Realm = 'staff' | 'merchant';

export const realmHome: Record<Realm, string> = { staff: '/console', merchant: '/merchant' };
export const realmLogin: Record<Realm, string> = { staff: '/login', merchant: '/merchant/login' };

/** The merchant portal lives under /merchant; everything else that needs a session is staff. */
export function realmOfPath(pathname: string): Realm {
  return pathname === '/merchant' || pathname.startsWith('/merchant/') ? 'merchant' : 'staff';
}
