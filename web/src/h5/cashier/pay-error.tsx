import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api/api-error';
import { errorText } from '../apply/error-text';

/**
 * Why pressing pay did not start a payment. The server words the reason in the payer's
 * language (a limit refusal names the limit); the code only picks the heading.
 */
export function PayError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const limit = error instanceof ApiError && error.code === 'payment_limit_exceeded';
  return (
    <div className="cashier-error" role="alert" data-testid="cashier-error">
      <div className="cashier-error-title">
        {limit ? t('cashier.errors.limitTitle') : t('cashier.result.failed')}
      </div>
      {errorText(error, t)}
    </div>
  );
}
