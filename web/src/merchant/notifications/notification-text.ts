import { i18n } from '../../app/i18n/i18n';
import type { MerchantNotification } from '../merchant-types';

/**
 * Notifications arrive as a kind and parameters; the wording lives here so each reader sees it
 * in their own language. A kind this version does not know yet is shown as its code.
 */
export function notificationText(notification: MerchantNotification): string {
  const translate = i18n.t as unknown as (
    key: string,
    options: Record<string, unknown> & { defaultValue: string },
  ) => string;
  const text = translate(`portal.notifications.kinds.${notification.kind}`, {
    ...notification.params,
    defaultValue: notification.kind,
  });
  const reason = notification.params.reason;
  if (!reason) return text;
  // Chinese sentences run on without a space; English ones need one.
  const separator = i18n.language === 'en' ? ' ' : '';
  return `${text}${separator}${translate('portal.notifications.reason', { reason, defaultValue: '' })}`;
}
