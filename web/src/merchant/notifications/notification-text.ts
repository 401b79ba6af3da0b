import type { MerchantNotification } from '../../app/api/merchant-types';
import { i18n } from '../../app/i18n/i18n';
import { textOr } from '../../app/i18n/labels';

/**
 * Notifications arrive as a kind and parameters; the wording lives here so each reader sees it
 * in their own language. A kind this version does not know yet is shown as its code.
 */
export function notificationText(notification: MerchantNotification): string {
  const text = textOr(
    `portal.notifications.kinds.${notification.kind}`,
    notification.kind,
    notification.params,
  );
  const reason = notification.params.reason;
  if (!reason) return text;
  // Chinese sentences run on without a space; English ones need one.
  const separator = i18n.language === 'en' ? ' ' : '';
  return `${text}${separator}${textOr('portal.notifications.reason', '', { reason })}`;
}
