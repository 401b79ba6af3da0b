import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, NetworkError } from './api-error';

/** `body.roles.0` or `roles[0]` → ['roles', 0], the name path antd forms use. */
function toNamePath(param: string): (string | number)[] {
  return param
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((part) => part !== '' && part !== 'body' && part !== 'query')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Returns a function that shows an API failure where the user will look for it: next to the
 * form field the server named, otherwise as a toast. Messages come localized from the server.
 */
export function useShowError(): (error: unknown, form?: FormInstance) => void {
  const { message } = App.useApp();
  const { t } = useTranslation();

  return useCallback(
    (error: unknown, form?: FormInstance) => {
      if (error instanceof NetworkError) {
        void message.error(t('common.networkError'));
        return;
      }
      if (!(error instanceof ApiError)) {
        void message.error(t('common.unexpectedError'));
        return;
      }
      // Redirect-worthy failures are handled by the router; a toast on top would only flash.
      if (error.status === 401 && error.code !== 'invalid_credentials' && !form) return;

      const fieldErrors = error.errors.length
        ? error.errors
        : error.param
          ? [{ param: error.param, code: error.code, message: error.message }]
          : [];
      if (form && fieldErrors.length) {
        const registered = new Set(
          form.getFieldsError().map((field) => String(field.name[0] ?? '')),
        );
        const onForm = fieldErrors.filter((fieldError) =>
          registered.has(String(toNamePath(fieldError.param)[0] ?? '')),
        );
        if (onForm.length) {
          form.setFields(
            onForm.map((fieldError) => ({
              name: toNamePath(fieldError.param),
              errors: [fieldError.message],
            })),
          );
          // Errors on fields the form does not show still need to reach the user.
          if (onForm.length === fieldErrors.length) return;
        }
      }
      void message.error(error.message);
    },
    [message, t],
  );
}
