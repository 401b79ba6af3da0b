import { onAuthFailure } from './api/client';
import { realmLogin, realmOfPath } from './auth/realm';
import { queryClient } from './query-client';
import { router } from './router';

/**
 * Sends the browser to sign-in when the session is gone, or back to the pending MFA or
 * password step; the login page reads /me to know which step that is. Each realm has its own
 * sign-in page. The applicant's H5 pages need no session, so a refusal there stays on the page.
 */
export function installAuthRedirects(): void {
  onAuthFailure((error) => {
    const { pathname } = router.state.location;
    if (pathname === '/apply' || pathname.startsWith('/apply/')) return;
    const login = realmLogin[realmOfPath(pathname)];
    if (pathname === login || pathname === '/merchant/setup') return;
    if (error.status === 401) {
      void router.navigate(login, { replace: true }).then(() => queryClient.removeQueries());
      return;
    }
    void queryClient.invalidateQueries({ queryKey: ['me'] });
    void router.navigate(login, { replace: true });
  });
}
