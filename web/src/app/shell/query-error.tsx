import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, NetworkError } from '../api/api-error';

/** A failed load shown in place of the content it was meant to fill, with a way to retry. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const message =
    error instanceof ApiError
      ? error.message
      : error instanceof NetworkError
        ? t('common.networkError')
        : t('common.unexpectedError');
  return (
    <Alert
      type="error"
      showIcon
      title={message}
      action={
        onRetry && (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )
      }
    />
  );
}
