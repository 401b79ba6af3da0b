import { Button, ErrorBlock } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api/api-error';
import { errorText } from '../apply/error-text';

/** A code that does not exist gets its own words; anything else can be tried again. */
export function LoadFailure({
  error,
  notFoundTitle,
  notFoundHint,
  onRetry,
}: {
  error: unknown;
  notFoundTitle: string;
  notFoundHint: string;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  const notFound = error instanceof ApiError && error.status === 404;
  return (
    <div data-testid="cashier-load-failure" style={{ padding: '40px 16px' }}>
      <ErrorBlock
        status={notFound ? 'empty' : 'disconnected'}
        title={notFound ? notFoundTitle : t('apply.errors.loadFailed')}
        description={notFound ? notFoundHint : errorText(error, t)}
      >
        {!notFound && (
          <Button color="primary" onClick={onRetry}>
            {t('cashier.retry')}
          </Button>
        )}
      </ErrorBlock>
    </div>
  );
}
