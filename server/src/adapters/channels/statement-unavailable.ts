import type { Channel } from '../../modules/payments/tables.js';
import { AppError } from '../../platform/errors/app-error.js';

const channelNames: Partial<Record<Channel, string>> = {
  wechat: '微信支付',
  alipay: '支付宝',
  unionpay: '银联',
};

/** The error of a statement download the channel refused or could not complete. */
export function statementUnavailable(channel: Channel, day: string, reason: string): AppError {
  return new AppError('statement_unavailable', {
    param: 'day',
    detail: `${channelNames[channel] ?? channel}未能提供 ${day} 的对账单：${reason}（${channel} did not provide the statement of ${day}: ${reason}）`,
  });
}
