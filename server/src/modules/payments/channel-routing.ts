import type { Channel } from './tables.js';

/**
 * The channel of a customer's payment code, from its digits (DOMAIN.md §3): WeChat 18 digits
 * starting 10–15, Alipay 16–24 digits starting 25–30, UnionPay 19 digits starting 62. The bank's
 * own app is paid by scanning the store's code, not by showing one, so it has no prefix here.
 * Null when no channel issues codes like it.
 */
export function channelForAuthCode(authCode: string): Channel | null {
  if (!/^\d+$/.test(authCode)) return null;
  const prefix = Number(authCode.slice(0, 2));
  const length = authCode.length;
  if (length === 18 && prefix >= 10 && prefix <= 15) return 'wechat';
  if (length >= 16 && length <= 24 && prefix >= 25 && prefix <= 30) return 'alipay';
  if (length === 19 && prefix === 62) return 'unionpay';
  return null;
}
