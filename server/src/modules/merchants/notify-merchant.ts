import type { Db } from '../../platform/db/database.js';
import { newId } from '../../platform/ids.js';
import type { MerchantDeps } from './deps.js';
import { merchantNotifications } from './tables.js';

/** The notifications the portal knows how to word; `params` fill in its zh-CN/en templates. */
export type NotificationKind =
  | 'application_submitted'
  | 'application_needs_changes'
  | 'application_rejected'
  | 'merchant_approved'
  | 'merchant_suspended'
  | 'merchant_reinstated'
  | 'merchant_closed'
  | 'account_change_requested'
  | 'account_change_applied'
  | 'account_change_cancelled'
  | 'market_join_requested'
  | 'market_join_accepted'
  | 'market_join_declined';

/** The text message that accompanies a notification, when the applicant should hear at once. */
const smsTexts: Partial<Record<NotificationKind, (params: Record<string, string>) => string>> = {
  merchant_approved: (p) =>
    `【青岛农商银行】您的商户“${p.shortName ?? ''}”已开通。请打开申请链接设置登录密码，或到开户网点领取设置码。`,
  application_needs_changes: () => '【青岛农商银行】您的商户申请需要补充修改，请打开申请链接查看。',
  application_rejected: () => '【青岛农商银行】您的商户申请未通过，原因请打开申请链接查看。',
  merchant_suspended: () => '【青岛农商银行】您的商户已被暂停收款，详情请登录商户平台查看。',
  account_change_requested: () =>
    '【青岛农商银行】您的商户提交了结算账户变更，将在 24 小时后生效；如非本人操作请立即登录撤销。',
};

/**
 * Records a notification for the merchant portal and, for the kinds that warrant it, queues a
 * text message to the merchant's mobile in the same transaction (sent after commit).
 */
export async function notifyMerchant(
  tx: Db,
  deps: Pick<MerchantDeps, 'clock' | 'jobs'>,
  input: { merchantId: string; kind: NotificationKind; params?: Record<string, string> },
): Promise<void> {
  const now = deps.clock.now();
  const params = input.params ?? {};
  await tx.insert(merchantNotifications).values({
    id: newId('notification', now.getTime()),
    merchantId: input.merchantId,
    kind: input.kind,
    params,
    createdAt: now,
  });
  const sms = smsTexts[input.kind];
  if (sms) {
    await deps.jobs.enqueue(tx, sendMerchantSmsJob, {
      merchantId: input.merchantId,
      text: sms(params),
    });
  }
}

export const sendMerchantSmsJob = 'merchants.send_sms';
