import { LoginPage } from '../../app/auth/login-page';

/** The portal's sign-in: the staff steps with the mobile number as the login name. */
export function MerchantLoginPage() {
  return <LoginPage realm="merchant" />;
}
