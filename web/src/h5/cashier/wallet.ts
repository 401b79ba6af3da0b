import { newIdempotencyKey } from '../../app/api/idempotency-key';

/** The wallets a payer's phone can pay with from a QR code (cards are the terminal's). */
export const wallets = ['wechat', 'alipay', 'unionpay', 'bankapp'] as const;
export type Wallet = (typeof wallets)[number];

/** Each wallet's own colour, so the simulated sheet looks like the app the payer knows. */
export const walletColors: Record<Wallet, string> = {
  wechat: '#07c160',
  alipay: '#1677ff',
  unionpay: '#e60012',
  bankapp: '#0b6e4f',
};

/** One letter badge per wallet: no brand artwork is shipped, and the letter reads at a glance. */
export const walletBadges: Record<Wallet, string> = {
  wechat: '微',
  alipay: '支',
  unionpay: '云',
  bankapp: '银',
};

/**
 * Which wallet opened the page (DOMAIN.md §3): each app's web view names itself in the
 * User-Agent. undefined in a plain browser, where the payer picks a simulated wallet.
 */
export function walletFromUserAgent(userAgent: string): Wallet | undefined {
  if (/MicroMessenger/i.test(userAgent)) return 'wechat';
  if (/AlipayClient/i.test(userAgent)) return 'alipay';
  if (/CloudPay|UnionPay/i.test(userAgent)) return 'unionpay';
  if (/SharefinBank/i.test(userAgent)) return 'bankapp';
  return undefined;
}

const memoryRefs = new Map<Wallet, string>();

/**
 * The payer as the wallet would name them (an openid / buyer id): the per-payer daily limits
 * count by it. A real wallet gives a stable id per user; the simulation keeps a random one per
 * wallet on this phone, so the same phone is the same payer from one visit to the next.
 */
export function payerRefFor(wallet: Wallet): string {
  const key = `sharefin.cashier.payer.${wallet}`;
  try {
    const stored = localStorage.getItem(key);
    if (stored) return stored;
    const created = `sim_${wallet}_${newIdempotencyKey()}`;
    localStorage.setItem(key, created);
    return created;
  } catch {
    // Private mode or storage disabled: one id for this page's life still pays correctly.
    const existing = memoryRefs.get(wallet) ?? `sim_${wallet}_${newIdempotencyKey()}`;
    memoryRefs.set(wallet, existing);
    return existing;
  }
}
