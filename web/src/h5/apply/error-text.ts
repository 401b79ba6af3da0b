import type { TFunction } from 'i18next';
import { ApiError, NetworkError } from '../../app/api/api-error';

/** The server words its errors in the applicant's language; other failures get a generic line. */
export function errorText(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof NetworkError) return t('apply.errors.network');
  return t('apply.errors.unexpected');
}
