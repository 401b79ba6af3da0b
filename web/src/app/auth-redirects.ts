import { onAuthFailure } from './api/client';
import { queryClient } from './query-client';
import { router } from './router';

/**
 * Sends the browser to sign-in when the session is gone, or back to the pending MFA or
 * password step; the login page reads /me to know which step that is.
 */
export function installAuthRedirects(): void {
  onAuthFailure((error) => {
    if (router.state.location.pathname === '/login') return;
    if (error.status === 401) {
      void router.navigate('/login', { replace: true }).then(() => queryClient.removeQueries());
      return;
    }
    void queryClient.invalidateQueries({ queryKey: ['me'] });
    void router.navigate('/login', { replace: true });
  });
}
