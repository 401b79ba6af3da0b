import type { CSSProperties } from 'react';
import { type Wallet, walletBadges, walletColors } from './wallet';

/** The wallet's coloured letter; the surrounding element may restyle it through its class. */
export function WalletBadge({ wallet }: { wallet: Wallet }) {
  return (
    <span
      className="cashier-wallet-badge"
      style={{ '--wallet-color': walletColors[wallet] } as CSSProperties}
      aria-hidden
    >
      {walletBadges[wallet]}
    </span>
  );
}
