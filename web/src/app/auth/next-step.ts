import type { LoginNext, Me } from '../api/types';

/**
 * Where a signed-in session still has to go before the console. It mirrors the server's
 * rule (docs/api.md): MFA first when required, then a forced password change.
 */
export function nextStepFor(me: Me): LoginNext {
  if (me.session.mfaRequired && !me.session.mfaPassed) {
    return me.user.mfaEnabled ? 'mfa_verify' : 'mfa_enroll';
  }
  if (me.user.mustChangePassword) return 'change_password';
  return 'done';
}
